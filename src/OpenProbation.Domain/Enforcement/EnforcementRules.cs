using System.Globalization;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Enforcement;

/// <summary>The enforcement settings, configurable (<c>OpenProbation:Enforcement</c>); defaults from PRACTICE.md section 5 and issue 6.</summary>
public sealed record EnforcementSettings
{
    /// <summary>
    /// The officer decides within this many working days of the failure; after that the decision is overdue and shown to
    /// the manager. OpenProbation's default (2): the sources ask for timely decisions but give no figure.
    /// </summary>
    public int DecisionWorkingDays { get; init; } = 2;

    /// <summary>Days a warned person has to give a reasonable excuse: 7.</summary>
    public int ExcuseDays { get; init; } = 7;

    /// <summary>A failure within this many months of a warning requires breach action: 12.</summary>
    public int WarningWindowMonths { get; init; } = 12;

    /// <summary>Breach action must start within this many working days of the failure: 10.</summary>
    public int BreachWorkingDays { get; init; } = 10;

    /// <summary>The shortest reason, in characters, for no further action, a breach on a first failure, or withdrawing a warning.</summary>
    public int MinimumReasonLength { get; init; } = 20;

    /// <summary>Checks the settings; messages name the configuration keys.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(key, $"OpenProbation:Enforcement:{key} must be from {min} to {max}");
            }
        }

        Range(nameof(DecisionWorkingDays), DecisionWorkingDays, 0, 30);
        Range(nameof(ExcuseDays), ExcuseDays, 1, 60);
        Range(nameof(WarningWindowMonths), WarningWindowMonths, 1, 60);
        Range(nameof(BreachWorkingDays), BreachWorkingDays, 1, 60);
        Range(nameof(MinimumReasonLength), MinimumReasonLength, 1, 500);
        return errors;
    }
}

/// <summary>What the responsible officer decides about a failure to comply.</summary>
public enum EnforcementDecision
{
    /// <summary>A warning: a letter, and a set time for the person to give a reasonable excuse.</summary>
    Warning = 1,

    /// <summary>No further action, with a reason.</summary>
    NoFurtherAction,

    /// <summary>Breach action: the case returns to court.</summary>
    Breach,

    /// <summary>For a licence: a recall decision instead of breach.</summary>
    Recall,
}

/// <summary>Where a failure to comply stands.</summary>
public enum EnforcementStatus
{
    /// <summary>Opened by the failure; the officer has not decided.</summary>
    AwaitingDecision = 1,

    /// <summary>A warning was issued.</summary>
    Warned,

    /// <summary>The warning was withdrawn, with a reason (e.g. an excuse accepted in time).</summary>
    WarningWithdrawn,

    /// <summary>No further action, with a reason.</summary>
    NoFurtherAction,

    /// <summary>Breach action decided; the breach pack goes to court.</summary>
    BreachAction,

    /// <summary>Recall decided, for a licence.</summary>
    RecallRequested,
}

/// <summary>An earlier warning on the same order, as the rules see it.</summary>
/// <param name="FailureDate">The day of the failure warned for.</param>
/// <param name="WarnedOn">The day the warning was issued.</param>
/// <param name="Withdrawn">True when it was withdrawn: it no longer counts.</param>
public sealed record PriorWarning(DateOnly FailureDate, DateOnly WarnedOn, bool Withdrawn);

/// <summary>What the rules need to know about a failure.</summary>
/// <param name="FailureDate">The day of the failure (the appointment's day).</param>
/// <param name="OrderType">The order it is on.</param>
/// <param name="Warnings">Earlier warnings on the same order, withdrawn ones included.</param>
public sealed record FailureContext(DateOnly FailureDate, OrderType OrderType, IReadOnlyList<PriorWarning> Warnings)
{
    /// <summary>True for a licence, where the choice is recall, not breach.</summary>
    public bool IsLicence => OrderType == OrderType.Licence;
}

/// <summary>The choices the rules leave for a failure, and why.</summary>
/// <param name="Allowed">The decisions the officer may make.</param>
/// <param name="ActiveWarning">The warning that requires breach or recall, if any.</param>
/// <param name="Words">Why, in words for the decision screen.</param>
public sealed record EnforcementChoice(IReadOnlyList<EnforcementDecision> Allowed, PriorWarning? ActiveWarning, string Words)
{
    /// <summary>True when the rules require breach (or, for a licence, recall) action.</summary>
    public bool EscalationRequired => ActiveWarning is not null;
}

/// <summary>What the officer sends to decide.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Reason">Why; required for no further action and for breach or recall on a first failure (professional judgement).</param>
/// <param name="Proposal">For breach or recall: what the officer proposes (e.g. continue the order with an added requirement); it goes in the breach pack.</param>
public sealed record EnforcementDecisionDetails(EnforcementDecision? Decision, string? Reason, string? Proposal = null);

/// <summary>
/// The enforcement rules (PRACTICE.md section 5, immutable line 7): a failure to comply opens a decision; a warning gives
/// the person 7 days to give a reasonable excuse; a second failure within 12 months of a warning (not withdrawn) on the
/// same order requires breach action, or recall for a licence; professional judgement may breach on a first serious
/// failure, with the reason recorded; breach action starts within 10 working days; every decision records who, when
/// and why, and an undecided failure past its due day is overdue.
/// </summary>
public static class EnforcementRules
{
    /// <summary>The warning, if any, within the window before the failure that requires escalation.</summary>
    public static PriorWarning? ActiveWarning(FailureContext failure, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(settings);
        return failure.Warnings
            .Where(w => !w.Withdrawn && w.FailureDate < failure.FailureDate && IsWithinWindow(w.WarnedOn, failure.FailureDate, settings))
            .OrderByDescending(w => w.WarnedOn)
            .FirstOrDefault();
    }

