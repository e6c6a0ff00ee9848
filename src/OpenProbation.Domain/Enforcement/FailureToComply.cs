using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;

namespace OpenProbation.Domain.Enforcement;

/// <summary>
/// A failure to comply at an enforceable appointment, and the responsible officer's decision on it. One per appointment:
/// the appointment is the event, so whoever records the outcome, however often, there is one decision and one letter.
/// </summary>
public sealed class FailureToComply : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>The order the appointment was for.</summary>
    public int OrderId { get; set; }

    /// <summary>The appointment whose outcome was the failure (unique).</summary>
    public int AppointmentId { get; set; }

    /// <summary>The day of the appointment, in Europe/London.</summary>
    public DateOnly FailureDate { get; set; }

    /// <summary>The outcome recorded: attended but failed to comply, or unacceptable absence.</summary>
    public AppointmentOutcome Outcome { get; set; }

    /// <summary>Where it stands.</summary>
    public EnforcementStatus Status { get; set; } = EnforcementStatus.AwaitingDecision;

    /// <summary>The day the decision is due (<see cref="EnforcementRules.DecisionDue"/>).</summary>
    public DateOnly DecisionDueOn { get; set; }

    /// <summary>The day breach action must have started by, whatever is decided first (<see cref="EnforcementRules.BreachDue"/>).</summary>
    public DateOnly BreachDueOn { get; set; }

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>The decision, once made.</summary>
    public EnforcementDecision? Decision { get; set; }

    /// <summary>Why.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>For breach or recall: what the officer proposes, for the breach pack.</summary>
    public string? Proposal { get; set; }

    /// <summary>True when the rules required breach or recall (a failure within the window of a warning).</summary>
    public bool EscalationRequired { get; set; }

    /// <summary>User name of whoever decided.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The day decided, in Europe/London: a warning's day.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>For a warning: the last day for a reasonable excuse.</summary>
    public DateOnly? ExcuseDueOn { get; set; }

    /// <summary>Why the warning was withdrawn.</summary>
    public string? WithdrawnReason { get; set; }

    /// <summary>User name of whoever withdrew it.</summary>
    public string? WithdrawnBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>True until a decision is made.</summary>
    public bool IsAwaitingDecision => Status == EnforcementStatus.AwaitingDecision;

    /// <summary>True when undecided after its due day.</summary>
    public bool IsOverdue(DateOnly today) => IsAwaitingDecision && today > DecisionDueOn;

    /// <summary>The failure as an earlier warning, for the rules on later failures; nothing when it was not a warning.</summary>
    public PriorWarning? AsWarning() => Decision == EnforcementDecision.Warning && DecidedOn is { } on
        ? new PriorWarning(FailureDate, on, Status == EnforcementStatus.WarningWithdrawn)
        : null;

    /// <summary>Opens the decision for an appointment's failure.</summary>
    public static FailureToComply Open(
        int personId, int orderId, int appointmentId, DateOnly failureDate, AppointmentOutcome outcome, DateTimeOffset openedAt,
        WorkingCalendar calendar, EnforcementSettings settings) => new()
        {
            PersonId = personId,
            OrderId = orderId,
            AppointmentId = appointmentId,
            FailureDate = failureDate,
            Outcome = outcome,
            OpenedAt = openedAt,
            DecisionDueOn = EnforcementRules.DecisionDue(failureDate, calendar, settings),
            BreachDueOn = EnforcementRules.BreachDue(failureDate, calendar, settings),
        };

    /// <summary>
    /// Records a decision checked by <see cref="EnforcementRules.Validate"/>; a failure is decided once (a warning can
    /// then only be withdrawn). Returns the errors, and changes nothing when there are any.
    /// </summary>
    public ValidationErrors Decide(
        EnforcementDecisionDetails details, FailureContext context, EnforcementSettings settings, string decidedBy, DateTimeOffset decidedAt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!IsAwaitingDecision)
        {
            return new ValidationErrors().Add("decision", $"This failure was already decided ({EnforcementRules.Describe(Decision!.Value)}) by {DecidedBy}");
        }

        var errors = EnforcementRules.Validate(details, context, settings);
        if (!errors.IsValid)
        {
            return errors;
        }

        var decision = details.Decision!.Value;
        Decision = decision;
        DecisionReason = string.IsNullOrWhiteSpace(details.Reason) ? null : details.Reason.Trim();
        Proposal = string.IsNullOrWhiteSpace(details.Proposal) ? null : details.Proposal.Trim();
        EscalationRequired = EnforcementRules.ActiveWarning(context, settings) is not null;
        Status = EnforcementRules.StatusAfter(decision);
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
        DecidedOn = today;
        ExcuseDueOn = decision == EnforcementDecision.Warning ? EnforcementRules.ExcuseDue(today, settings) : null;
        return errors;
    }

    /// <summary>Withdraws a warning, with a reason (e.g. a reasonable excuse given in time); it then no longer counts.</summary>
    public ValidationErrors WithdrawWarning(string? reason, EnforcementSettings settings, string withdrawnBy, DateTimeOffset withdrawnAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors();
        if (Status != EnforcementStatus.Warned)
        {
            return errors.Add("reason", Status == EnforcementStatus.WarningWithdrawn ? "This warning was already withdrawn" : "Only a warning can be withdrawn");
        }

        if (reason is null || reason.Trim().Length < settings.MinimumReasonLength)
        {
            return errors.Add("reason", $"Give the reason for withdrawing the warning, in at least {settings.MinimumReasonLength} characters");
        }

        errors.MaxLength("reason", reason, FieldLimits.Note, "the reason");
        if (errors.IsValid)
        {
            Status = EnforcementStatus.WarningWithdrawn;
            WithdrawnReason = reason.Trim();
            WithdrawnBy = withdrawnBy;
            WithdrawnAt = withdrawnAt;
        }

        return errors;
    }
}
