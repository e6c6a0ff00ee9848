using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tiering;

/// <summary>Fixed points of the tiering rules.</summary>
public static class TieringRules
{
    /// <summary>A layer 3 assessment is valid for the change level for this many weeks.</summary>
    public const int ValidAssessmentWeeks = 55;

    /// <summary>Months a breach or recall counts for.</summary>
    public const int BreachOrRecallMonths = 12;

    /// <summary>Requirements that do not by themselves give a mandate for change.</summary>
    public static bool IsUnpaidWorkOrRestrictive(RequirementType type) =>
        type is RequirementType.UnpaidWork or RequirementType.Curfew or RequirementType.Exclusion;

    /// <summary>Order types that are, or follow, a custodial sentence.</summary>
    public static bool IsCustodial(OrderType type) =>
        type is OrderType.Licence or OrderType.PostSentenceSupervision or OrderType.Custody;
}

/// <summary>Reads a person's tiering inputs from their record on a given day. Nothing is typed in: the tier follows the record.</summary>
public static class TieringInputsFromRecord
{
    /// <summary>
    /// Builds the inputs: ROSH, RSR and OGRS from the latest assessment on or before <paramref name="today"/>; needs
    /// and the women's assessment factors from the latest complete layer 3 within 55 weeks; MAPPA, complexity
    /// factors and IOM from the markers active today; the mandate for change from the live orders; a breach or
    /// recall from orders in breach, or revoked within the last 12 months.
    /// </summary>
    public static TieringInputs Build(
        IEnumerable<RiskAssessment> assessments, IEnumerable<Marker> markers, IEnumerable<Order> orders, Gender gender, DateOnly today)
    {
        var dated = assessments.Where(a => a.AssessedOn <= today).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToList();
        var latest = dated.FirstOrDefault();
        var full = dated.FirstOrDefault(a => a.IsValidFullAssessmentOn(today));
        var active = markers.Where(m => m.IsActiveOn(today)).ToList();
        var live = orders.Where(o => o.Status is OrderStatus.Active or OrderStatus.Breached).ToList();
        var changeRequired = live.Any(o => TieringRules.IsCustodial(o.Type)
            || o.Requirements.Any(r => r.Status is RequirementStatus.NotStarted or RequirementStatus.Active && !TieringRules.IsUnpaidWorkOrRestrictive(r.Type)));
        var breachSince = today.AddMonths(-TieringRules.BreachOrRecallMonths);
        var breach = orders.Any(o => o.Status == OrderStatus.Breached
            || (o.Status == OrderStatus.Revoked && o.TerminationDate is { } ended && ended > breachSince && ended <= today));
        return new TieringInputs
        {
            Rosh = latest?.Rosh,
            RsrPercent = latest?.RsrPercent,
            OgrsPercent = latest?.OgrsPercent,
            AssessmentId = latest?.Id,
            AssessedOn = latest?.AssessedOn,
            Needs = full?.Needs(),
            FullAssessmentId = full?.Id,
            ParentingResponsibilities = full?.ParentingResponsibilities ?? false,
            ImpulsivityOrTemperControl = full?.ImpulsivityOrTemperControl ?? false,
            MappaLevel = active.Where(m => m.Type == MarkerType.Mappa).Select(m => m.MappaLevel ?? 1).DefaultIfEmpty(0).Max(),
            ComplexityFactors = active.Select(m => ComplexityFactors.FromMarker(m.Type)).OfType<ComplexityFactor>().ToHashSet(),
            Iom = active.Any(m => m.Type == MarkerType.IntegratedOffenderManagement),
            ChangeRequired = changeRequired,
            IsFemale = gender == Gender.Female,
            BreachOrRecallInLast12Months = breach,
        };
    }
}

/// <summary>Which tiering policy applies from which day: a change of policy re-tiers every case from a known date.</summary>
public sealed class TieringSchedule
{
    private readonly (DateOnly From, ITieringPolicy Policy)[] _entries;

    /// <summary>Creates a schedule; the earliest entry also covers every day before it.</summary>
    public TieringSchedule(IEnumerable<(DateOnly From, ITieringPolicy Policy)> entries)
    {
        _entries = [.. entries.OrderBy(e => e.From)];
        if (_entries.Length == 0)
        {
            throw new ArgumentException("A tiering schedule needs at least one policy.", nameof(entries));
        }

        if (_entries.Select(e => e.From).Distinct().Count() != _entries.Length)
        {
            throw new ArgumentException("Two tiering policies start on the same day.", nameof(entries));
        }
    }

    /// <summary>The England and Wales framework for all time.</summary>
    public static TieringSchedule Default { get; } = new([(DateOnly.MinValue, new EnglandWalesTiering())]);

    /// <summary>The entries, earliest first.</summary>
    public IReadOnlyList<(DateOnly From, ITieringPolicy Policy)> Entries => _entries;

