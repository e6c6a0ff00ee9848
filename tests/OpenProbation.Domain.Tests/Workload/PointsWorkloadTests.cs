using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;

namespace OpenProbation.Domain.Tests.Workload;

/// <summary>The points model: the England and Wales weights, weightings, reports, and available points with reductions.</summary>
public class PointsWorkloadTests
{
    private static readonly PointsWeights _weights = new();
    private static readonly DateOnly _today = new(2026, 11, 23);

    private static WorkloadCase Case(WorkloadCaseType type, string? tier, bool warrant = false, bool upwOnly = false) =>
        new("X000001", type, tier, ContactStandardDefaults.Weekly, null, warrant, upwOnly);

    [Theory]
    [InlineData(WorkloadCaseType.Community, "A3", 206)]
    [InlineData(WorkloadCaseType.Community, "B2", 115)]
    [InlineData(WorkloadCaseType.Community, "D0", 29)]
    [InlineData(WorkloadCaseType.Licence, "A3", 219)]
    [InlineData(WorkloadCaseType.Licence, "D1", 31)]
    [InlineData(WorkloadCaseType.Custody, "A3", 75)]
    [InlineData(WorkloadCaseType.Custody, "D1", 13)]
    [InlineData(WorkloadCaseType.Community, " c1 ", 50)]
    public void Points_by_case_type_and_tier(WorkloadCaseType type, string tier, int points) =>
        Assert.Equal(points, PointsWorkload.ForCase(Case(type, tier), _weights).Amount);

