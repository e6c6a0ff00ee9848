using System.Globalization;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Workload;

/// <summary>
/// The time model's durations: how long each piece of case work really takes. Every default is documented with its
/// reasoning in docs/workload.md and can be configured.
/// </summary>
public sealed record TimeWeights
{
    /// <summary>The version shown with every figure.</summary>
    public string Version { get; init; } = "2026.1";

    /// <summary>An office or face-to-face contact, with preparation and recording: 60 minutes.</summary>
    public int FaceToFaceMinutes { get; init; } = 60;

    /// <summary>A telephone or video contact, with recording: 25 minutes.</summary>
    public int TelephoneMinutes { get; init; } = 25;

    /// <summary>Share of face-to-face contacts that are home visits: 15%.</summary>
    public decimal HomeVisitShare { get; init; } = 0.15m;

    /// <summary>Travel for a home visit, there and back: 60 minutes.</summary>
    public int HomeVisitTravelMinutes { get; init; } = 60;

    /// <summary>A full (layer 3) assessment: 7.5 hours.</summary>
    public decimal Layer3AssessmentHours { get; init; } = 7.5m;

    /// <summary>A short (layer 1) assessment: 2 hours.</summary>
    public decimal Layer1AssessmentHours { get; init; } = 2m;

    /// <summary>Assessments are reviewed every 26 weeks, so each case takes 52 ÷ 26 assessments a year.</summary>
    public int ReassessmentWeeks { get; init; } = 26;

    /// <summary>A pre-sentence report: 7.5 hours.</summary>
    public decimal PreSentenceReportHours { get; init; } = 7.5m;

    /// <summary>A parole report: 10 hours.</summary>
    public decimal ParoleReportHours { get; init; } = 10m;

    /// <summary>Breach or recall work while proceedings are under way: 6 hours a month (the pack, court, letters).</summary>
    public decimal BreachHoursPerMonth { get; init; } = 6m;

    /// <summary>Rehabilitation activity sessions the officer delivers: 4 hours a month per RAR requirement.</summary>
    public decimal RarHoursPerMonth { get; init; } = 4m;

    /// <summary>Case administration (records, referrals, liaison): 1.5 hours a month per case.</summary>
    public decimal CaseAdministrationHoursPerMonth { get; init; } = 1.5m;

    /// <summary>A custody case before release (prison liaison, release planning): 2 hours a month.</summary>
    public decimal CustodyHoursPerMonth { get; init; } = 2m;

    /// <summary>A warrant case: 0.5 hours a month (checks, liaison with the police).</summary>
    public decimal WarrantHoursPerMonth { get; init; } = 0.5m;

    /// <summary>Time that is not case work (supervision, team meetings, mandatory training): 15% of the hours at work.</summary>
    public decimal NonCaseShare { get; init; } = 0.15m;

    /// <summary>The reduction rules.</summary>
    public ReductionRules Reductions { get; init; } = ReductionRules.Default;
}

/// <summary>An officer's time workload for a calendar month, with its working.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Version">The weights' version.</param>
/// <param name="CaseHours">Hours the cases need in the month.</param>
/// <param name="ReportHours">Hours for reports due in the month.</param>
/// <param name="ContractedHours">Contracted hours in the month: the working days × contracted hours ÷ 5.</param>
/// <param name="AbsenceHours">Hours away: leave, sickness, training on working days.</param>
/// <param name="ReductionHours">Hours reductions take off (on the days at work).</param>
/// <param name="NonCaseHours">Hours for work that is not case work.</param>
/// <param name="AvailableHours">Contracted hours less absences, reductions and non-case time.</param>
/// <param name="Cases">A line per case.</param>
/// <param name="Reports">A line per report.</param>
/// <param name="Availability">How the available hours were reached.</param>
public sealed record TimeWorkloadResult(
    DateOnly Month,
    string Version,
    decimal CaseHours,
    decimal ReportHours,
    decimal ContractedHours,
    decimal AbsenceHours,
    decimal ReductionHours,
    decimal NonCaseHours,
    decimal AvailableHours,
    IReadOnlyList<WorkloadLine> Cases,
    IReadOnlyList<WorkloadLine> Reports,
    IReadOnlyList<WorkloadLine> Availability)
{
    /// <summary>Case and report hours.</summary>
    public decimal TotalHours => CaseHours + ReportHours;

    /// <summary>Hours needed as a percentage of the hours available; empty when none are (away all month, fully reduced).</summary>
    public decimal? CapacityPercent => AvailableHours <= 0 ? null : decimal.Round(100m * TotalHours / AvailableHours, 1);
}

