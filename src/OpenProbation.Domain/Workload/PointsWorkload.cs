using System.Globalization;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Organisation;

namespace OpenProbation.Domain.Workload;

/// <summary>
/// The points model's weights: points per case by case type and tier, report points, weightings, and the nominal
/// target for a 37-hour officer. Defaults are the England and Wales workload measurement convention (docs/workload.md).
/// </summary>
public sealed record PointsWeights
{
    // Declared first: the tables below are built from it.

    /// <summary>The England and Wales tiers, A3 first.</summary>
    public static IReadOnlyList<string> Tiers { get; } = [.. from l in "ABCD" from c in "3210" select $"{l}{c}"];

    /// <summary>Community points by tier, A3 206 to D0 29.</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultCommunity = Table(206, 158, 146, 110, 146, 115, 102, 72, 79, 63, 50, 35, 51, 41, 29, 29);

    /// <summary>Licence points by tier, A3 219 to D1 31 (no change level 0 on licence).</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultLicence = Table(219, 175, 163, 0, 161, 132, 119, 0, 77, 65, 52, 0, 51, 43, 31, 0);

    /// <summary>Custody points by tier, A3 75 to D1 13.</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultCustody = Table(75, 60, 59, 0, 59, 48, 47, 0, 30, 24, 23, 0, 17, 14, 13, 0);

    /// <summary>The version shown with every figure.</summary>
    public string Version { get; init; } = "2026.1";

    /// <summary>Points by tier for community cases.</summary>
    public IReadOnlyDictionary<string, int> Community { get; init; } = DefaultCommunity;

    /// <summary>Points by tier for licence cases.</summary>
    public IReadOnlyDictionary<string, int> Licence { get; init; } = DefaultLicence;

    /// <summary>Points by tier for custody cases.</summary>
    public IReadOnlyDictionary<string, int> Custody { get; init; } = DefaultCustody;

    /// <summary>
    /// Tiers of other policies counted as one of the table's: BRAG's RED as A1, AMBER as B1, GREEN as C1, BLUE as D1.
    /// </summary>
    public IReadOnlyDictionary<string, string> Equivalents { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["RED"] = "A1",
        ["AMBER"] = "B1",
        ["GREEN"] = "C1",
        ["BLUE"] = "D1",
    };

    /// <summary>An untiered case (or a tier the table lacks) counts as this tier until it is tiered.</summary>
    public string UntieredAs { get; init; } = "C2";

    /// <summary>Share of the points a warrant case counts (whereabouts unknown: little to do until found).</summary>
    public decimal WarrantWeighting { get; init; } = 0.2m;

    /// <summary>Share of the points an unpaid-work-only case counts (the unpaid-work team does most of the work).</summary>
    public decimal UnpaidWorkOnlyWeighting { get; init; } = 0.7m;

    /// <summary>Points for each pre-sentence report due.</summary>
    public int PreSentenceReport { get; init; } = 138;

    /// <summary>Points for each parole report due.</summary>
    public int ParoleReport { get; init; } = 120;

    /// <summary>Points a 37-hour officer can carry, by grade; a grade not listed takes <see cref="NominalTarget"/>.</summary>
    public IReadOnlyDictionary<StaffGrade, int> NominalTargets { get; init; } = new Dictionary<StaffGrade, int>();

    /// <summary>The nominal target for a 37-hour officer: 2,176 points.</summary>
    public int NominalTarget { get; init; } = 2176;

    /// <summary>Reports count while due within this many days (and until written).</summary>
    public int ReportHorizonDays { get; init; } = 30;

    /// <summary>The reduction rules.</summary>
    public ReductionRules Reductions { get; init; } = ReductionRules.Default;

    /// <summary>The table for a case type.</summary>
    public IReadOnlyDictionary<string, int> For(WorkloadCaseType type) => type switch
    {
        WorkloadCaseType.Licence => Licence,
        WorkloadCaseType.Custody => Custody,
        _ => Community,
    };

