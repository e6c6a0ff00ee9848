using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Workload;

/// <summary>Why an officer's available time is reduced.</summary>
public enum ReductionType
{
    /// <summary>Trainee probation officer (PQiP): 80% in months 0–6 of training, 60% in 6–12, 40% in 12–18.</summary>
    TraineeProbationOfficer = 1,

    /// <summary>Newly qualified probation officer: 20% for the first 9 months after qualifying.</summary>
    NewlyQualified,

    /// <summary>Trade-union facility time: the hours agreed.</summary>
    TradeUnionFacilityTime,

    /// <summary>Long-term sickness: 100% while it lasts.</summary>
    LongTermSickness,

    /// <summary>Maternity, adoption or shared parental leave: 100% while it lasts.</summary>
    MaternityLeave,

    /// <summary>Another agreed reduction (a project, mentoring, a special role): the hours agreed.</summary>
    OtherHours,
}

/// <summary>A step of a percentage reduction: from a number of months after the reduction starts, until another.</summary>
/// <param name="FromMonth">Months after the start when the step begins (inclusive).</param>
/// <param name="ToMonth">Months after the start when it ends (exclusive).</param>
/// <param name="Share">The share of contracted hours taken off, 0 to 1.</param>
public sealed record ReductionStep(int FromMonth, int ToMonth, decimal Share);

/// <summary>
/// How one type of reduction counts: either a share of contracted hours in steps by months since it began (trainee,
/// newly qualified), a share while it lasts (sickness, maternity), or the hours recorded on the reduction.
/// </summary>
/// <param name="Type">The type.</param>
/// <param name="Steps">Percentage steps; empty for an hours-based type.</param>
/// <param name="WhileItLasts">A share that applies from start to end whatever the months (sickness, maternity).</param>
public sealed record ReductionRule(ReductionType Type, IReadOnlyList<ReductionStep> Steps, decimal? WhileItLasts = null)
{
    /// <summary>True when the reduction is a number of hours a week recorded with it.</summary>
    public bool IsHoursBased => Steps.Count == 0 && WhileItLasts is null;

    /// <summary>The last day a stepped reduction can apply for one starting on <paramref name="start"/>, if it has steps.</summary>
    public DateOnly? ExpiresAfter(DateOnly start) => Steps.Count == 0 ? null : start.AddMonths(Steps.Max(s => s.ToMonth)).AddDays(-1);
}

/// <summary>The reduction rules by type, with the defaults from the England and Wales workload convention (docs/workload.md).</summary>
public sealed class ReductionRules
{
    /// <summary>Rules from a list; every type needs one.</summary>
    public ReductionRules(IEnumerable<ReductionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToDictionary(r => r.Type);
        var missing = Enum.GetValues<ReductionType>().Where(t => !Rules.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No reduction rule for {string.Join(", ", missing)}.", nameof(rules));
        }

        foreach (var rule in Rules.Values)
        {
            if (rule.Steps.Any(s => s.Share is < 0 or > 1 || s.FromMonth < 0 || s.ToMonth <= s.FromMonth) || rule.WhileItLasts is < 0 or > 1)
            {
                throw new ArgumentException($"The {rule.Type} rule has a share outside 0 to 1 or a step that ends before it begins.", nameof(rules));
            }
        }
    }

    /// <summary>Each type's rule.</summary>
    public IReadOnlyDictionary<ReductionType, ReductionRule> Rules { get; }

    /// <summary>Trainee 80/60/40% over 18 months, newly qualified 20% for 9, sickness and maternity 100%, the rest by hours.</summary>
    public static ReductionRules Default { get; } = new(
    [
        new(ReductionType.TraineeProbationOfficer, [new(0, 6, 0.8m), new(6, 12, 0.6m), new(12, 18, 0.4m)]),
        new(ReductionType.NewlyQualified, [new(0, 9, 0.2m)]),
        new(ReductionType.TradeUnionFacilityTime, []),
        new(ReductionType.LongTermSickness, [], 1m),
        new(ReductionType.MaternityLeave, [], 1m),
        new(ReductionType.OtherHours, []),
    ]);

    /// <summary>
    /// The hours a week taken off a contract of <paramref name="contractedHours"/> by <paramref name="reduction"/> on
    /// <paramref name="date"/>, never more than the contract; 0 outside its dates or after its steps end.
    /// </summary>
    public decimal HoursOn(Reduction reduction, decimal contractedHours, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        if (date < reduction.StartDate || (reduction.EndDate is { } end && date > end))
        {
            return 0m;
        }

        var rule = Rules[reduction.Type];
        decimal hours;
        if (rule.WhileItLasts is { } share)
        {
            hours = contractedHours * share;
        }
        else if (rule.Steps.Count > 0)
        {
            var months = MonthsBetween(reduction.StartDate, date);
            var step = rule.Steps.FirstOrDefault(s => months >= s.FromMonth && months < s.ToMonth);
            hours = step is null ? 0m : contractedHours * step.Share;
        }
        else
        {
            hours = reduction.HoursPerWeek ?? 0m;
        }

        return Math.Min(contractedHours, decimal.Round(hours, 2));
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>: 6 on the same day six months later.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}

/// <summary>A reduction recorded for an officer.</summary>
public sealed class Reduction : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The officer.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>The type, which decides how it counts.</summary>
    public ReductionType Type { get; set; }

    /// <summary>First day it applies: the start of training, the day of qualifying, the first day off.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day it applies (inclusive); a stepped reduction also ends when its steps do.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Hours a week, for an hours-based type.</summary>
    public decimal? HoursPerWeek { get; set; }

    /// <summary>Optional note.</summary>
    public string? Notes { get; set; }

    /// <summary>Who recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Takes the details a user or client sent, once <see cref="ReductionDetails.Validate"/> has passed them.</summary>
    public void Apply(ReductionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Type = details.Type!.Value;
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate;
        HoursPerWeek = details.HoursPerWeek;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }
}

/// <summary>What a client sends to record a reduction.</summary>
/// <param name="Type">The type.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day, optional.</param>
/// <param name="HoursPerWeek">Hours a week, required for trade-union facility time and other hours-based reductions.</param>
/// <param name="Notes">Optional note.</param>
public sealed record ReductionDetails(ReductionType? Type, DateOnly? StartDate, DateOnly? EndDate, decimal? HoursPerWeek, string? Notes)
{
    /// <summary>Checks the details against the officer's contract and the rules.</summary>
    public ValidationErrors Validate(ReductionRules rules, decimal contractedHours)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of reduction")
            .Present("startDate", StartDate, "Enter the date the reduction starts")
            .MaxLength("notes", Notes, FieldLimits.Note, "notes");
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add("endDate", "End date must be the same as or after the start date");
        }

        if (Type is { } type && Enum.IsDefined(type) && rules.Rules[type].IsHoursBased)
        {
            if (HoursPerWeek is not { } hours)
            {
                errors.Add("hoursPerWeek", "Enter the hours a week the reduction takes off");
            }
            else if (hours <= 0 || hours > contractedHours)
            {
                errors.Add("hoursPerWeek", $"Hours a week must be more than 0 and no more than the contracted {contractedHours:0.##}");
            }
            else if (decimal.Round(hours, 2) != hours)
            {
                errors.Add("hoursPerWeek", "Hours a week can have at most two decimal places, like 7.5");
            }
        }
        else if (HoursPerWeek is not null && Type is { } t && Enum.IsDefined(t))
        {
            errors.Add("hoursPerWeek", "This type of reduction is a set share of the contract: leave hours a week empty");
        }

        return errors;
    }
}