/// <summary>
/// The time model: the hours a month each case really needs, from its contact standard (frequency × duration, face to
/// face or by telephone, travel for home visits), its assessments, enforcement, RAR delivery and administration, plus
/// reports due; against the hours the officer is actually at work that month (contracted hours less leave, sickness,
/// training, reductions and non-case time). Vacancies have no hours, so they never show as capacity.
/// </summary>
public static class TimeWorkload
{
    /// <summary>Average days in a month, for contacts a month from a frequency in days.</summary>
    public const decimal DaysPerMonth = 365.25m / 12m;

    /// <summary>A case's hours a month and the working.</summary>
    public static WorkloadLine ForCase(WorkloadCase @case, TimeWeights weights)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(weights);
        var parts = new List<string>();
        decimal hours = 0;
        void Add(decimal h, string what)
        {
            hours += h;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {h:0.##}h"));
        }

        if (@case.IsWarrant)
        {
            Add(weights.WarrantHoursPerMonth, "warrant out:");
        }
        else if (@case.Type == WorkloadCaseType.Custody || @case.Standard is null)
        {
            Add(weights.CustodyHoursPerMonth, "in custody:");
        }
        else
        {
            var standard = @case.Standard;
            var contacts = DaysPerMonth / standard.FrequencyDays;
            var faceToFace = standard.TelephoneMayStandIn ? contacts * standard.MinimumFaceToFaceShare : contacts;
            var phone = contacts - faceToFace;
            var visits = faceToFace * weights.HomeVisitShare;
            Add(
                ((faceToFace * weights.FaceToFaceMinutes) + (visits * weights.HomeVisitTravelMinutes) + (phone * weights.TelephoneMinutes)) / 60m,
                string.Create(CultureInfo.InvariantCulture, $"contact every {standard.FrequencyDays} days ({faceToFace:0.#} face to face incl. {visits:0.#} home visits, {phone:0.#} by phone):"));
        }

        if (!@case.IsWarrant && @case.AssessmentLayer is { } layer)
        {
            var each = layer == AssessmentLayer.Layer3 ? weights.Layer3AssessmentHours : weights.Layer1AssessmentHours;
            var perYear = 52m / weights.ReassessmentWeeks;
            Add(each * perYear / 12m, string.Create(CultureInfo.InvariantCulture, $"{(layer == AssessmentLayer.Layer3 ? "layer 3" : "layer 1")} assessment every {weights.ReassessmentWeeks} weeks:"));
        }

        if (@case.InBreach)
        {
            Add(weights.BreachHoursPerMonth, "breach or recall under way:");
        }

        if (@case.RarRequirements > 0 && !@case.IsWarrant)
        {
            Add(weights.RarHoursPerMonth * @case.RarRequirements, "RAR delivery:");
        }

        Add(weights.CaseAdministrationHoursPerMonth, "administration:");
        var tier = string.IsNullOrWhiteSpace(@case.Tier) ? "untiered" : @case.Tier.Trim().ToUpperInvariant();
        return new WorkloadLine($"{@case.Crn} {PointsWorkload.Type(@case.Type)} {tier}", decimal.Round(hours, 1), string.Join("; ", parts));
    }

