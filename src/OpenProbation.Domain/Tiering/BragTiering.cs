namespace OpenProbation.Domain.Tiering;

/// <summary>
/// Weights and thresholds of the BRAG model. The sources say only that every case is rated blue, red, amber or
/// green "from its risk of harm and/or reoffending" and that red cases are seen every week (PRACTICE.md section 3);
/// this is OpenProbation's reading, as a score: the higher of the ROSH and RSR points, plus MAPPA, OGRS band and
/// complexity factor points. Red is the most intensive, blue the least. Every weight and threshold is configurable.
/// </summary>
public sealed record BragWeights
{
    /// <summary>Version stamped on every result.</summary>
    public string Version { get; init; } = "2026.1";

    /// <summary>Score from which a case is red.</summary>
    public int RedFrom { get; init; } = 20;

    /// <summary>Score from which a case is amber.</summary>
    public int AmberFrom { get; init; } = 10;

    /// <summary>Score from which a case is green; below it, blue.</summary>
    public int GreenFrom { get; init; } = 4;

    /// <summary>Points for ROSH medium.</summary>
    public int RoshMediumPoints { get; init; } = 10;

    /// <summary>Points for ROSH high.</summary>
    public int RoshHighPoints { get; init; } = 20;

    /// <summary>Points for ROSH very high.</summary>
    public int RoshVeryHighPoints { get; init; } = 30;

    /// <summary>RSR from this percentage gives <see cref="RsrMediumPoints"/>.</summary>
    public decimal RsrMediumFrom { get; init; } = 3.00m;

    /// <summary>RSR from this percentage gives <see cref="RsrHighPoints"/>.</summary>
    public decimal RsrHighFrom { get; init; } = 7.00m;

    /// <summary>Points for medium RSR.</summary>
    public int RsrMediumPoints { get; init; } = 10;

    /// <summary>Points for high RSR.</summary>
    public int RsrHighPoints { get; init; } = 20;

    /// <summary>Points for MAPPA level 1.</summary>
    public int MappaLevel1Points { get; init; } = 10;

    /// <summary>Points for MAPPA levels 2 and 3.</summary>
    public int MappaLevel2Or3Points { get; init; } = 30;

    /// <summary>OGRS from this percentage gives <see cref="OgrsMediumPoints"/> (the RAR guideline's medium band).</summary>
    public int OgrsMediumFrom { get; init; } = 50;

    /// <summary>OGRS from this percentage gives <see cref="OgrsHighPoints"/> (the RAR guideline's high band).</summary>
    public int OgrsHighFrom { get; init; } = 75;

    /// <summary>Points for medium OGRS.</summary>
    public int OgrsMediumPoints { get; init; } = 5;

    /// <summary>Points for high OGRS.</summary>
    public int OgrsHighPoints { get; init; } = 10;

    /// <summary>Points per distinct complexity factor.</summary>
    public int ComplexityFactorPoints { get; init; } = 2;
}

/// <summary>The BRAG model: a single rating, red, amber, green or blue.</summary>
/// <param name="weights">Weights and thresholds; the defaults when absent.</param>
public sealed class BragTiering(BragWeights? weights = null) : ITieringPolicy
{
    /// <summary>The policy's name in configuration and the API.</summary>
    public const string PolicyName = "brag";

    private static readonly string[] _tiers = ["RED", "AMBER", "GREEN", "BLUE"];

    /// <summary>The weights in use.</summary>
    public BragWeights Weights { get; } = weights ?? new BragWeights();

    /// <inheritdoc />
    public string Name => PolicyName;

    /// <inheritdoc />
    public string Version => Weights.Version;

    /// <inheritdoc />
    public IReadOnlyList<string> Tiers => _tiers;

    /// <summary>Rank of a rating: red 4, amber 3, green 2, blue 1, anything else 0.</summary>
    public static int RankOf(string tier) => tier switch
    {
        "RED" => 4,
        "AMBER" => 3,
        "GREEN" => 2,
        "BLUE" => 1,
        _ => 0,
    };

    /// <inheritdoc />
    public TierResult Calculate(TieringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var w = Weights;
        var working = new List<TierWorkingLine>();
        var score = TierWorking.HigherOfRsrAndRosh(inputs, working, (w.RsrMediumFrom, w.RsrMediumPoints), (w.RsrHighFrom, w.RsrHighPoints),
            w.RoshMediumPoints, w.RoshHighPoints, w.RoshVeryHighPoints);

        if (inputs.MappaLevel > 0)
        {
            var mappa = inputs.MappaLevel == 1 ? w.MappaLevel1Points : w.MappaLevel2Or3Points;
            working.Add(new TierWorkingLine($"MAPPA level {inputs.MappaLevel}", mappa, TierAxis.Protect));
            score += mappa;
        }

        if (inputs.OgrsPercent is { } ogrs)
        {
            var points = ogrs >= w.OgrsHighFrom ? w.OgrsHighPoints : ogrs >= w.OgrsMediumFrom ? w.OgrsMediumPoints : 0;
            working.Add(new TierWorkingLine($"OGRS {ogrs}%", points, TierAxis.Protect));
            score += points;
        }

        score += TierWorking.ComplexityFactors(inputs, working, w.ComplexityFactorPoints);

        var tier = score >= w.RedFrom ? "RED" : score >= w.AmberFrom ? "AMBER" : score >= w.GreenFrom ? "GREEN" : "BLUE";
        return new TierResult(tier, RankOf(tier), null, null, score, 0, working, Name, Version);
    }
}
