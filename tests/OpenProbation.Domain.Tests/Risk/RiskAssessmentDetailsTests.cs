using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Risk;

/// <summary>What an assessor may record, and the clear messages for what they may not.</summary>
public class RiskAssessmentDetailsTests
{
    private static readonly DateOnly _today = D("2026-11-23");
    private static readonly DateOnly _born = D("1990-05-17");

    private static RiskAssessmentDetails Layer3() => new(
        D("2026-11-20"), AssessmentLayer.Layer3, true, RoshLevel.Medium, null, RoshLevel.Medium, RoshLevel.Low, null, null, 3.5m, 47,
        new Dictionary<NeedArea, NeedSeverity> { [NeedArea.Accommodation] = NeedSeverity.Severe }, false, false, "Full assessment");

    [Fact]
    public void A_complete_layer_3_is_accepted_and_applied()
    {
        var details = Layer3();
        ErrorAssert.Valid(details.Validate(_today, _born));
        var assessment = new RiskAssessment();
        assessment.Apply(details);
        Assert.Equal(NeedSeverity.Severe, assessment.Accommodation);
        Assert.Equal(NeedSeverity.Severe, assessment.Needs()[NeedArea.Accommodation]);
        Assert.Single(assessment.Needs());
    }

    [Fact]
    public void The_overall_rosh_may_be_left_to_the_highest_group()
    {
        var details = Layer3() with { Rosh = null, RoshChildren = RoshLevel.High };
        ErrorAssert.Valid(details.Validate(_today, _born));
        var assessment = new RiskAssessment();
        assessment.Apply(details);
        Assert.Equal(RoshLevel.High, assessment.Rosh);
    }

    [Fact]
    public void An_overall_rosh_below_a_group_is_refused() =>
        Assert.Contains("highest of the groups", ErrorAssert.Single((Layer3() with { RoshChildren = RoshLevel.High }).Validate(_today, _born), "rosh"), StringComparison.Ordinal);

    [Fact]
    public void Rosh_is_required() =>
        ErrorAssert.Single((Layer3() with { Rosh = null, RoshPublic = null, RoshKnownAdult = null }).Validate(_today, _born), "rosh");

    [Theory]
    [InlineData("-0.01")]
    [InlineData("100.01")]
    [InlineData("3.333")]
    public void Rsr_must_be_a_percentage_with_two_decimals(string rsr) =>
        ErrorAssert.Single((Layer3() with { RsrPercent = decimal.Parse(rsr, System.Globalization.CultureInfo.InvariantCulture) }).Validate(_today, _born), "rsrPercent");

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Ogrs_must_be_0_to_99(int ogrs) =>
        ErrorAssert.Single((Layer3() with { OgrsPercent = ogrs }).Validate(_today, _born), "ogrsPercent");

    [Fact]
    public void Needs_belong_only_to_layer_3() =>
        ErrorAssert.Single((Layer3() with { Layer = AssessmentLayer.Layer1 }).Validate(_today, _born), "needs");

    [Fact]
    public void A_future_or_pre_birth_date_is_refused()
    {
        ErrorAssert.Single((Layer3() with { AssessedOn = _today.AddDays(1) }).Validate(_today, _born), "assessedOn");
        ErrorAssert.Single((Layer3() with { AssessedOn = _born.AddDays(-1) }).Validate(_today, _born), "assessedOn");
        ErrorAssert.Single((Layer3() with { AssessedOn = null }).Validate(_today, _born), "assessedOn");
    }

    [Fact]
    public void Undefined_levels_are_refused_with_the_field_named()
    {
        ErrorAssert.Fields((Layer3() with { Layer = (AssessmentLayer)9, Needs = null }).Validate(_today, _born), "layer");
        ErrorAssert.Fields((Layer3() with { RoshStaff = (RoshLevel)9 }).Validate(_today, _born), "roshStaff");
        ErrorAssert.Fields((Layer3() with { Needs = new Dictionary<NeedArea, NeedSeverity> { [NeedArea.Finance] = (NeedSeverity)7 } }).Validate(_today, _born), "needs.finance");
    }

    [Fact]
    public void Need_keys_round_trip() =>
        Assert.All(Enum.GetValues<NeedArea>(), a => Assert.Equal(a, NeedAreas.FromKey(NeedAreas.Key(a))));

    [Fact]
    public void Sara_and_other_named_tools_are_recorded_with_a_name_for_other()
    {
        ErrorAssert.Valid(new NamedAssessmentDetails(AssessmentTool.Sara, null, RiskBand.High, _today, null).Validate(_today));
        ErrorAssert.Single(new NamedAssessmentDetails(AssessmentTool.Other, " ", RiskBand.Low, _today, null).Validate(_today), "toolName");
        ErrorAssert.Single(new NamedAssessmentDetails(AssessmentTool.Sara, null, RiskBand.Low, _today.AddDays(1), null).Validate(_today), "assessedOn");
    }
}
