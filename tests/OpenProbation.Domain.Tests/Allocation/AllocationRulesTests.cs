using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tests.Allocation;

/// <summary>PRACTICE.md section 7 line 3: no allocation to someone absent in the induction window, competence for the risk, capacity.</summary>
public class AllocationRulesTests
{
    private static readonly AllocationSettings _settings = new();
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;

    // Monday 23 November 2026: ten working days later is Monday 7 December.
    private static readonly DateOnly _today = new(2026, 11, 23);

    private static AllocationCase Case(RoshLevel? rosh = RoshLevel.Low, bool cp = false, bool da = false, bool mappa = false, int? previous = null, int? team = 1) =>
        new(rosh, cp, da, mappa, previous is { } p ? new HashSet<int> { p } : [], team);

    private static AllocationCandidate Officer(int id, StaffGrade grade = StaffGrade.ProbationOfficer, decimal? after = 80m, int team = 1, params StaffAbsence[] absences) =>
        new(id, $"Officer {id}", grade, team, after is null ? null : after - 5m, after, absences);

    private static StaffAbsence Leave(DateOnly from, DateOnly to) => new() { Type = AbsenceType.AnnualLeave, StartDate = from, EndDate = to };

    [Fact]
    public void The_window_is_ten_working_days()
    {
        Assert.Equal(new DateOnly(2026, 12, 7), AllocationRules.WindowEnd(_today, _calendar, _settings));
    }

