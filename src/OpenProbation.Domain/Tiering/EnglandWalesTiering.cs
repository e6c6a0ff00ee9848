using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tiering;

/// <summary>
/// Weights and thresholds of the England and Wales two-axis framework. The defaults are the framework's
/// published values (issue 4 of this project sets them out); an organisation may change them, and must then
/// change <see cref="Version"/> so every tier says which rules made it.
/// </summary>
public sealed record EnglandWalesWeights
{
    /// <summary>Version stamped on every result.</summary>
    public string Version { get; init; } = "2021.1";

    /// <summary>RSR from this percentage gives <see cref="RsrMediumPoints"/>.</summary>
    public decimal RsrMediumFrom { get; init; } = 3.00m;

    /// <summary>RSR from this percentage gives <see cref="RsrHighPoints"/>.</summary>
    public decimal RsrHighFrom { get; init; } = 7.00m;

    /// <summary>Points for RSR 3.00–6.99%.</summary>
    public int RsrMediumPoints { get; init; } = 10;

    /// <summary>Points for RSR 7% or more.</summary>
    public int RsrHighPoints { get; init; } = 20;

    /// <summary>Points for ROSH medium.</summary>
    public int RoshMediumPoints { get; init; } = 10;

    /// <summary>Points for ROSH high.</summary>
    public int RoshHighPoints { get; init; } = 20;

    /// <summary>Points for ROSH very high.</summary>
    public int RoshVeryHighPoints { get; init; } = 150;

    /// <summary>Points for MAPPA level 1.</summary>
    public int MappaLevel1Points { get; init; } = 5;

    /// <summary>Points for MAPPA levels 2 and 3.</summary>
    public int MappaLevel2Or3Points { get; init; } = 150;

    /// <summary>Points per distinct complexity factor.</summary>
    public int ComplexityFactorPoints { get; init; } = 2;

    /// <summary>Points for each of the three factors that apply to women.</summary>
    public int WomenFactorPoints { get; init; } = 2;

    /// <summary>Protect points from which the level is A.</summary>
    public int ProtectAFrom { get; init; } = 150;

    /// <summary>Protect points from which the level is B.</summary>
    public int ProtectBFrom { get; init; } = 20;

    /// <summary>Protect points from which the level is C.</summary>
    public int ProtectCFrom { get; init; } = 10;

    /// <summary>Change points from which the level is 3.</summary>
    public int Change3From { get; init; } = 20;

    /// <summary>Change points from which the level is 2.</summary>
    public int Change2From { get; init; } = 10;

    /// <summary>Points for IOM.</summary>
    public int IomPoints { get; init; } = 2;

    /// <summary>OGRS percentage divided by this (rounded down) gives change points.</summary>
    public int OgrsDivisor { get; init; } = 10;

    /// <summary>Change level when there is no valid assessment.</summary>
    public int NoValidAssessmentChangeLevel { get; init; } = 2;

    /// <summary>Need weights: accommodation, ETE, relationships, lifestyle, drugs and alcohol 1; thinking and attitudes 2; finance and emotional wellbeing 0.</summary>
    public IReadOnlyDictionary<NeedArea, int> NeedWeights { get; init; } = new Dictionary<NeedArea, int>
    {
        [NeedArea.Accommodation] = 1,
        [NeedArea.EducationTrainingEmployment] = 1,
        [NeedArea.Relationships] = 1,
        [NeedArea.Lifestyle] = 1,
        [NeedArea.DrugMisuse] = 1,
        [NeedArea.AlcoholMisuse] = 1,
        [NeedArea.ThinkingAndBehaviour] = 2,
        [NeedArea.Attitudes] = 2,
        [NeedArea.Finance] = 0,
        [NeedArea.EmotionalWellbeing] = 0,
    };

    /// <summary>Multiplier for a standard need.</summary>
    public int StandardSeverity { get; init; } = 1;

    /// <summary>Multiplier for a severe need.</summary>
    public int SevereSeverity { get; init; } = 2;
}

/// <summary>
/// The England and Wales two-axis tiering framework: a protect level A–D from risk of harm and a change level 0–3
/// from needs and likelihood of reoffending, written together as e.g. "B2".
/// </summary>
/// <param name="weights">Weights and thresholds; the framework's defaults when absent.</param>
public sealed class EnglandWalesTiering(EnglandWalesWeights? weights = null) : ITieringPolicy
{
    /// <summary>The policy's name in configuration and the API.</summary>
    public const string PolicyName = "england-wales";

    private static readonly string[] _tiers =
        [.. from p in "ABCD" from c in new[] { 3, 2, 1, 0 } select $"{p}{c}"];

    /// <summary>The weights in use.</summary>
    public EnglandWalesWeights Weights { get; } = weights ?? new EnglandWalesWeights();

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public string Version => Weights.Version;

    /// <inheritdoc />
    public IReadOnlyList<string> Tiers => _tiers;