    /// <summary>
    /// True when a failure on <paramref name="failureDate"/> falls within the window of a warning issued on
    /// <paramref name="warnedOn"/>: from the warning up to and including the same calendar day
    /// <see cref="EnforcementSettings.WarningWindowMonths"/> months later (a warning of 29 February runs to 28 February).
    /// </summary>
    public static bool IsWithinWindow(DateOnly warnedOn, DateOnly failureDate, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return failureDate >= warnedOn && failureDate <= warnedOn.AddMonths(settings.WarningWindowMonths);
    }

    /// <summary>The decisions open for a failure.</summary>
    public static EnforcementChoice Choices(FailureContext failure, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var escalate = failure.IsLicence ? EnforcementDecision.Recall : EnforcementDecision.Breach;
        var action = failure.IsLicence ? "a recall decision" : "breach action";
        if (ActiveWarning(failure, settings) is { } warning)
        {
            return new EnforcementChoice([escalate], warning,
                $"A warning was issued on {Day(warning.WarnedOn)}, within {settings.WarningWindowMonths} months of this failure: {action} is required.");
        }

        return new EnforcementChoice([EnforcementDecision.Warning, EnforcementDecision.NoFurtherAction, escalate], null,
            $"No warning in the last {settings.WarningWindowMonths} months on this order: warn, take no further action with a reason, or take {action} on a serious failure with the reason recorded.");
    }

    /// <summary>Checks a decision against the choices; field errors keyed <c>decision</c> and <c>reason</c>.</summary>
    public static ValidationErrors Validate(EnforcementDecisionDetails details, FailureContext failure, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors().Defined("decision", details.Decision, "a decision").MaxLength("reason", details.Reason, FieldLimits.Note, "the reason")
            .MaxLength("proposal", details.Proposal, FieldLimits.Note, "the proposal");
        if (details.Decision is not { } decision || !Enum.IsDefined(decision))
        {
            return errors;
        }

        if (decision is EnforcementDecision.Warning or EnforcementDecision.NoFurtherAction && !string.IsNullOrWhiteSpace(details.Proposal))
        {
            errors.Add("proposal", "A proposal goes with breach action or recall: leave it empty for a warning or no further action");
        }

        var choice = Choices(failure, settings);
        if (!choice.Allowed.Contains(decision))
        {
            errors.Add("decision", decision switch
            {
                EnforcementDecision.Breach when failure.IsLicence => "A licence is enforced by recall, not breach: choose recall",
                EnforcementDecision.Recall when !failure.IsLicence => "Recall is for licences: this order is enforced by breach action",
                _ => choice.Words,
            });
            return errors;
        }

        var needsReason = decision == EnforcementDecision.NoFurtherAction || (decision != EnforcementDecision.Warning && !choice.EscalationRequired);
        if (needsReason && (details.Reason is null || details.Reason.Trim().Length < settings.MinimumReasonLength))
        {
            errors.Add("reason", decision == EnforcementDecision.NoFurtherAction
                ? $"Give the reason for taking no further action, in at least {settings.MinimumReasonLength} characters"
                : $"This is a first failure: give the professional judgement for {(failure.IsLicence ? "recall" : "breach")} now, in at least {settings.MinimumReasonLength} characters");
        }

        return errors;
    }

    /// <summary>The day the officer's decision is due: <see cref="EnforcementSettings.DecisionWorkingDays"/> working days after the failure.</summary>
    public static DateOnly DecisionDue(DateOnly failureDate, WorkingCalendar calendar, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.AddWorkingDays(failureDate, settings.DecisionWorkingDays);
    }

    /// <summary>The day breach action must have started by: <see cref="EnforcementSettings.BreachWorkingDays"/> working days after the failure.</summary>
    public static DateOnly BreachDue(DateOnly failureDate, WorkingCalendar calendar, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.AddWorkingDays(failureDate, settings.BreachWorkingDays);
    }

    /// <summary>The last day a warned person may give a reasonable excuse: <see cref="EnforcementSettings.ExcuseDays"/> calendar days after the warning.</summary>
    public static DateOnly ExcuseDue(DateOnly warnedOn, EnforcementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return warnedOn.AddDays(settings.ExcuseDays);
    }

    /// <summary>The status a decision leads to.</summary>
    public static EnforcementStatus StatusAfter(EnforcementDecision decision) => decision switch
    {
        EnforcementDecision.Warning => EnforcementStatus.Warned,
        EnforcementDecision.NoFurtherAction => EnforcementStatus.NoFurtherAction,
        EnforcementDecision.Breach => EnforcementStatus.BreachAction,
        EnforcementDecision.Recall => EnforcementStatus.RecallRequested,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown enforcement decision"),
    };

    /// <summary>The decision in words, e.g. "no further action".</summary>
    public static string Describe(EnforcementDecision decision) => decision switch
    {
        EnforcementDecision.Warning => "warning",
        EnforcementDecision.NoFurtherAction => "no further action",
        EnforcementDecision.Breach => "breach action",
        EnforcementDecision.Recall => "recall",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown enforcement decision"),
    };

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
