using FsCheck.Xunit;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;

namespace OpenProbation.Domain.Tests.Tiering;

/// <summary>The BRAG score and its thresholds (red 20, amber 10, green 4), each on both sides.</summary>
public class BragTieringTests
{
    private static readonly BragTiering _policy = new();

    [Theory]
    [InlineData(RoshLevel.Low, 0, "BLUE")]
    [InlineData(RoshLevel.Medium, 10, "AMBER")]
    [InlineData(RoshLevel.High, 20, "RED")]
    [InlineData(RoshLevel.VeryHigh, 30, "RED")]
    public void Rosh_alone(RoshLevel rosh, int score, string tier)
    {
        var result = _policy.Calculate(new TieringInputs { Rosh = rosh });
        Assert.Equal(score, result.ProtectPoints);
        Assert.Equal(tier, result.Tier);
        Assert.Null(result.ProtectLevel);
        Assert.Null(result.ChangeLevel);
    }

    [Theory]
    [InlineData(1, "BLUE")]
    [InlineData(2, "GREEN")]
    [InlineData(4, "GREEN")]
    [InlineData(5, "AMBER")]
    [InlineData(9, "AMBER")]
    [InlineData(10, "RED")]
    public void Thresholds_either_side_using_complexity_factors(int factors, string tier)
    {
        // Factors give 2 each: 1 → 2 (blue, below 4), 2 → 4 (green), 5 → 10 (amber), 9 → 18 (amber), 10 → 20 (red).
        var inputs = new TieringInputs { Rosh = RoshLevel.Low, ComplexityFactors = Enum.GetValues<ComplexityFactor>().Take(factors).ToHashSet() };
        Assert.Equal(tier, _policy.Calculate(inputs).Tier);
    }

    [Theory]
    [InlineData(49, "BLUE")]
    [InlineData(50, "GREEN")]
    [InlineData(74, "GREEN")]
    [InlineData(75, "AMBER")]
    public void Ogrs_bands_follow_the_rar_guideline(int ogrs, string tier) =>
        Assert.Equal(tier, _policy.Calculate(new TieringInputs { Rosh = RoshLevel.Low, OgrsPercent = ogrs }).Tier);

    [Theory]
    [InlineData(1, "AMBER")]
    [InlineData(2, "RED")]
    public void Mappa_level_2_or_3_is_always_red(int level, string tier) =>
        Assert.Equal(tier, _policy.Calculate(new TieringInputs { MappaLevel = level }).Tier);

    [Fact]
    public void Thresholds_are_configurable_and_versioned()
    {
        var policy = new BragTiering(new BragWeights { Version = "ddc-2019", RedFrom = 10 });
        var result = policy.Calculate(new TieringInputs { Rosh = RoshLevel.Medium });
        Assert.Equal("RED", result.Tier);
        Assert.Equal("ddc-2019", result.PolicyVersion);
        Assert.Equal("brag", result.Policy);
    }

    [Property(Arbitrary = [typeof(TieringArbitraries)], MaxTest = 300)]
    public bool Raising_any_risk_input_never_lowers_the_rating(TieringInputs inputs, RiskIncrease increase) =>
        _policy.Calculate(increase.Apply(inputs)).Rank >= _policy.Calculate(inputs).Rank;

    [Property(Arbitrary = [typeof(TieringArbitraries)], MaxTest = 300)]
    public bool The_score_is_the_sum_of_the_counted_working(TieringInputs inputs)
    {
        var result = _policy.Calculate(inputs);
        return result.ProtectPoints == result.Working.Where(w => w.Counted).Sum(w => w.Points)
            && result.Rank == BragTiering.RankOf(result.Tier) && _policy.Tiers.Contains(result.Tier);
    }
}