    /// <summary>
    /// An officer's hours for the calendar month containing <paramref name="month"/>. Reports count in the month they
    /// are due. Absences count on the working days they cover; reductions on each working day at work, at the rate in
    /// force that day. An officer who starts or leaves in the month has hours only for the days in post.
    /// </summary>
    public static TimeWorkloadResult ForOfficer(
        decimal contractedHours,
        DateOnly inPostFrom,
        DateOnly? inPostTo,
        IEnumerable<WorkloadCase> cases,
        IEnumerable<WorkloadReport> reports,
        IEnumerable<StaffAbsence> absences,
        IEnumerable<Reduction> reductions,
        DateOnly month,
        WorkingCalendar calendar,
        TimeWeights weights)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(absences);
        ArgumentNullException.ThrowIfNull(reductions);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(weights);
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var caseLines = cases.Select(c => ForCase(c, weights)).ToList();
        var reportLines = reports.Where(r => r.Due >= first && r.Due <= last).OrderBy(r => r.Due)
            .Select(r => r.Type == WorkloadReportType.ParoleReport
                ? new WorkloadLine($"Parole report, {r.Reference}", weights.ParoleReportHours, $"due {PointsWorkload.Day(r.Due)}")
                : new WorkloadLine($"Pre-sentence report, {r.Reference}", weights.PreSentenceReportHours, $"due {PointsWorkload.Day(r.Due)}"))
            .ToList();

        var away = absences.ToList();
        var reductionList = reductions.ToList();
        var perDay = contractedHours / 5m;
        decimal contracted = 0, absent = 0, reduced = 0;
        int workingDays = 0, daysAway = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day) || day < inPostFrom || (inPostTo is { } left && day > left))
            {
                continue;
            }

            workingDays++;
            contracted += perDay;
            if (away.Any(a => a.Covers(day)))
            {
                daysAway++;
                absent += perDay;
                continue;
            }

            var (weekly, _) = PointsWorkload.Reductions(reductionList, contractedHours, day, weights.Reductions);
            reduced += weekly / 5m;
        }

        var atWork = Math.Max(0m, contracted - absent - reduced);
        var nonCase = atWork * weights.NonCaseShare;
        var available = decimal.Round(atWork - nonCase, 1);
        var availability = new List<WorkloadLine>
        {
            new("Contracted", decimal.Round(contracted, 1), string.Create(CultureInfo.InvariantCulture, $"{workingDays} working days in post × {perDay:0.##} hours")),
            new("Away", -decimal.Round(absent, 1), $"{daysAway} working days of leave, sickness or training"),
            new("Reductions", -decimal.Round(reduced, 1), "reductions in force on the days at work"),
            new("Not case work", -decimal.Round(nonCase, 1), $"{PointsWorkload.Percent(weights.NonCaseShare)} of the hours at work (supervision, meetings, training)"),
        };
        return new TimeWorkloadResult(
            first,
            weights.Version,
            caseLines.Sum(l => l.Amount),
            reportLines.Sum(l => l.Amount),
            decimal.Round(contracted, 1),
            decimal.Round(absent, 1),
            decimal.Round(reduced, 1),
            decimal.Round(nonCase, 1),
            available,
            caseLines,
            reportLines,
            availability);
    }
}

/// <summary>Whether an officer is over capacity, by both models together.</summary>
public static class WorkloadCapacity
{
    /// <summary>
    /// The capacity that counts: the higher of the two models' percentages, so work one model misses still shows; empty
    /// when either model has no capacity at all.
    /// </summary>
    public static decimal? Percent(PointsWorkloadResult points, TimeWorkloadResult time)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(time);
        return points.CapacityPercent is { } p && time.CapacityPercent is { } t ? Math.Max(p, t) : null;
    }

    /// <summary>Above 100% on either model, or holding cases with no capacity at all on either.</summary>
    public static bool IsOver(PointsWorkloadResult points, TimeWorkloadResult time, int cases)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(time);
        return points.CapacityPercent > 100m || time.CapacityPercent > 100m
            || (cases > 0 && (points.CapacityPercent is null || time.CapacityPercent is null));
    }
}
