using System.Globalization;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Allocation;

/// <summary>The allocation settings, configurable (<c>OpenProbation:Allocation</c>); defaults from PRACTICE.md sections 4 and 7.</summary>
public sealed record AllocationSettings
{
    /// <summary>The induction window an allocated officer must be available for: 10 working days from today.</summary>
    public int AvailabilityWorkingDays { get; init; } = 10;

    /// <summary>No allocation may take an officer above this capacity without an override: 110%.</summary>
    public decimal CapacityCeilingPercent { get; init; } = 110m;

    /// <summary>Target: allocated within this many working days of sentence or release; 0 is the same day.</summary>
    public int TargetWorkingDays { get; init; }

    /// <summary>Grades that may not hold high-risk, child-protection, domestic-abuse or MAPPA cases without an override.</summary>
    public IReadOnlySet<StaffGrade> RestrictedGrades { get; init; } = new HashSet<StaffGrade> { StaffGrade.ProbationServiceOfficer, StaffGrade.TraineeProbationOfficer };

    /// <summary>The shortest override reason, in characters.</summary>
    public int MinimumOverrideReasonLength { get; init; } = 20;
}

/// <summary>A hard allocation rule; breaking one needs a manager's recorded override.</summary>
public enum AllocationRule
{
    /// <summary>The officer is away on a day of the induction window.</summary>
    AbsentInInductionWindow = 1,

    /// <summary>A PSO or trainee for a case with high or very high ROSH, or child-protection, domestic-abuse or MAPPA markers.</summary>
    GradeForRisk,

    /// <summary>Taking the case puts the officer above the capacity ceiling.</summary>
    AboveCapacityCeiling,
}

/// <summary>What allocation needs to know about a case.</summary>
/// <param name="Rosh">The current ROSH, if assessed.</param>
/// <param name="ChildProtection">An active child-protection marker.</param>
/// <param name="DomesticAbuse">An active domestic-abuse marker.</param>
/// <param name="Mappa">An active MAPPA marker.</param>
/// <param name="PreviousOfficerIds">Officers who have supervised the person before (continuity).</param>
/// <param name="TeamId">The team the case is for (its area), if known.</param>
public sealed record AllocationCase(
    RoshLevel? Rosh, bool ChildProtection, bool DomesticAbuse, bool Mappa, IReadOnlySet<int> PreviousOfficerIds, int? TeamId)
{
    /// <summary>True when the case needs a probation officer: high or very high ROSH, or CP, DA or MAPPA.</summary>
    public bool NeedsProbationOfficer => Rosh is RoshLevel.High or RoshLevel.VeryHigh || ChildProtection || DomesticAbuse || Mappa;

    /// <summary>Why, in words.</summary>
    public string RiskWords
    {
        get
        {
            var why = new List<string>();
            if (Rosh is RoshLevel.High or RoshLevel.VeryHigh)
            {
                why.Add(Rosh == RoshLevel.High ? "high ROSH" : "very high ROSH");
            }

            if (ChildProtection)
            {
                why.Add("child protection");
            }

            if (DomesticAbuse)
            {
                why.Add("domestic abuse");
            }

            if (Mappa)
            {
                why.Add("MAPPA");
            }

            return string.Join(", ", why);
        }
    }
}

/// <summary>An officer who might take the case.</summary>
/// <param name="StaffMemberId">The officer.</param>
/// <param name="Name">Their name.</param>
/// <param name="Grade">Their grade.</param>
/// <param name="TeamId">Their team.</param>
/// <param name="CapacityNow">Capacity today, percent; empty when they have none (fully reduced or no hours).</param>
/// <param name="CapacityAfter">Capacity after taking the case, percent; empty as above.</param>
/// <param name="Absences">Their absences (any; those in the window matter).</param>
public sealed record AllocationCandidate(
    int StaffMemberId, string Name, StaffGrade Grade, int TeamId, decimal? CapacityNow, decimal? CapacityAfter, IReadOnlyList<StaffAbsence> Absences);

/// <summary>A hard rule an allocation would break, in words.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Message">For the manager, e.g. "Away 7 to 11 December (annual leave), inside the induction window".</param>
public sealed record RuleBreach(AllocationRule Rule, string Message);

