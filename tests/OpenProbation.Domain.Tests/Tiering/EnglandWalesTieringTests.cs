using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;

namespace OpenProbation.Domain.Tests.Tiering;

/// <summary>
/// The England and Wales two-axis framework with its published weights: every boundary on both sides, the
/// lower-of-RSR-and-ROSH rule, the women's factors, the change-level special cases, and monotonicity.
/// </summary>
public class EnglandWalesTieringTests
{
    private static readonly EnglandWalesTiering _policy = new();

    private static readonly Dictionary<NeedArea, NeedSeverity> _noNeeds = [];

    private static TieringInputs Assessed(RoshLevel rosh = RoshLevel.Low, decimal? rsr = null, int? ogrs = null) =>
        new() { Rosh = rosh, RsrPercent = rsr, OgrsPercent = ogrs, Needs = _noNeeds };

    [Theory]
    [InlineData(null, 0)]
    [InlineData("0", 0)]
    [InlineData("2.99", 0)]
    [InlineData("3.00", 10)]
    [InlineData("5.20", 10)]
    [InlineData("6.99", 10)]
    [InlineData("7.00", 20)]
    [InlineData("100", 20)]
    public void Rsr_gives_10_from_3_percent_and_20_from_7_percent(string? rsr, int points)
    {
        var result = _policy.Calculate(Assessed(rsr: rsr is null ? null : decimal.Parse(rsr, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(points, result.ProtectPoints);
    }

    [Theory]
    [InlineData(RoshLevel.Low, 0, "D")]
    [InlineData(RoshLevel.Medium, 10, "C")]
    [InlineData(RoshLevel.High, 20, "B")]
    [InlineData(RoshLevel.VeryHigh, 150, "A")]
    public void Rosh_points_and_the_protect_level_they_give(RoshLevel rosh, int points, string level)
    {
        var result = _policy.Calculate(Assessed(rosh));
        Assert.Equal(points, result.ProtectPoints);
        Assert.Equal(level, result.ProtectLevel);
    }

    [Theory]
    [InlineData(RoshLevel.High, "7.50", 20)]
    [InlineData(RoshLevel.Medium, "7.50", 20)]
    [InlineData(RoshLevel.High, "3.50", 20)]
    [InlineData(RoshLevel.Medium, "3.50", 10)]
    [InlineData(RoshLevel.Low, "3.50", 10)]
    [InlineData(RoshLevel.VeryHigh, "7.50", 150)]
    public void Only_the_higher_of_rsr_and_rosh_counts(RoshLevel rosh, string rsr, int points)
    {
        var result = _policy.Calculate(Assessed(rosh, decimal.Parse(rsr, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(points, result.ProtectPoints);
        var excluded = Assert.Single(result.Working, w => w.Axis == TierAxis.Protect && !w.Counted);
        Assert.Contains("lower of RSR and ROSH", excluded.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 150)]
    [InlineData(3, 150)]
    public void Mappa_level_1_gives_5_and_levels_2_and_3_give_150(int level, int points) =>
        Assert.Equal(points, _policy.Calculate(Assessed() with { MappaLevel = level }).ProtectPoints);

    public static TheoryData<string, int, string> ProtectBoundaries => new()
    {
        { "nothing", 0, "D" },
        { "MAPPA 1 and two factors", 9, "D" },
        { "ROSH medium", 10, "C" },
        { "ROSH medium, MAPPA 1 and two factors", 19, "C" },
        { "ROSH high", 20, "B" },
        { "everything short of 150", 51, "B" },
        { "MAPPA 2", 150, "A" },
    };

    private static TieringInputs ProtectCase(string name)
    {
        var two = new HashSet<ComplexityFactor> { ComplexityFactor.MentalHealth, ComplexityFactor.SelfHarm };
        return name switch
        {
            "nothing" => Assessed(),
            "MAPPA 1 and two factors" => Assessed() with { MappaLevel = 1, ComplexityFactors = two },
            "ROSH medium" => Assessed(RoshLevel.Medium),
            "ROSH medium, MAPPA 1 and two factors" => Assessed(RoshLevel.Medium) with { MappaLevel = 1, ComplexityFactors = two },
            "ROSH high" => Assessed(RoshLevel.High),
            "everything short of 150" => Assessed(RoshLevel.High, 9m) with
            {
                MappaLevel = 1,
                ComplexityFactors = Enum.GetValues<ComplexityFactor>().ToHashSet(),
                IsFemale = true,
                ParentingResponsibilities = true,
                ImpulsivityOrTemperControl = true,
                BreachOrRecallInLast12Months = true,
            },
            "MAPPA 2" => Assessed() with { MappaLevel = 2 },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(ProtectBoundaries))]
    public void Protect_level_boundaries_either_side(string name, int points, string level)
    {
        var result = _policy.Calculate(ProtectCase(name));
        Assert.Equal(points, result.ProtectPoints);
        Assert.Equal(level, result.ProtectLevel);
    }

    [Theory]
    [InlineData(149, "B")]
    [InlineData(150, "A")]
    public void The_A_boundary_is_150_points(int veryHighPoints, string level)
    {
        // No combination of default inputs lands on 149, so weigh very high ROSH at the value under test.
        var policy = new EnglandWalesTiering(new EnglandWalesWeights { RoshVeryHighPoints = veryHighPoints });
        Assert.Equal(level, policy.Calculate(Assessed(RoshLevel.VeryHigh)).ProtectLevel);
    }

    [Fact]
    public void Each_distinct_complexity_factor_gives_2()
    {
        var result = _policy.Calculate(Assessed() with { ComplexityFactors = Enum.GetValues<ComplexityFactor>().ToHashSet() });
        Assert.Equal(20, result.ProtectPoints);
        Assert.Equal("B", result.ProtectLevel);
        Assert.Equal(10, result.Working.Count(w => w.Input.StartsWith("Complexity factor", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_womens_factors_count_only_for_women_and_two_of_them_only_with_a_valid_assessment()
    {
        var all = Assessed() with { ParentingResponsibilities = true, ImpulsivityOrTemperControl = true, BreachOrRecallInLast12Months = true };
        Assert.Equal(0, _policy.Calculate(all).ProtectPoints);
        Assert.Equal(6, _policy.Calculate(all with { IsFemale = true }).ProtectPoints);
        Assert.Equal(2, _policy.Calculate(all with { IsFemale = true, Needs = null }).ProtectPoints);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(19, 2)]
    [InlineData(20, 3)]
    [InlineData(29, 3)]
    public void Change_level_boundaries_from_ogrs_alone(int ogrsTimesTen, int level)
    {
        // OGRS ÷ 10 rounded down gives up to 9 points; add needs for the rest: thinking (2 × 2 = 4 when severe).
        var ogrs = Math.Min(ogrsTimesTen, 9) * 10 + 9;
        var rest = ogrsTimesTen - Math.Min(ogrsTimesTen, 9);
        var needs = new Dictionary<NeedArea, NeedSeverity>();
        foreach (var area in new[] { NeedArea.ThinkingAndBehaviour, NeedArea.Attitudes })
        {
            if (rest >= 4)
            {
                needs[area] = NeedSeverity.Severe;
                rest -= 4;
            }
        }

        foreach (var area in new[] { NeedArea.Accommodation, NeedArea.EducationTrainingEmployment, NeedArea.Relationships, NeedArea.Lifestyle, NeedArea.DrugMisuse, NeedArea.AlcoholMisuse })
        {
            if (rest >= 2)
            {
                needs[area] = NeedSeverity.Severe;
                rest -= 2;
            }
            else if (rest == 1)
            {
                needs[area] = NeedSeverity.Standard;
                rest = 0;
            }
        }

        var result = _policy.Calculate(new TieringInputs { Rosh = RoshLevel.Low, OgrsPercent = ogrs, Needs = needs });
        Assert.Equal(ogrsTimesTen, result.ChangePoints);
        Assert.Equal(level, result.ChangeLevel);
    }

    [Fact]
    public void Need_weights_follow_the_framework()
    {
        var needs = Enum.GetValues<NeedArea>().ToDictionary(a => a, _ => NeedSeverity.Severe);
        var result = _policy.Calculate(new TieringInputs { Rosh = RoshLevel.Low, Needs = needs });

        // 6 areas weigh 1 and 2 weigh 2; finance and emotional wellbeing weigh 0; severe doubles: (6 + 4) × 2 = 20.
        Assert.Equal(20, result.ChangePoints);
        Assert.Equal(3, result.ChangeLevel);
        Assert.Equal(0, result.Working.Single(w => w.Input.Contains("finance", StringComparison.Ordinal)).Points);
        Assert.Equal(4, result.Working.Single(w => w.Input.Contains("attitudes", StringComparison.Ordinal)).Points);
    }

    [Fact]
    public void Iom_adds_2_to_the_change_points()
    {
        var result = _policy.Calculate(new TieringInputs { Rosh = RoshLevel.Low, OgrsPercent = 80, Needs = _noNeeds, Iom = true });
        Assert.Equal(10, result.ChangePoints);
        Assert.Equal(2, result.ChangeLevel);
    }

    [Fact]
    public void No_valid_assessment_gives_change_level_2_and_no_mandate_for_change_gives_0()
    {
        var unassessed = new TieringInputs { Rosh = RoshLevel.High, OgrsPercent = 95, Needs = null };
        Assert.Equal("B2", _policy.Calculate(unassessed).Tier);
        Assert.Equal("B0", _policy.Calculate(unassessed with { ChangeRequired = false }).Tier);
        Assert.Equal("B0", _policy.Calculate(Assessed(RoshLevel.High, ogrs: 95) with { ChangeRequired = false }).Tier);
    }

    [Fact]
    public void The_issue_example_gives_B2_with_its_working()
    {
        var inputs = new TieringInputs
        {
            Rosh = RoshLevel.Low,
            RsrPercent = 5.2m,
            OgrsPercent = 47,
            ComplexityFactors = new HashSet<ComplexityFactor> { ComplexityFactor.MentalHealth, ComplexityFactor.SelfHarm, ComplexityFactor.Vulnerability, ComplexityFactor.ChildConcerns, ComplexityFactor.AdultAtRisk },
            Needs = new Dictionary<NeedArea, NeedSeverity> { [NeedArea.Accommodation] = NeedSeverity.Standard, [NeedArea.ThinkingAndBehaviour] = NeedSeverity.Severe },
        };
        var result = _policy.Calculate(inputs);
        Assert.Equal("B1", result.Tier);
        Assert.Equal(20, result.ProtectPoints);
        Assert.Equal(9, result.ChangePoints);
        Assert.Equal(EnglandWalesTiering.PolicyName, result.Policy);
        Assert.Equal(new EnglandWalesWeights().Version, result.PolicyVersion);
        Assert.Equal(result.ProtectPoints, result.Working.Where(w => w.Axis == TierAxis.Protect && w.Counted).Sum(w => w.Points));
        Assert.Equal(result.ChangePoints, result.Working.Where(w => w.Axis == TierAxis.Change && w.Counted).Sum(w => w.Points));
    }

    [Theory]
    [InlineData("A3", "A2")]
    [InlineData("A0", "B3")]
    [InlineData("B1", "B0")]
    [InlineData("C0", "D3")]
    [InlineData("D1", "D0")]
    public void Ranks_put_protect_level_first_then_change_level(string higher, string lower) =>
        Assert.True(EnglandWalesTiering.RankOf(higher) > EnglandWalesTiering.RankOf(lower));

    [Fact]
    public void Every_tier_the_policy_lists_has_a_distinct_rank_most_intensive_first()
    {
        var ranks = _policy.Tiers.Select(EnglandWalesTiering.RankOf).ToList();
        Assert.Equal(16, ranks.Distinct().Count());
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.Equal(0, EnglandWalesTiering.RankOf("E1"));
    }

    [Fact]
    public void Configured_weights_change_the_result_and_the_version()
    {
        var strict = new EnglandWalesTiering(new EnglandWalesWeights { Version = "local-1", RoshMediumPoints = 20 });
        var result = strict.Calculate(Assessed(RoshLevel.Medium));
        Assert.Equal("B", result.ProtectLevel);
        Assert.Equal("local-1", result.PolicyVersion);
    }

    [Property(Arbitrary = [typeof(TieringArbitraries)], MaxTest = 500)]
    public bool Working_always_adds_up_and_the_tier_matches_its_levels(TieringInputs inputs)
    {
        var result = _policy.Calculate(inputs);
        return result.ProtectPoints == result.Working.Where(w => w.Axis == TierAxis.Protect && w.Counted).Sum(w => w.Points)
            && result.ChangePoints == result.Working.Where(w => w.Axis == TierAxis.Change && w.Counted).Sum(w => w.Points)
            && result.Tier == $"{result.ProtectLevel}{result.ChangeLevel}"
            && result.Rank == EnglandWalesTiering.RankOf(result.Tier);
    }

    [Property(Arbitrary = [typeof(TieringArbitraries)], MaxTest = 300)]
    public bool Raising_any_risk_input_never_lowers_the_tier(TieringInputs inputs, RiskIncrease increase)
    {
        var before = _policy.Calculate(inputs);
        var after = _policy.Calculate(increase.Apply(inputs));
        return after.ProtectPoints >= before.ProtectPoints
            && after.ChangePoints >= before.ChangePoints
            && string.CompareOrdinal(after.ProtectLevel, before.ProtectLevel) <= 0
            && after.ChangeLevel >= before.ChangeLevel
            && after.Rank >= before.Rank;
    }
}

/// <summary>One step up in one risk input, for the monotonicity property.</summary>
/// <param name="Input">Which input: 0 ROSH, 1 RSR, 2 OGRS, 3 MAPPA, 4 a complexity factor, 5 a need, 6 IOM.</param>
/// <param name="Amount">How far, in the input's own units.</param>
public sealed record RiskIncrease(int Input, int Amount)
{
    /// <summary>The inputs with this one raised.</summary>
    public TieringInputs Apply(TieringInputs inputs) => Input switch
    {
        0 => inputs with { Rosh = (RoshLevel)Math.Min((int)RoshLevel.VeryHigh, (int)(inputs.Rosh ?? RoshLevel.Low) + 1 + (Amount % 2)) },
        1 => inputs with { RsrPercent = Math.Min(100m, (inputs.RsrPercent ?? 0m) + (Amount / 10m)) },
        2 => inputs with { OgrsPercent = Math.Min(99, (inputs.OgrsPercent ?? 0) + Amount) },
        3 => inputs with { MappaLevel = Math.Min(3, inputs.MappaLevel + 1) },
        4 => inputs with { ComplexityFactors = inputs.ComplexityFactors.Append((ComplexityFactor)(1 + (Amount % 10))).ToHashSet() },
        5 when inputs.Needs is { } needs => inputs with
        {
            Needs = new Dictionary<NeedArea, NeedSeverity>(needs) { [(NeedArea)(1 + (Amount % 10))] = NeedSeverity.Severe },
        },
        6 => inputs with { Iom = true },
        _ => inputs,
    };
}

/// <summary>Generators for tiering inputs across the whole range, with values often on the boundaries.</summary>
public static class TieringArbitraries
{
    public static Arbitrary<TieringInputs> Inputs()
    {
        var rsr = Gen.Frequency(
            (1, Gen.Constant<decimal?>(null)),
            (2, Gen.Elements<decimal?>(0m, 2.99m, 3m, 6.99m, 7m, 100m)),
            (3, Gen.Choose(0, 10000).Select(n => (decimal?)(n / 100m))));
        var ogrs = Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 99).Select(n => (int?)n)));
        var needs = Gen.Frequency(
            (1, Gen.Constant<IReadOnlyDictionary<NeedArea, NeedSeverity>?>(null)),
            (4, Gen.ArrayOf(Gen.Choose(0, 2), 10).Select(IReadOnlyDictionary<NeedArea, NeedSeverity>? (levels) =>
                levels.Select((level, i) => (Area: (NeedArea)(i + 1), Level: level)).Where(x => x.Level > 0)
                    .ToDictionary(x => x.Area, x => (NeedSeverity)x.Level))));
        var gen =
            from rosh in Gen.Elements<RoshLevel?>(null, RoshLevel.Low, RoshLevel.Medium, RoshLevel.High, RoshLevel.VeryHigh)
            from r in rsr
            from o in ogrs
            from mappa in Gen.Choose(0, 3)
            from factors in Gen.ListOf(Gen.Choose(1, 10))
            from iom in Gen.Elements(true, false)
            from change in Gen.Frequency((1, Gen.Constant(false)), (5, Gen.Constant(true)))
            from n in needs
            from female in Gen.Elements(true, false)
            from flags in Gen.Choose(0, 7)
            select new TieringInputs
            {
                Rosh = rosh,
                RsrPercent = r,
                OgrsPercent = o,
                MappaLevel = mappa,
                ComplexityFactors = factors.Select(f => (ComplexityFactor)f).ToHashSet(),
                Iom = iom,
                ChangeRequired = change,
                Needs = n,
                IsFemale = female,
                ParentingResponsibilities = (flags & 1) != 0,
                ImpulsivityOrTemperControl = (flags & 2) != 0,
                BreachOrRecallInLast12Months = (flags & 4) != 0,
            };
        return gen.ToArbitrary();
    }

    public static Arbitrary<RiskIncrease> Increases() =>
        (from input in Gen.Choose(0, 6) from amount in Gen.Choose(1, 100) select new RiskIncrease(input, amount)).ToArbitrary();
}