    [Fact]
    public void An_untiered_case_counts_as_C2_until_tiered_and_says_so()
    {
        var line = PointsWorkload.ForCase(Case(WorkloadCaseType.Community, null), _weights);

        Assert.Equal(63, line.Amount);
        Assert.StartsWith("untiered: counted as C2", line.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_BRAG_tier_counts_as_its_equivalent()
    {
        var line = PointsWorkload.ForCase(Case(WorkloadCaseType.Licence, "RED"), _weights);

        Assert.Equal((163m, "RED counted as A1; licence A1: 163 points"), (line.Amount, line.Detail));
    }

    [Fact]
    public void Warrant_and_unpaid_work_only_cases_are_weighted()
    {
        Assert.Equal(23, PointsWorkload.ForCase(Case(WorkloadCaseType.Community, "B2", warrant: true), _weights).Amount);
        var upw = PointsWorkload.ForCase(Case(WorkloadCaseType.Community, "B2", upwOnly: true), _weights);
        Assert.Equal((81m, "community B2: 115 points × 70% (unpaid work only)"), (upw.Amount, upw.Detail));
    }

    [Theory]
    [InlineData(37, 0, 2176)]
    [InlineData(18.5, 0, 1088)]
    [InlineData(37, 7.4, 1740)]
    [InlineData(37, 37, 0)]
    [InlineData(0, 0, 0)]
    public void Available_points_scale_with_hours_and_reductions(double hours, double reduction, int available) =>
        Assert.Equal(available, PointsWorkload.AvailablePoints(2176, (decimal)hours, (decimal)reduction));

    [Fact]
    public void A_trainee_in_month_seven_has_sixty_percent_off_and_reports_count_while_due()
    {
        var trainee = new Reduction { Type = ReductionType.TraineeProbationOfficer, StartDate = new DateOnly(2026, 4, 1) };
        var result = PointsWorkload.ForOfficer(
            StaffGrade.TraineeProbationOfficer,
            37m,
            [Case(WorkloadCaseType.Community, "C2"), Case(WorkloadCaseType.Licence, "B1")],
            [new(WorkloadReportType.PreSentenceReport, _today.AddDays(10), "X000002"), new(WorkloadReportType.ParoleReport, _today.AddDays(45), "X000003")],
            [trainee],
            _today,
            _weights);

        Assert.Equal((63 + 119, 138, 22.2m), (result.CasePoints, result.ReportPoints, result.ReductionHours));
        Assert.Equal(870, result.AvailablePoints); // 2176 × 1 × 14.8 / 37
        Assert.Equal(decimal.Round(100m * 320 / 870, 1), result.CapacityPercent);
        Assert.Equal("60% of 37 hours = 22.2 hours a week from 1 Apr 2026 to 30 Sep 2027", result.ReductionLines.Single().Detail);
    }

    [Fact]
    public void A_fully_reduced_officer_has_no_capacity_rather_than_infinite()
    {
        var sick = new Reduction { Type = ReductionType.LongTermSickness, StartDate = _today.AddDays(-20) };
        var result = PointsWorkload.ForOfficer(StaffGrade.ProbationOfficer, 37m, [Case(WorkloadCaseType.Community, "A1")], [], [sick], _today, _weights);

        Assert.Equal((0, (decimal?)null), (result.AvailablePoints, result.CapacityPercent));
    }

    [Theory]
    [InlineData(0, 0.8)]
    [InlineData(5, 0.8)]
    [InlineData(6, 0.6)]
    [InlineData(11, 0.6)]
    [InlineData(12, 0.4)]
    [InlineData(17, 0.4)]
    [InlineData(18, 0)]
    public void The_trainee_reduction_steps_down_every_six_months_and_ends_at_eighteen(int months, double share)
    {
        var start = new DateOnly(2026, 1, 15);
        var reduction = new Reduction { Type = ReductionType.TraineeProbationOfficer, StartDate = start };

        Assert.Equal(decimal.Round(37m * (decimal)share, 2), ReductionRules.Default.HoursOn(reduction, 37m, start.AddMonths(months)));
    }

    [Fact]
    public void The_day_before_a_step_still_has_the_earlier_share()
    {
        var start = new DateOnly(2026, 1, 15);
        var reduction = new Reduction { Type = ReductionType.TraineeProbationOfficer, StartDate = start };

        Assert.Equal(29.6m, ReductionRules.Default.HoursOn(reduction, 37m, new DateOnly(2026, 7, 14)));
        Assert.Equal(22.2m, ReductionRules.Default.HoursOn(reduction, 37m, new DateOnly(2026, 7, 15)));
        Assert.Equal(0m, ReductionRules.Default.HoursOn(reduction, 37m, start.AddDays(-1)));
    }

    [Fact]
    public void Newly_qualified_twenty_percent_for_nine_months_and_hours_based_reductions_take_their_hours()
    {
        var nqo = new Reduction { Type = ReductionType.NewlyQualified, StartDate = new DateOnly(2026, 3, 1) };
        var union = new Reduction { Type = ReductionType.TradeUnionFacilityTime, StartDate = new DateOnly(2026, 1, 1), HoursPerWeek = 7.5m, EndDate = new DateOnly(2026, 12, 31) };

        Assert.Equal(7.4m, ReductionRules.Default.HoursOn(nqo, 37m, new DateOnly(2026, 11, 30)));
        Assert.Equal(0m, ReductionRules.Default.HoursOn(nqo, 37m, new DateOnly(2026, 12, 1)));
        Assert.Equal(7.5m, ReductionRules.Default.HoursOn(union, 37m, _today));
        Assert.Equal(0m, ReductionRules.Default.HoursOn(union, 37m, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Reduction_details_need_hours_for_hours_based_types_only()
    {
        var rules = ReductionRules.Default;
        Assert.Contains("hoursPerWeek", new ReductionDetails(ReductionType.TradeUnionFacilityTime, _today, null, null, null).Validate(rules, 37m).Fields);
        Assert.Contains("hoursPerWeek", new ReductionDetails(ReductionType.OtherHours, _today, null, 40m, null).Validate(rules, 37m).Fields);
        Assert.Contains("hoursPerWeek", new ReductionDetails(ReductionType.TraineeProbationOfficer, _today, null, 10m, null).Validate(rules, 37m).Fields);
        Assert.Contains("endDate", new ReductionDetails(ReductionType.LongTermSickness, _today, _today.AddDays(-1), null, null).Validate(rules, 37m).Fields);
        Assert.True(new ReductionDetails(ReductionType.TradeUnionFacilityTime, _today, null, 3.75m, "Branch secretary").Validate(rules, 37m).IsValid);
    }

    [Property(MaxTest = 300)]
    public bool Reductions_never_take_more_than_the_contract_and_available_points_never_rise_with_them(PositiveInt hours, NonNegativeInt extra)
    {
        var contracted = Math.Min(48, hours.Get);
        var reductions = new[]
        {
            new Reduction { Type = ReductionType.LongTermSickness, StartDate = _today },
            new Reduction { Type = ReductionType.OtherHours, StartDate = _today, HoursPerWeek = extra.Get % 60 },
        };
        var (taken, _) = PointsWorkload.Reductions(reductions, contracted, _today, ReductionRules.Default);
        var fewer = PointsWorkload.AvailablePoints(2176, contracted, Math.Min(contracted, extra.Get % 60));
        return taken <= contracted && PointsWorkload.AvailablePoints(2176, contracted, taken) <= fewer && fewer <= PointsWorkload.AvailablePoints(2176, contracted, 0);
    }

    [Property(MaxTest = 200)]
    public Property Adding_a_case_never_lowers_an_officers_points() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(PointsWeights.Tiers.ToArray())).ToArbitrary(),
            Gen.Elements(PointsWeights.Tiers.ToArray()).ToArbitrary(),
            (tiers, extra) =>
            {
                var cases = tiers.Select(t => Case(WorkloadCaseType.Community, t)).ToList();
                var before = PointsWorkload.ForOfficer(StaffGrade.ProbationOfficer, 37m, cases, [], [], _today, _weights);
                var after = PointsWorkload.ForOfficer(StaffGrade.ProbationOfficer, 37m, [.. cases, Case(WorkloadCaseType.Licence, extra)], [], [], _today, _weights);
                return after.TotalPoints >= before.TotalPoints && before.CasePoints == (int)before.Cases.Sum(c => c.Amount);
            });
}