/// <summary>An officer ranked for a case, with the reasons for the rank and any rule that needs an override.</summary>
/// <param name="Rank">1 is the best.</param>
/// <param name="Candidate">The officer.</param>
/// <param name="Breaches">Hard rules the allocation would break.</param>
/// <param name="Reasons">Why the officer ranks where they do.</param>
public sealed record AllocationSuggestion(int Rank, AllocationCandidate Candidate, IReadOnlyList<RuleBreach> Breaches, IReadOnlyList<string> Reasons)
{
    /// <summary>True when allocating to this officer needs a manager's override.</summary>
    public bool NeedsOverride => Breaches.Count > 0;
}

/// <summary>
/// Allocation as rules (PRACTICE.md section 7 line 3: no case to someone on leave, competence for the risk, capacity):
/// the hard rules, and a ranking of suitable officers by the rules, continuity, availability, capacity after the case
/// and location, each with its reasons.
/// </summary>
public static class AllocationRules
{
    /// <summary>The rule's name in the API (<c>absent</c>, <c>competence</c>, <c>capacity</c>): a contract other tools rely on.</summary>
    public static string Key(AllocationRule rule) => rule switch
    {
        AllocationRule.AbsentInInductionWindow => "absent",
        AllocationRule.GradeForRisk => "competence",
        _ => "capacity",
    };

    /// <summary>The rule from its API name; empty for an unknown name.</summary>
    public static AllocationRule? FromKey(string key) => key switch
    {
        "absent" => AllocationRule.AbsentInInductionWindow,
        "competence" => AllocationRule.GradeForRisk,
        "capacity" => AllocationRule.AboveCapacityCeiling,
        _ => null,
    };

    /// <summary>The rule in words, for lists of overrides: "Away in the induction window"…</summary>
    public static string Words(AllocationRule rule) => rule switch
    {
        AllocationRule.AbsentInInductionWindow => "Away in the induction window",
        AllocationRule.GradeForRisk => "Grade for the case's risk",
        _ => "Above the capacity ceiling",
    };

    /// <summary>The last day of the induction window starting today: today plus the settings' working days.</summary>
    public static DateOnly WindowEnd(DateOnly today, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.AddWorkingDays(today, settings.AvailabilityWorkingDays);
    }

    /// <summary>The hard rules allocating <paramref name="case"/> to <paramref name="candidate"/> would break.</summary>
    public static IReadOnlyList<RuleBreach> Check(
        AllocationCase @case, AllocationCandidate candidate, DateOnly today, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(candidate);
        var end = WindowEnd(today, calendar, settings);
        var breaches = new List<RuleBreach>();
        foreach (var absence in candidate.Absences.Where(a => a.Overlaps(today, end)).OrderBy(a => a.StartDate))
        {
            breaches.Add(new(
                AllocationRule.AbsentInInductionWindow,
                $"{candidate.Name} is away {Span(absence.StartDate, absence.EndDate)} ({AbsenceWords(absence.Type)}), inside the induction window to {Day(end)}"));
        }

        if (@case.NeedsProbationOfficer && settings.RestrictedGrades.Contains(candidate.Grade))
        {
            breaches.Add(new(
                AllocationRule.GradeForRisk,
                $"{candidate.Name} is a {GradeWords(candidate.Grade)}: a case with {@case.RiskWords} needs a probation officer"));
        }

        if (candidate.CapacityAfter is null || candidate.CapacityAfter > settings.CapacityCeilingPercent)
        {
            breaches.Add(new(
                AllocationRule.AboveCapacityCeiling,
                candidate.CapacityAfter is { } after
                    ? $"Taking the case puts {candidate.Name} at {Percent(after)}, above the {Percent(settings.CapacityCeilingPercent)} ceiling"
                    : $"{candidate.Name} has no available capacity (fully reduced or no contracted hours)"));
        }

        return breaches;
    }