    [Fact]
    public void Leave_starting_on_the_last_day_of_the_window_breaks_the_rule_and_the_day_after_does_not()
    {
        var inside = AllocationRules.Check(Case(), Officer(1, absences: Leave(new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 18))), _today, _calendar, _settings);
        var outside = AllocationRules.Check(Case(), Officer(1, absences: Leave(new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 18))), _today, _calendar, _settings);
        var past = AllocationRules.Check(Case(), Officer(1, absences: Leave(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20))), _today, _calendar, _settings);

        Assert.Equal(
            [new RuleBreach(AllocationRule.AbsentInInductionWindow, "Officer 1 is away 7 December 2026 to 18 December 2026 (annual leave), inside the induction window to 7 December 2026")],
            inside);
        Assert.Empty(outside);
        Assert.Empty(past);
    }

    [Theory]
    [InlineData(RoshLevel.High, false, false, false)]
    [InlineData(RoshLevel.VeryHigh, false, false, false)]
    [InlineData(RoshLevel.Low, true, false, false)]
    [InlineData(RoshLevel.Medium, false, true, false)]
    [InlineData(null, false, false, true)]
    public void A_PSO_or_trainee_needs_an_override_for_high_risk_CP_DA_or_MAPPA(RoshLevel? rosh, bool cp, bool da, bool mappa)
    {
        var @case = Case(rosh, cp, da, mappa);

        Assert.Contains(AllocationRules.Check(@case, Officer(1, StaffGrade.ProbationServiceOfficer), _today, _calendar, _settings), b => b.Rule == AllocationRule.GradeForRisk);
        Assert.Contains(AllocationRules.Check(@case, Officer(1, StaffGrade.TraineeProbationOfficer), _today, _calendar, _settings), b => b.Rule == AllocationRule.GradeForRisk);
        Assert.Empty(AllocationRules.Check(@case, Officer(1, StaffGrade.ProbationOfficer), _today, _calendar, _settings));
    }

    [Fact]
    public void A_medium_risk_case_without_markers_may_go_to_a_PSO()
    {
        Assert.Empty(AllocationRules.Check(Case(RoshLevel.Medium), Officer(1, StaffGrade.ProbationServiceOfficer), _today, _calendar, _settings));
    }

    [Theory]
    [InlineData(110, false)]
    [InlineData(110.1, true)]
    public void The_ceiling_is_110_percent_after_the_case(double after, bool breaks)
    {
        var breaches = AllocationRules.Check(Case(), Officer(1, after: (decimal)after), _today, _calendar, _settings);

        Assert.Equal(breaks, breaches.Any(b => b.Rule == AllocationRule.AboveCapacityCeiling));
    }

    [Fact]
    public void An_officer_with_no_capacity_at_all_breaks_the_ceiling()
    {
        var breaches = AllocationRules.Check(Case(), Officer(1, after: null), _today, _calendar, _settings);

        Assert.Equal("Officer 1 has no available capacity (fully reduced or no contracted hours)", breaches.Single().Message);
    }

    [Fact]
    public void Ranking_puts_rule_keepers_first_then_continuity_availability_capacity_and_the_cases_team_with_reasons()
    {
        var officers = new[]
        {
            Officer(1, after: 70m, absences: Leave(_today.AddDays(2), _today.AddDays(4))),
            Officer(2, after: 95m),
            Officer(3, after: 60m, team: 2),
            Officer(4, after: 60m),
            Officer(5, StaffGrade.ProbationServiceOfficer, after: 40m),
        };

        var ranked = AllocationRules.Rank(Case(RoshLevel.High, previous: 2), officers, _today, _calendar, _settings);

        // Of the two who need an override, the PSO is at least there for the induction; the officer on leave is not.
        Assert.Equal([2, 4, 3, 5, 1], ranked.Select(r => r.Candidate.StaffMemberId));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(r => r.Rank));
        Assert.Equal(
            ["Continuity: has supervised this person before", "Available every day of the induction window to 7 December 2026", "Capacity 90% now, 95% after this case", "Probation officer: may hold a case with high ROSH", "In the case's team"],
            ranked[0].Reasons);
        Assert.Equal((false, true, true), (ranked[2].NeedsOverride, ranked[3].NeedsOverride, ranked[4].NeedsOverride));
        Assert.Contains("Probation services officer: not for a case with high ROSH without an override", ranked[3].Reasons);
        Assert.Contains("Not available for the whole induction window to 7 December 2026", ranked[4].Reasons);
    }

    [Fact]
    public void An_override_needs_a_reason_only_when_a_rule_is_broken()
    {
        var breaches = new[] { new RuleBreach(AllocationRule.AboveCapacityCeiling, "Above") };

        Assert.True(AllocationRules.ValidateOverride([], null, _settings).IsValid);
        Assert.Contains("overrideReason", AllocationRules.ValidateOverride(breaches, " ", _settings).Fields);
        Assert.Contains("overrideReason", AllocationRules.ValidateOverride(breaches, "Too short", _settings).Fields);
        Assert.True(AllocationRules.ValidateOverride(breaches, "Only officer who speaks the person's language", _settings).IsValid);
    }

    [Property(MaxTest = 300)]
    public Property The_first_ranked_officer_breaks_no_rule_whenever_some_officer_breaks_none() =>
        Prop.ForAll(
            Gen.ListOf(
                from grade in Gen.Elements(StaffGrade.ProbationOfficer, StaffGrade.ProbationServiceOfficer, StaffGrade.TraineeProbationOfficer)
                from after in Gen.Choose(0, 150)
                from away in Gen.Choose(-5, 20)
                select (grade, after, away)).ToArbitrary(),
            Gen.Elements(RoshLevel.Low, RoshLevel.Medium, RoshLevel.High).ToArbitrary(),
            (officers, rosh) =>
            {
                var candidates = officers.Select((o, i) => Officer(i + 1, o.grade, o.after, 1, Leave(_today.AddDays(o.away), _today.AddDays(o.away + 2)))).ToList();
                var ranked = AllocationRules.Rank(Case(rosh), candidates, _today, _calendar, _settings);
                var anyClean = candidates.Any(c => AllocationRules.Check(Case(rosh), c, _today, _calendar, _settings).Count == 0);
                return ranked.Count == candidates.Count && (!anyClean || !ranked[0].NeedsOverride);
            });
}
