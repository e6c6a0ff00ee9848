using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Tiering;

/// <summary>The tier follows the record: inputs are read from assessments, markers and orders, never typed in.</summary>
public class TieringInputsFromRecordTests
{
    private static readonly DateOnly _today = D("2026-11-23");

    private static RiskAssessment Assessment(int id, string on, AssessmentLayer layer, RoshLevel rosh, bool complete = true) => new()
    {
        Id = id,
        AssessedOn = D(on),
        Layer = layer,
        IsComplete = complete,
        Rosh = rosh,
        RsrPercent = 4.1m,
        OgrsPercent = 55,
        Accommodation = layer == AssessmentLayer.Layer3 ? NeedSeverity.Severe : null,
        ParentingResponsibilities = layer == AssessmentLayer.Layer3,
    };

    private static Order Community(params RequirementType[] requirements)
    {
        var order = new Order { Type = OrderType.CommunityOrder, Status = OrderStatus.Active };
        order.Requirements.AddRange(requirements.Select(t => new Requirement { Type = t, Status = RequirementStatus.Active }));
        return order;
    }

    [Fact]
    public void Rosh_rsr_and_ogrs_come_from_the_latest_assessment_and_needs_from_the_latest_valid_layer_3()
    {
        var assessments = new[]
        {
            Assessment(1, "2026-01-10", AssessmentLayer.Layer3, RoshLevel.High),
            Assessment(2, "2026-10-01", AssessmentLayer.Layer1, RoshLevel.Medium),
            Assessment(3, "2026-12-01", AssessmentLayer.Layer1, RoshLevel.VeryHigh),
        };
        var inputs = TieringInputsFromRecord.Build(assessments, [], [Community(RequirementType.Rar)], Gender.Female, _today);
        Assert.Equal(RoshLevel.Medium, inputs.Rosh);
        Assert.Equal(2, inputs.AssessmentId);
        Assert.Equal(1, inputs.FullAssessmentId);
        Assert.Equal(NeedSeverity.Severe, inputs.Needs![NeedArea.Accommodation]);
        Assert.True(inputs.ParentingResponsibilities);
        Assert.True(inputs.IsFemale);
    }

    [Theory]
    [InlineData("2026-11-22", true)]
    [InlineData("2026-11-23", false)]
    public void A_layer_3_is_valid_for_55_weeks(string on, bool valid)
    {
        // Assessed 2025-11-03; 55 weeks (385 days) later is 2026-11-23, the first day it no longer counts.
        var assessment = Assessment(1, "2025-11-03", AssessmentLayer.Layer3, RoshLevel.Low);
        Assert.Equal(valid, assessment.IsValidFullAssessmentOn(D(on)));
        Assert.Equal(valid, TieringInputsFromRecord.Build([assessment], [], [Community(RequirementType.Rar)], Gender.Male, D(on)).HasValidAssessment);
    }

    [Fact]
    public void An_incomplete_layer_3_is_not_a_valid_assessment() =>
        Assert.False(TieringInputsFromRecord.Build([Assessment(1, "2026-11-01", AssessmentLayer.Layer3, RoshLevel.Low, complete: false)], [], [Community(RequirementType.Rar)], Gender.Male, _today).HasValidAssessment);

    [Fact]
    public void Markers_active_today_give_mappa_complexity_factors_and_iom()
    {
        var markers = new[]
        {
            new Marker { Type = MarkerType.Mappa, MappaLevel = 2, MappaCategory = 1, StartDate = D("2026-01-01") },
            new Marker { Type = MarkerType.Mappa, MappaLevel = 3, MappaCategory = 1, StartDate = D("2025-01-01"), EndDate = D("2025-12-31") },
            new Marker { Type = MarkerType.MentalHealth, StartDate = D("2026-01-01") },
            new Marker { Type = MarkerType.Safeguarding, StartDate = D("2026-01-01") },
            new Marker { Type = MarkerType.Terrorism, StartDate = D("2026-12-01") },
            new Marker { Type = MarkerType.IntegratedOffenderManagement, StartDate = D("2026-02-01") },
            new Marker { Type = MarkerType.DomesticAbuse, StartDate = D("2026-02-01") },
        };
        var inputs = TieringInputsFromRecord.Build([], markers, [Community(RequirementType.Rar)], Gender.Male, _today);
        Assert.Equal(2, inputs.MappaLevel);
        Assert.Equal(new HashSet<ComplexityFactor> { ComplexityFactor.MentalHealth, ComplexityFactor.AdultAtRisk }, inputs.ComplexityFactors);
        Assert.True(inputs.Iom);
        Assert.Null(inputs.Rosh);
    }

    [Theory]
    [InlineData(OrderType.CommunityOrder, new[] { RequirementType.UnpaidWork }, false)]
    [InlineData(OrderType.CommunityOrder, new[] { RequirementType.UnpaidWork, RequirementType.Curfew, RequirementType.Exclusion }, false)]
    [InlineData(OrderType.CommunityOrder, new[] { RequirementType.UnpaidWork, RequirementType.Rar }, true)]
    [InlineData(OrderType.SuspendedSentenceOrder, new[] { RequirementType.AccreditedProgramme }, true)]
    [InlineData(OrderType.Licence, new RequirementType[0], true)]
    [InlineData(OrderType.PostSentenceSupervision, new RequirementType[0], true)]
    public void The_mandate_for_change_comes_from_custody_or_a_rehabilitative_requirement(OrderType type, RequirementType[] requirements, bool required)
    {
        var order = Community(requirements);
        order.Type = type;
        Assert.Equal(required, TieringInputsFromRecord.Build([], [], [order], Gender.Male, _today).ChangeRequired);
    }

    [Fact]
    public void Ended_requirements_and_orders_give_no_mandate()
    {
        var order = Community(RequirementType.Rar);
        order.Requirements[0].Status = RequirementStatus.Completed;
        Assert.False(TieringInputsFromRecord.Build([], [], [order], Gender.Male, _today).ChangeRequired);
        var licence = new Order { Type = OrderType.Licence, Status = OrderStatus.Completed };
        Assert.False(TieringInputsFromRecord.Build([], [], [licence], Gender.Male, _today).ChangeRequired);
    }

    [Theory]
    [InlineData(OrderStatus.Breached, null, true)]
    [InlineData(OrderStatus.Revoked, "2026-01-10", true)]
    [InlineData(OrderStatus.Revoked, "2025-11-23", false)]
    [InlineData(OrderStatus.Completed, "2026-10-01", false)]
    public void A_breach_or_recall_counts_for_12_months(OrderStatus status, string? ended, bool counts)
    {
        var order = new Order { Type = OrderType.CommunityOrder, Status = status, TerminationDate = Maybe(ended) };
        Assert.Equal(counts, TieringInputsFromRecord.Build([], [], [order], Gender.Female, _today).BreachOrRecallInLast12Months);
    }
}