    /// <summary>Rank of a tier such as "B2": protect level first, then change level; unknown tiers rank 0.</summary>
    public static int RankOf(string tier) =>
        tier.Length == 2 && "DCBA".IndexOf(tier[0], StringComparison.Ordinal) is var p and >= 0 && tier[1] is >= '0' and <= '3'
            ? ((p + 1) * 10) + (tier[1] - '0')
            : 0;

    /// <inheritdoc />
    public TierResult Calculate(TieringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var working = new List<TierWorkingLine>();
        var protect = ProtectPoints(inputs, working);
        var level = protect >= Weights.ProtectAFrom ? "A" : protect >= Weights.ProtectBFrom ? "B" : protect >= Weights.ProtectCFrom ? "C" : "D";
        var (changePoints, changeLevel) = Change(inputs, working);
        var tier = $"{level}{changeLevel}";
        return new TierResult(tier, RankOf(tier), level, changeLevel, protect, changePoints, working, Name, Version);
    }

    private int ProtectPoints(TieringInputs inputs, List<TierWorkingLine> working)
    {
        var w = Weights;
        var total = TierWorking.HigherOfRsrAndRosh(inputs, working, (w.RsrMediumFrom, w.RsrMediumPoints), (w.RsrHighFrom, w.RsrHighPoints),
            w.RoshMediumPoints, w.RoshHighPoints, w.RoshVeryHighPoints);

        var mappa = inputs.MappaLevel switch
        {
            1 => w.MappaLevel1Points,
            2 or 3 => w.MappaLevel2Or3Points,
            _ => 0,
        };
        if (inputs.MappaLevel > 0)
        {
            working.Add(new TierWorkingLine($"MAPPA level {inputs.MappaLevel}", mappa, TierAxis.Protect));
        }

        total += mappa;
        total += TierWorking.ComplexityFactors(inputs, working, w.ComplexityFactorPoints);

        if (inputs.IsFemale)
        {
            if (inputs.HasValidAssessment && inputs.ParentingResponsibilities)
            {
                working.Add(new TierWorkingLine("Parenting responsibilities (women)", w.WomenFactorPoints, TierAxis.Protect));
                total += w.WomenFactorPoints;
            }

            if (inputs.HasValidAssessment && inputs.ImpulsivityOrTemperControl)
            {
                working.Add(new TierWorkingLine("Impulsivity or temper control (women)", w.WomenFactorPoints, TierAxis.Protect));
                total += w.WomenFactorPoints;
            }

            if (inputs.BreachOrRecallInLast12Months)
            {
                working.Add(new TierWorkingLine("Breach or recall in the last 12 months (women)", w.WomenFactorPoints, TierAxis.Protect));
                total += w.WomenFactorPoints;
            }
        }

        return total;
    }

    private (int Points, int Level) Change(TieringInputs inputs, List<TierWorkingLine> working)
    {
        var w = Weights;
        if (!inputs.ChangeRequired)
        {
            working.Add(new TierWorkingLine("No mandate for change", 0, TierAxis.Change, Note: "change level 0: no custody and no requirement other than unpaid work or restrictive ones"));
            return (0, 0);
        }

        if (inputs.Needs is not { } needs)
        {
            working.Add(new TierWorkingLine("No valid assessment", 0, TierAxis.Change,
                Note: $"change level {w.NoValidAssessmentChangeLevel}: no complete layer 3 assessment within {TieringRules.ValidAssessmentWeeks} weeks"));
            return (0, w.NoValidAssessmentChangeLevel);
        }

        var total = 0;
        foreach (var (area, severity) in needs.Where(n => Enum.IsDefined(n.Key) && Enum.IsDefined(n.Value)).OrderBy(n => n.Key))
        {
            var weight = w.NeedWeights.GetValueOrDefault(area);
            var multiplier = severity == NeedSeverity.Severe ? w.SevereSeverity : w.StandardSeverity;
            var points = weight * multiplier;
            working.Add(new TierWorkingLine(
                $"Need: {NeedAreas.Label(area).ToLowerInvariant()} ({(severity == NeedSeverity.Severe ? "severe" : "standard")})", points, TierAxis.Change,
                Note: $"weight {weight} × {multiplier}"));
            total += points;
        }

        if (inputs.OgrsPercent is { } ogrs)
        {
            var points = w.OgrsDivisor > 0 ? Math.Max(0, ogrs) / w.OgrsDivisor : 0;
            working.Add(new TierWorkingLine($"OGRS {ogrs}%", points, TierAxis.Change, Note: $"OGRS ÷ {w.OgrsDivisor}, rounded down"));
            total += points;
        }

        if (inputs.Iom)
        {
            working.Add(new TierWorkingLine("Integrated offender management", w.IomPoints, TierAxis.Change));
            total += w.IomPoints;
        }

        return (total, total >= w.Change3From ? 3 : total >= w.Change2From ? 2 : 1);
    }
}