    /// <summary>The policy in force on <paramref name="date"/>.</summary>
    public ITieringPolicy At(DateOnly date) => _entries.LastOrDefault(e => e.From <= date).Policy ?? _entries[0].Policy;

    /// <summary>The policy with the given name in this schedule, if any.</summary>
    public ITieringPolicy? Named(string name) =>
        _entries.Select(e => e.Policy).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How a newly calculated tier compares with the one the case has.</summary>
public enum TierChangeDirection
{
    /// <summary>The case had no tier.</summary>
    Initial = 1,

    /// <summary>More intensive than before.</summary>
    Upgrade,

    /// <summary>The same tier.</summary>
    Unchanged,

    /// <summary>Less intensive than before: applied only with a reason, sometimes a countersignature.</summary>
    Downgrade,

    /// <summary>A different policy: ranks are not comparable, so the new tier applies from the policy's start date.</summary>
    PolicyChange,
}

/// <summary>What a downgrade needs before it applies.</summary>
/// <param name="CountersignatureRequired">Whether a manager must countersign.</param>
/// <param name="Why">Why a countersignature is needed, in words; empty when it is not.</param>
public sealed record DowngradeRequirements(bool CountersignatureRequired, IReadOnlyList<string> Why);

/// <summary>
/// The integrity rules of tier changes (PRACTICE.md section 7, line 1): a rating follows the assessment, a lower
/// tier is never applied silently, and some downgrades need a manager's countersignature.
/// </summary>
public static class TierChangeRules
{
    /// <summary>A downgrade within this many days of an upgrade needs a countersignature.</summary>
    public const int CountersignWithinDaysOfUpgrade = 90;

    /// <summary>Shortest acceptable reason, so "ok" is not a reason.</summary>
    public const int MinimumReasonLength = 10;

    /// <summary>Compares a new result with the case's current tier.</summary>
    public static TierChangeDirection Classify(string? currentPolicy, string? currentTier, int currentRank, TierResult next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (currentTier is null)
        {
            return TierChangeDirection.Initial;
        }

        if (!string.Equals(currentPolicy, next.Policy, StringComparison.Ordinal))
        {
            return TierChangeDirection.PolicyChange;
        }

        return next.Rank > currentRank ? TierChangeDirection.Upgrade
            : next.Rank < currentRank ? TierChangeDirection.Downgrade
            : next.Tier == currentTier ? TierChangeDirection.Unchanged
            : TierChangeDirection.Upgrade;
    }

    /// <summary>True when the person has a child-protection, domestic-abuse or MAPPA marker active on <paramref name="today"/>.</summary>
    public static bool HasProtectiveMarker(IEnumerable<Marker> markers, DateOnly today) =>
        markers.Any(m => m.IsActiveOn(today) && m.Type is MarkerType.ChildProtection or MarkerType.DomesticAbuse or MarkerType.Mappa);

    /// <summary>
    /// What a downgrade proposed on <paramref name="today"/> needs: a countersignature when the case was upgraded in
    /// the last <paramref name="windowDays"/> days or has a CP, DA or MAPPA marker.
    /// </summary>
    public static DowngradeRequirements ForDowngrade(
        DateOnly today, DateOnly? lastUpgradeOn, bool hasProtectiveMarker, int windowDays = CountersignWithinDaysOfUpgrade)
    {
        var why = new List<string>();
        if (lastUpgradeOn is { } up && up <= today && today.DayNumber - up.DayNumber <= windowDays)
        {
            why.Add($"the tier was raised {today.DayNumber - up.DayNumber} days ago (within {windowDays} days)");
        }

        if (hasProtectiveMarker)
        {
            why.Add("the case has a child protection, domestic abuse or MAPPA marker");
        }

        return new DowngradeRequirements(why.Count > 0, why);
    }

    /// <summary>Checks the reason given for lowering a tier.</summary>
    public static ValidationErrors ValidateReason(string? reason)
    {
        var errors = new ValidationErrors().MaxLength("reason", reason, FieldLimits.Note, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Enter the reason for lowering the tier");
        }
        else if (reason.Trim().Length < MinimumReasonLength)
        {
            errors.Add("reason", $"The reason must be at least {MinimumReasonLength} characters: say what has changed");
        }

        return errors;
    }

    /// <summary>Checks a countersignature: a manager other than the person who gave the reason, with a note when refusing.</summary>
    public static ValidationErrors ValidateCountersignature(string proposedBy, string countersigner, bool approve, string? note)
    {
        var errors = new ValidationErrors().MaxLength("note", note, FieldLimits.Note, "note");
        if (string.Equals(proposedBy, countersigner, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("approve", "You gave the reason for this downgrade, so another manager must countersign it");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            errors.Add("note", "Enter why the downgrade is refused");
        }

        return errors;
    }
}
