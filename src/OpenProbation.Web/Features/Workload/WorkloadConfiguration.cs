using System.Globalization;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;

namespace OpenProbation.Web.Features.Workload;

/// <summary>The workload weights over time and the allocation settings: a singleton read once at start-up.</summary>
/// <param name="Points">The points model's weights over time.</param>
/// <param name="Time">The time model's durations over time.</param>
/// <param name="Allocation">The allocation rules' settings.</param>
public sealed record WorkloadPolicies(WorkloadSchedule<PointsWeights> Points, WorkloadSchedule<TimeWeights> Time, AllocationSettings Allocation)
{
    /// <summary>The shipped defaults for all time.</summary>
    public static WorkloadPolicies Defaults { get; } = new(
        new WorkloadSchedule<PointsWeights>([(DateOnly.MinValue, new PointsWeights())]),
        new WorkloadSchedule<TimeWeights>([(DateOnly.MinValue, new TimeWeights())]),
        new AllocationSettings());
}

/// <summary>
/// Reads <c>OpenProbation:Workload:Points</c> and <c>:Time</c> (lists of weights, each with a <c>From</c> date and a
/// <c>Version</c>, changing only what differs from the defaults) and <c>OpenProbation:Allocation</c>
/// (docs/configuration.md). A wrong setting stops start-up with a message naming it.
/// </summary>
public static class WorkloadConfiguration
{
    /// <summary>The workload section.</summary>
    public const string Section = "OpenProbation:Workload";

    /// <summary>The allocation section.</summary>
    public const string AllocationSection = "OpenProbation:Allocation";