    private static Dictionary<string, int> Table(params int[] points) =>
        Tiers.Zip(points).ToDictionary(x => x.First, x => x.Second, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One line of a workload's working: what was counted, its figure, and why.</summary>
/// <param name="Label">What, e.g. <c>X123456 community B2</c> or <c>Trade-union facility time</c>.</param>
/// <param name="Amount">Points or hours.</param>
/// <param name="Detail">How the figure was reached, e.g. <c>115 points × 20% (warrant)</c>.</param>
public sealed record WorkloadLine(string Label, decimal Amount, string Detail);

/// <summary>An officer's points workload on a day, with its working.</summary>
/// <param name="Date">The day.</param>
/// <param name="Version">The weights' version.</param>
/// <param name="CasePoints">Points from cases.</param>
/// <param name="ReportPoints">Points from reports due.</param>
/// <param name="NominalTarget">The grade's target for a 37-hour officer.</param>
/// <param name="ContractedHours">Contracted hours a week.</param>
/// <param name="ReductionHours">Hours a week taken off by reductions in force.</param>
/// <param name="AvailablePoints">Target × (hours ÷ 37) × ((hours − reductions) ÷ hours), rounded down.</param>
/// <param name="Cases">A line per case.</param>
/// <param name="Reports">A line per report.</param>
/// <param name="ReductionLines">A line per reduction in force.</param>
public sealed record PointsWorkloadResult(
    DateOnly Date,
    string Version,
    int CasePoints,
    int ReportPoints,
    int NominalTarget,
    decimal ContractedHours,
    decimal ReductionHours,
    int AvailablePoints,
    IReadOnlyList<WorkloadLine> Cases,
    IReadOnlyList<WorkloadLine> Reports,
    IReadOnlyList<WorkloadLine> ReductionLines)
{
    /// <summary>Case and report points.</summary>
    public int TotalPoints => CasePoints + ReportPoints;

    /// <summary>Total as a percentage of available points; empty when nothing is available (fully reduced, or no contract).</summary>
    public decimal? CapacityPercent => AvailablePoints <= 0 ? null : decimal.Round(100m * TotalPoints / AvailablePoints, 1);
}

/// <summary>
/// The points model (the England and Wales convention): points per case by type and tier, weighted for warrant and
/// unpaid-work-only cases, plus report points, against a target scaled by contracted hours and reductions.
/// </summary>
public static class PointsWorkload
{
    /// <summary>A case's points and the working.</summary>
    public static WorkloadLine ForCase(WorkloadCase @case, PointsWeights weights)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(weights);
        var table = weights.For(@case.Type);
        var tier = ContactStandardPolicy.NormaliseTier(@case.Tier);
        var how = "";
        var key = tier;
        if (key is not null && !table.ContainsKey(key) && weights.Equivalents.TryGetValue(key, out var equivalent))
        {
            how = $"{key} counted as {equivalent}; ";
            key = equivalent;
        }

        if (key is null || !table.TryGetValue(key, out var points))
        {
            how = tier is null ? $"untiered: counted as {weights.UntieredAs}; " : $"{tier} not in the table: counted as {weights.UntieredAs}; ";
            key = weights.UntieredAs;
            points = table.GetValueOrDefault(key);
        }

        decimal amount = points;
        var detail = $"{how}{Type(@case.Type)} {key}: {points} points";
        if (@case.IsWarrant)
        {
            amount *= weights.WarrantWeighting;
            detail += $" × {Percent(weights.WarrantWeighting)} (warrant out)";
        }
        else if (@case.IsUnpaidWorkOnly)
        {
            amount *= weights.UnpaidWorkOnlyWeighting;
            detail += $" × {Percent(weights.UnpaidWorkOnlyWeighting)} (unpaid work only)";
        }

        return new WorkloadLine($"{@case.Crn} {Type(@case.Type)} {tier ?? "untiered"}", decimal.Round(amount, 0, MidpointRounding.AwayFromZero), detail);
    }

    /// <summary>
    /// An officer's points on <paramref name="date"/>. Reports count while due within
    /// <see cref="PointsWeights.ReportHorizonDays"/> days (overdue ones too, until written).
    /// </summary>
    public static PointsWorkloadResult ForOfficer(
        StaffGrade grade,
        decimal contractedHours,
        IEnumerable<WorkloadCase> cases,
        IEnumerable<WorkloadReport> reports,
        IEnumerable<Reduction> reductions,
        DateOnly date,
        PointsWeights weights)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(reductions);
        ArgumentNullException.ThrowIfNull(weights);
        var caseLines = cases.Select(c => ForCase(c, weights)).ToList();
        var reportLines = reports.Where(r => r.Due <= date.AddDays(weights.ReportHorizonDays))
            .OrderBy(r => r.Due)
            .Select(r => r.Type == WorkloadReportType.ParoleReport
                ? new WorkloadLine($"Parole report, {r.Reference}", weights.ParoleReport, $"due {Day(r.Due)}: {weights.ParoleReport} points")
                : new WorkloadLine($"Pre-sentence report, {r.Reference}", weights.PreSentenceReport, $"due {Day(r.Due)}: {weights.PreSentenceReport} points"))
            .ToList();
        var (reductionHours, reductionLines) = Reductions(reductions, contractedHours, date, weights.Reductions);
        var target = weights.NominalTargets.TryGetValue(grade, out var t) ? t : weights.NominalTarget;
        return new PointsWorkloadResult(
            date,
            weights.Version,
            (int)caseLines.Sum(l => l.Amount),
            (int)reportLines.Sum(l => l.Amount),
            target,
            contractedHours,
            reductionHours,
            AvailablePoints(target, contractedHours, reductionHours),
            caseLines,
            reportLines,
            reductionLines);
    }