    /// <summary>
    /// Every candidate, best first: those who break no hard rule, then by continuity (supervised the person before),
    /// by availability in the window, by capacity after the case (lowest first), by being in the case's team, then by name.
    /// </summary>
    public static IReadOnlyList<AllocationSuggestion> Rank(
        AllocationCase @case, IEnumerable<AllocationCandidate> candidates, DateOnly today, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(candidates);
        var end = WindowEnd(today, calendar, settings);
        var assessed = candidates.Select(c => (Candidate: c, Breaches: Check(@case, c, today, calendar, settings))).ToList();
        var ordered = assessed
            .OrderBy(x => x.Breaches.Count)
            .ThenByDescending(x => @case.PreviousOfficerIds.Contains(x.Candidate.StaffMemberId))
            .ThenBy(x => x.Breaches.Any(b => b.Rule == AllocationRule.AbsentInInductionWindow))
            .ThenBy(x => x.Candidate.CapacityAfter ?? decimal.MaxValue)
            .ThenByDescending(x => @case.TeamId == x.Candidate.TeamId)
            .ThenBy(x => x.Candidate.Name, StringComparer.Ordinal)
            .ThenBy(x => x.Candidate.StaffMemberId)
            .ToList();
        return [.. ordered.Select((x, i) => new AllocationSuggestion(i + 1, x.Candidate, x.Breaches, Reasons(@case, x.Candidate, x.Breaches, end)))];
    }

    /// <summary>An override needs a reason of at least the settings' length when any rule is broken.</summary>
    public static ValidationErrors ValidateOverride(IReadOnlyList<RuleBreach> breaches, string? reason, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(breaches);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors();
        if (breaches.Count == 0)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("overrideReason", $"Give the reason for overriding: {string.Join("; ", breaches.Select(b => b.Message))}");
        }
        else if (reason.Trim().Length < settings.MinimumOverrideReasonLength)
        {
            errors.Add("overrideReason", $"The reason for overriding must be at least {settings.MinimumOverrideReasonLength} characters: say why this officer, despite the rule");
        }
        else if (reason.Trim().Length > FieldLimits.Note)
        {
            errors.Add("overrideReason", $"The reason for overriding must be {FieldLimits.Note} characters or fewer");
        }

        return errors;
    }

    private static List<string> Reasons(AllocationCase @case, AllocationCandidate candidate, IReadOnlyList<RuleBreach> breaches, DateOnly end)
    {
        var reasons = new List<string>();
        if (@case.PreviousOfficerIds.Contains(candidate.StaffMemberId))
        {
            reasons.Add("Continuity: has supervised this person before");
        }

        reasons.Add(breaches.Any(b => b.Rule == AllocationRule.AbsentInInductionWindow)
            ? $"Not available for the whole induction window to {Day(end)}"
            : $"Available every day of the induction window to {Day(end)}");
        reasons.Add(candidate.CapacityAfter is { } after
            ? $"Capacity {Percent(candidate.CapacityNow ?? after)} now, {Percent(after)} after this case"
            : "No available capacity");
        reasons.Add(@case.NeedsProbationOfficer
            ? candidate.Grade is StaffGrade.ProbationOfficer or StaffGrade.SeniorProbationOfficer
                ? $"{Capital(GradeWords(candidate.Grade))}: may hold a case with {@case.RiskWords}"
                : $"{Capital(GradeWords(candidate.Grade))}: not for a case with {@case.RiskWords} without an override"
            : $"{Capital(GradeWords(candidate.Grade))}");
        if (@case.TeamId is { } team)
        {
            reasons.Add(team == candidate.TeamId ? "In the case's team" : "In another team");
        }

        return reasons;
    }

    /// <summary>A grade in words, lower case.</summary>
    public static string GradeWords(StaffGrade grade) => grade switch
    {
        StaffGrade.ProbationOfficer => "probation officer",
        StaffGrade.ProbationServiceOfficer => "probation services officer",
        StaffGrade.TraineeProbationOfficer => "trainee probation officer",
        StaffGrade.SeniorProbationOfficer => "senior probation officer",
        StaffGrade.CaseAdministrator => "case administrator",
        _ => "court officer",
    };

    private static string AbsenceWords(AbsenceType type) => type switch
    {
        AbsenceType.AnnualLeave => "annual leave",
        AbsenceType.Sickness => "sickness",
        AbsenceType.Training => "training",
        _ => "other absence",
    };

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];

    private static string Span(DateOnly from, DateOnly to) => from == to ? $"on {Day(from)}" : $"{Day(from)} to {Day(to)}";

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}%");
}