    private static readonly Dictionary<string, Func<PointsWeights, string, string, PointsWeights>> PointsKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Version"] = (w, v, _) => w with { Version = v },
        ["UntieredAs"] = (w, v, p) => PointsWeights.Tiers.Contains(v.Trim().ToUpperInvariant()) ? w with { UntieredAs = v.Trim().ToUpperInvariant() } : throw Bad(p, v, "an England and Wales tier such as C2"),
        ["WarrantWeighting"] = (w, v, p) => w with { WarrantWeighting = Share(v, p) },
        ["UnpaidWorkOnlyWeighting"] = (w, v, p) => w with { UnpaidWorkOnlyWeighting = Share(v, p) },
        ["PreSentenceReport"] = (w, v, p) => w with { PreSentenceReport = Whole(v, p, 0, 10_000) },
        ["ParoleReport"] = (w, v, p) => w with { ParoleReport = Whole(v, p, 0, 10_000) },
        ["NominalTarget"] = (w, v, p) => w with { NominalTarget = Whole(v, p, 1, 100_000) },
        ["ReportHorizonDays"] = (w, v, p) => w with { ReportHorizonDays = Whole(v, p, 0, 365) },
    };

    private static readonly Dictionary<string, Func<TimeWeights, string, string, TimeWeights>> TimeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Version"] = (w, v, _) => w with { Version = v },
        ["FaceToFaceMinutes"] = (w, v, p) => w with { FaceToFaceMinutes = Whole(v, p, 0, 600) },
        ["TelephoneMinutes"] = (w, v, p) => w with { TelephoneMinutes = Whole(v, p, 0, 600) },
        ["HomeVisitShare"] = (w, v, p) => w with { HomeVisitShare = Share(v, p) },
        ["HomeVisitTravelMinutes"] = (w, v, p) => w with { HomeVisitTravelMinutes = Whole(v, p, 0, 600) },
        ["Layer3AssessmentHours"] = (w, v, p) => w with { Layer3AssessmentHours = Hours(v, p) },
        ["Layer1AssessmentHours"] = (w, v, p) => w with { Layer1AssessmentHours = Hours(v, p) },
        ["ReassessmentWeeks"] = (w, v, p) => w with { ReassessmentWeeks = Whole(v, p, 1, 104) },
        ["PreSentenceReportHours"] = (w, v, p) => w with { PreSentenceReportHours = Hours(v, p) },
        ["ParoleReportHours"] = (w, v, p) => w with { ParoleReportHours = Hours(v, p) },
        ["BreachHoursPerMonth"] = (w, v, p) => w with { BreachHoursPerMonth = Hours(v, p) },
        ["RarHoursPerMonth"] = (w, v, p) => w with { RarHoursPerMonth = Hours(v, p) },
        ["CaseAdministrationHoursPerMonth"] = (w, v, p) => w with { CaseAdministrationHoursPerMonth = Hours(v, p) },
        ["CustodyHoursPerMonth"] = (w, v, p) => w with { CustodyHoursPerMonth = Hours(v, p) },
        ["WarrantHoursPerMonth"] = (w, v, p) => w with { WarrantHoursPerMonth = Hours(v, p) },
        ["NonCaseShare"] = (w, v, p) => w with { NonCaseShare = Share(v, p) },
    };

    /// <summary>Builds the policies from configuration; the defaults where nothing is configured.</summary>
    public static WorkloadPolicies Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        foreach (var unknown in section.GetChildren().Where(c => c.Key is not ("Points" or "Time" or "DailySnapshot")))
        {
            throw new InvalidOperationException($"{Section}:{unknown.Key} is not a setting; use {Section}:Points, {Section}:Time or {Section}:DailySnapshot.");
        }

        if (section["DailySnapshot"] is { } snapshot && !bool.TryParse(snapshot, out _))
        {
            throw new InvalidOperationException($"{Section}:DailySnapshot must be true or false.");
        }

        var points = ReadSchedule(section.GetSection("Points"), $"{Section}:Points", new PointsWeights(), ReadPoints);
        var time = ReadSchedule(section.GetSection("Time"), $"{Section}:Time", new TimeWeights(), ReadTime);
        return new WorkloadPolicies(points, time, ReadAllocation(configuration.GetSection(AllocationSection)));
    }

    private static WorkloadSchedule<T> ReadSchedule<T>(IConfigurationSection list, string path, T defaults, Func<IConfigurationSection, string, T, T> read)
        where T : class
    {
        var entries = new List<(DateOnly From, T Weights)>();
        foreach (var entry in list.GetChildren())
        {
            var entryPath = $"{path}:{entry.Key}";
            var from = DateOnly.MinValue;
            if (entry["From"] is { } fromText && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            {
                throw Bad($"{entryPath}:From", fromText, "a date written yyyy-MM-dd");
            }

            entries.Add((from, read(entry, entryPath, defaults)));
        }

        // Before the first configured entry the shipped weights applied, unless one is configured for all time.
        if (entries.TrueForAll(e => e.From != DateOnly.MinValue))
        {
            entries.Insert(0, (DateOnly.MinValue, defaults));
        }

        try
        {
            return new WorkloadSchedule<T>(entries);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}: {e.Message}", e);
        }
    }

    private static PointsWeights ReadPoints(IConfigurationSection entry, string path, PointsWeights weights)
    {
        foreach (var setting in entry.GetChildren())
        {
            var key = setting.Key;
            if (key.Equals("From", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (key is "Community" or "Licence" or "Custody")
            {
                var table = new Dictionary<string, int>(weights.For(Enum.Parse<WorkloadCaseType>(key)), StringComparer.OrdinalIgnoreCase);
                foreach (var tier in setting.GetChildren())
                {
                    if (!PointsWeights.Tiers.Contains(tier.Key.ToUpperInvariant()))
                    {
                        throw new InvalidOperationException($"{path}:{key}:{tier.Key} is not an England and Wales tier; use A3 to D0 (BRAG tiers count through Equivalents).");
                    }

                    table[tier.Key] = Whole(tier.Value ?? "", $"{path}:{key}:{tier.Key}", 0, 10_000);
                }

                weights = key switch
                {
                    "Community" => weights with { Community = table },
                    "Licence" => weights with { Licence = table },
                    _ => weights with { Custody = table },
                };
            }
            else if (key == "NominalTargets")
            {
                var targets = new Dictionary<StaffGrade, int>(weights.NominalTargets);
                foreach (var grade in setting.GetChildren())
                {
                    targets[Enum.TryParse<StaffGrade>(grade.Key, out var g) && Enum.IsDefined(g) ? g : throw Bad($"{path}:NominalTargets:{grade.Key}", grade.Key, "a grade such as ProbationServiceOfficer")]
                        = Whole(grade.Value ?? "", $"{path}:NominalTargets:{grade.Key}", 1, 100_000);
                }

                weights = weights with { NominalTargets = targets };
            }
            else if (key == "Equivalents")
            {
                var equivalents = new Dictionary<string, string>(weights.Equivalents, StringComparer.OrdinalIgnoreCase);
                foreach (var tier in setting.GetChildren())
                {
                    var to = (tier.Value ?? "").Trim().ToUpperInvariant();
                    equivalents[tier.Key] = PointsWeights.Tiers.Contains(to) ? to : throw Bad($"{path}:Equivalents:{tier.Key}", tier.Value ?? "", "an England and Wales tier such as B1");
                }

                weights = weights with { Equivalents = equivalents };
            }
            else if (PointsKeys.TryGetValue(key, out var apply))
            {
                weights = apply(weights, setting.Value ?? "", $"{path}:{key}");
            }
            else
            {
                throw new InvalidOperationException($"{path}:{key} is not a setting; use From, Community, Licence, Custody, Equivalents, NominalTargets, {string.Join(", ", PointsKeys.Keys)}.");
            }
        }

        return weights;
    }

    private static TimeWeights ReadTime(IConfigurationSection entry, string path, TimeWeights weights)
    {
        foreach (var setting in entry.GetChildren())
        {
            if (setting.Key.Equals("From", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            weights = TimeKeys.TryGetValue(setting.Key, out var apply)
                ? apply(weights, setting.Value ?? "", $"{path}:{setting.Key}")
                : throw new InvalidOperationException($"{path}:{setting.Key} is not a setting; use From, {string.Join(", ", TimeKeys.Keys)}.");
        }

        return weights;
    }

    private static AllocationSettings ReadAllocation(IConfigurationSection section)
    {
        var settings = new AllocationSettings();
        foreach (var setting in section.GetChildren())
        {
            var path = $"{AllocationSection}:{setting.Key}";
            var value = setting.Value ?? "";
            settings = setting.Key switch
            {
                "AvailabilityWorkingDays" => settings with { AvailabilityWorkingDays = Whole(value, path, 0, 60) },
                "CapacityCeilingPercent" => settings with { CapacityCeilingPercent = Number(value, path, 1m, 1000m) },
                "TargetWorkingDays" => settings with { TargetWorkingDays = Whole(value, path, 0, 30) },
                "MinimumOverrideReasonLength" => settings with { MinimumOverrideReasonLength = Whole(value, path, 1, 500) },
                _ => throw new InvalidOperationException($"{path} is not a setting; use AvailabilityWorkingDays, CapacityCeilingPercent, TargetWorkingDays or MinimumOverrideReasonLength."),
            };
        }

        return settings;
    }

    private static int Whole(string text, string path, int least, int most) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw Bad(path, text, $"a whole number from {least} to {most}");

    private static decimal Number(string text, string path, decimal least, decimal most) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw Bad(path, text, $"a number from {least} to {most}");

    private static decimal Share(string text, string path) => Number(text, path, 0m, 1m);

    private static decimal Hours(string text, string path) => Number(text, path, 0m, 200m);

    private static InvalidOperationException Bad(string path, string value, string use) => new($"{path} is '{value}'; use {use}.");
}