    /// <summary>target × (contracted ÷ 37) × ((contracted − reductions) ÷ contracted), rounded down; 0 with no contract.</summary>
    public static int AvailablePoints(int nominalTarget, decimal contractedHours, decimal reductionHours)
    {
        if (contractedHours <= 0)
        {
            return 0;
        }

        var remaining = Math.Max(0m, contractedHours - reductionHours);
        return (int)Math.Floor(nominalTarget * (contractedHours / StaffMember.FullTimeHours) * (remaining / contractedHours));
    }

    /// <summary>The hours a week reductions in force on <paramref name="date"/> take off, at most the contract, with a line each.</summary>
    public static (decimal Hours, IReadOnlyList<WorkloadLine> Lines) Reductions(
        IEnumerable<Reduction> reductions, decimal contractedHours, DateOnly date, ReductionRules rules)
    {
        ArgumentNullException.ThrowIfNull(reductions);
        ArgumentNullException.ThrowIfNull(rules);
        var lines = new List<WorkloadLine>();
        foreach (var reduction in reductions.OrderBy(r => r.StartDate).ThenBy(r => r.Id))
        {
            var hours = rules.HoursOn(reduction, contractedHours, date);
            if (hours > 0)
            {
                lines.Add(new WorkloadLine(ReductionName(reduction.Type), hours, ReductionDetail(reduction, rules, contractedHours, hours)));
            }
        }

        return (Math.Min(contractedHours, lines.Sum(l => l.Amount)), lines);
    }

    /// <summary>A reduction type in words.</summary>
    public static string ReductionName(ReductionType type) => type switch
    {
        ReductionType.TraineeProbationOfficer => "Trainee probation officer",
        ReductionType.NewlyQualified => "Newly qualified officer",
        ReductionType.TradeUnionFacilityTime => "Trade-union facility time",
        ReductionType.LongTermSickness => "Long-term sickness",
        ReductionType.MaternityLeave => "Maternity or parental leave",
        _ => "Other agreed reduction",
    };

    private static string ReductionDetail(Reduction reduction, ReductionRules rules, decimal contractedHours, decimal hours)
    {
        var rule = rules.Rules[reduction.Type];
        var until = reduction.EndDate ?? rule.ExpiresAfter(reduction.StartDate);
        var span = until is { } u ? $"from {Day(reduction.StartDate)} to {Day(u)}" : $"from {Day(reduction.StartDate)}";
        return rule.IsHoursBased
            ? $"{hours:0.##} hours a week {span}"
            : $"{Percent(hours / contractedHours)} of {contractedHours:0.##} hours = {hours:0.##} hours a week {span}";
    }

    internal static string Type(WorkloadCaseType type) => type switch
    {
        WorkloadCaseType.Licence => "licence",
        WorkloadCaseType.Custody => "custody",
        _ => "community",
    };

    internal static string Percent(decimal share) => string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(share * 100, 1):0.#}%");

    internal static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
