using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Rar;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;

namespace OpenProbation.Domain.Tests.Rar;

/// <summary>RAR activities planned against the needs of the sentence plan and the outcomes agreed for them.</summary>
public class RarPlanNeedsTests
{
    private static readonly DateOnly _monday = new(2026, 11, 23);

    private static SentencePlan Plan(params (NeedArea? Need, string? Outcome)[] objectives) => new()
    {
        Objectives = [.. objectives.Select((o, i) => new PlanObjective { Position = i + 1, Need = o.Need, Description = $"Objective {i + 1}", AgreedOutcome = o.Outcome })],
    };

    private static RarSession Session(int id, int day, NeedArea? need, AppointmentOutcome? outcome = AppointmentOutcome.AttendedComplied,
        AppointmentType type = AppointmentType.RarSession) => new(id, _monday.AddDays(day), type, outcome, true, true, need);

    [Fact]
    public void A_plan_s_needs_come_in_its_order_with_the_outcomes_agreed_for_each_and_objectives_without_a_need_left_out()
    {
        var plan = Plan(
            (NeedArea.Accommodation, "Living in settled accommodation by March"),
            (null, "Keeps every appointment"),
            (NeedArea.DrugMisuse, "  "),
            (NeedArea.Accommodation, "On the council's housing register"),
            (NeedArea.Accommodation, "Living in settled accommodation by March"));

        var needs = RarPlanNeeds.Of(plan);

        Assert.Equal([NeedArea.Accommodation, NeedArea.DrugMisuse], needs.Select(n => n.Need));
        Assert.Equal(["Living in settled accommodation by March", "On the council's housing register"], needs[0].AgreedOutcomes);
        Assert.Empty(needs[1].AgreedOutcomes);
        Assert.Empty(RarPlanNeeds.Of(null));
    }

    [Fact]
    public void With_needs_in_the_plan_an_activity_must_name_one_of_them()
    {
        var plan = RarPlanNeeds.Of(Plan((NeedArea.Accommodation, "Settled"), (NeedArea.DrugMisuse, "Drug free")));

        Assert.Equal("Choose the need in the sentence plan this RAR activity works on: accommodation, drug misuse", RarPlanNeeds.Refusal(null, plan));
        Assert.Equal("Finance is not a need in the sentence plan: choose accommodation, drug misuse, or add it to the plan first",
            RarPlanNeeds.Refusal(NeedArea.Finance, plan));
        Assert.Null(RarPlanNeeds.Refusal(NeedArea.DrugMisuse, plan));
    }

    [Fact]
    public void Before_the_plan_names_a_need_an_activity_may_be_linked_to_none_but_not_to_a_need_the_plan_lacks()
    {
        Assert.Null(RarPlanNeeds.Refusal(null, []));
        Assert.Equal("The sentence plan has no objective for accommodation: add it to the plan first, or leave the need empty",
            RarPlanNeeds.Refusal(NeedArea.Accommodation, []));
    }

    [Fact]
    public void Activities_are_summed_by_need_with_unplanned_needs_and_unlinked_activities_after_the_plan_s()
    {
        var plan = RarPlanNeeds.Of(Plan((NeedArea.DrugMisuse, "Drug free"), (NeedArea.Accommodation, "Settled"), (NeedArea.Finance, "Debts managed")));
        RarSession[] sessions =
        [
            Session(1, 0, NeedArea.Accommodation),
            Session(2, 0, NeedArea.Accommodation), // same day: the day shows once
            Session(3, 0, NeedArea.DrugMisuse), // the same day for another need shows under that need too
            Session(4, 1, NeedArea.DrugMisuse, AppointmentOutcome.UnacceptableAbsence), // no day
            Session(5, 7, NeedArea.DrugMisuse, outcome: null), // to come
            Session(6, 2, NeedArea.Attitudes), // a need dropped from the plan
            Session(7, 3, null), // not linked
            Session(8, 4, NeedArea.Finance, type: AppointmentType.OfficeInterview), // offender management: not an activity
        ];

        var byNeed = RarPlanNeeds.ByNeed(sessions, plan);

        Assert.Equal([NeedArea.DrugMisuse, NeedArea.Accommodation, NeedArea.Finance, NeedArea.Attitudes, null], byNeed.Select(n => n.Need));
        Assert.Equal([true, true, true, false, false], byNeed.Select(n => n.InPlan));
        Assert.Equal([1, 1, 0, 1, 1], byNeed.Select(n => n.DaysDelivered.Count));
        Assert.Equal([1, 0, 0, 0, 0], byNeed.Select(n => n.SessionsToCome));
        Assert.Equal(["Drug free"], byNeed[0].AgreedOutcomes);
    }

    private static Arbitrary<(int Day, int Need, bool Held)[]> Activities() =>
        (from day in Gen.Choose(0, 30)
         from need in Gen.Choose(0, 4)
         from held in Gen.Elements(true, false)
         select (day, need, held)).ArrayOf().ToArbitrary();

    private static RarSession[] Sessions((int Day, int Need, bool Held)[] activities) =>
        [.. activities.Select((a, i) => Session(i, a.Day, a.Need == 0 ? null : (NeedArea)a.Need, a.Held ? AppointmentOutcome.AttendedComplied : null))];

    [Property(MaxTest = 300)]
    public Property Every_activity_is_under_exactly_one_row_and_no_need_has_more_days_than_the_RAR() =>
        Prop.ForAll(Activities(), activities =>
        {
            var sessions = Sessions(activities);
            var plan = RarPlanNeeds.Of(Plan((NeedArea.Accommodation, "Settled"), (NeedArea.Relationships, "Safe relationships")));
            var byNeed = RarPlanNeeds.ByNeed(sessions, plan);
            var all = RarDays.Progress(1000, sessions);
            var delivered = byNeed.SelectMany(n => n.DaysDelivered).Distinct().Order();
            return byNeed.Sum(n => n.SessionsToCome) == sessions.Count(RarDays.IsPlanned)
                && delivered.SequenceEqual(all.CompletedDays)
                && byNeed.All(n => n.DaysDelivered.Count <= all.CompletedDays.Count)
                && byNeed.Take(plan.Count).Select(n => n.Need).SequenceEqual(plan.Select(p => (NeedArea?)p.Need));
        });

    [Property(MaxTest = 300)]
    public Property A_need_in_the_plan_is_always_accepted_and_one_outside_it_never() =>
        Prop.ForAll(Gen.Choose(1, 10).ToArbitrary(), Gen.SubListOf(Enum.GetValues<NeedArea>()).ToArbitrary(), (pick, chosenNeeds) =>
        {
            var plan = chosenNeeds.Select(n => new PlanNeed(n, [])).ToList();
            var need = (NeedArea)pick;
            return Enum.IsDefined(need) && (RarPlanNeeds.Refusal(need, plan) is null) == plan.Any(p => p.Need == need)
                && (RarPlanNeeds.Refusal(null, plan) is null) == (plan.Count == 0);
        });
}
