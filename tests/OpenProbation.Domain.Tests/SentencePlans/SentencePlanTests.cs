using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;

namespace OpenProbation.Domain.Tests.SentencePlans;

/// <summary>Sentence plans made with the person (PRACTICE.md immutable line 2).</summary>
public class SentencePlanTests
{
    private static readonly SentencePlanSettings _settings = new();
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly _today = new(2026, 11, 23);
    private const int Officer = 7;
    private const int OrderId = 3;

    private static SentencePlanDetails Details(string? goals = "Keep my flat and get back to work", string? rmp = null) => new(
        goals, "Weekly appointments and the housing referral", "Alcohol is not my problem", rmp,
        [new(NeedArea.Accommodation, "Keep a settled tenancy", "Tenancy kept for six months", [new("Referral to the housing provider", PlanActionOwner.Provider, "Shelter", _today.AddDays(14))])]);

    private static SentencePlan Draft(SentencePlanDetails? details = null)
    {
        var plan = new SentencePlan { OrderId = OrderId, PersonId = 1, PlanNumber = 1, ReviewReason = PlanReviewReason.FirstPlan, CreatedBy = "officer", CreatedAt = _now };
        plan.Apply(details ?? Details());
        return plan;
    }

    private static PlanContact Contact(AppointmentType type = AppointmentType.OfficeInterview, AppointmentOutcome? outcome = AppointmentOutcome.AttendedComplied,
        int staff = Officer, int? order = OrderId, int hoursAgo = 24) => new(1, staff, order, type, outcome, _now.AddHours(-hoursAgo));

    [Fact]
    public void The_first_plan_is_due_fifteen_working_days_after_sentence_counting_bank_holidays()
    {
        Assert.Equal(new DateOnly(2026, 12, 14), SentencePlanRules.DueDate(_today, WorkingCalendar.EnglandAndWales, _settings));
        // 14 December 2026: Christmas Day, the Boxing Day substitute and New Year's Day fall within the fifteen.
        Assert.Equal(new DateOnly(2027, 1, 7), SentencePlanRules.DueDate(new DateOnly(2026, 12, 14), WorkingCalendar.EnglandAndWales, _settings));
        Assert.Equal(_today.AddDays(112), SentencePlanRules.ReviewDue(_today, _settings));
    }

    [Fact]
    public void Only_a_held_face_to_face_contact_with_the_responsible_officer_on_this_order_lets_the_plan_be_agreed()
    {
        PlanContact[] notEnough =
        [
            Contact(AppointmentType.Telephone),
            Contact(AppointmentType.Video),
            Contact(outcome: AppointmentOutcome.UnacceptableAbsence),
            Contact(outcome: AppointmentOutcome.AcceptableAbsence),
            Contact(outcome: null, hoursAgo: -2), // booked for later today
            Contact(outcome: AppointmentOutcome.AttendedComplied, hoursAgo: -2), // recorded ahead of time: not yet happened
            Contact(staff: 99), // another officer
            Contact(order: 4), // another order
            Contact(order: null),
        ];

        Assert.Null(SentencePlanRules.MeetingWithOfficer(notEnough, Officer, OrderId, _now));
        Assert.Null(SentencePlanRules.MeetingWithOfficer([Contact()], null, OrderId, _now));

        var visit = Contact(AppointmentType.HomeVisit, hoursAgo: 2);
        Assert.Equal(visit, SentencePlanRules.MeetingWithOfficer([.. notEnough, Contact(), visit], Officer, OrderId, _now));
        Assert.NotNull(SentencePlanRules.MeetingWithOfficer([Contact(outcome: AppointmentOutcome.AttendedFailedToComply)], Officer, OrderId, _now));
    }

    [Fact]
    public void A_plan_needs_the_persons_own_words_objectives_with_actions_and_agreed_outcomes()
    {
        Assert.True(Draft().CheckReadyToAgree(RoshLevel.Medium).IsValid);
        Assert.Equal(["personGoals"], Draft(Details(goals: " ")).CheckReadyToAgree(null).Fields);
        Assert.Equal(["objectives"], Draft(Details() with { Objectives = [] }).CheckReadyToAgree(null).Fields);
        Assert.Equal(["objectives[0].actions", "objectives[0].agreedOutcome"],
            Draft(Details() with { Objectives = [new(NeedArea.Finance, "Manage debts", null, [])] }).CheckReadyToAgree(null).Fields);
    }

    [Fact]
    public void A_high_rosh_plan_needs_a_risk_management_plan_and_a_countersignature_from_another_manager()
    {
        Assert.Equal(["riskManagementPlan"], Draft().CheckReadyToAgree(RoshLevel.High).Fields);
        var plan = Draft(Details(rmp: "Victim safety: no contact with the former partner; police liaison monthly"));
        Assert.True(plan.CheckReadyToAgree(RoshLevel.VeryHigh).IsValid);

        plan.Agree(41, RoshLevel.VeryHigh, "officer", _now, _today, _settings);

        Assert.Equal((SentencePlanStatus.AwaitingCountersignature, true, 41), (plan.Status, plan.NeedsCountersignature, plan.MeetingAppointmentId));
        Assert.Equal(["approve"], plan.Countersign(true, null, "OFFICER", _now).Fields);
        Assert.Equal(["note"], plan.Countersign(false, null, "manager", _now).Fields);

        Assert.True(plan.Countersign(false, "Add the MAPPA level and the exclusion zone", "manager", _now).IsValid);
        Assert.Equal((SentencePlanStatus.Draft, (string?)null, (int?)null), (plan.Status, plan.AgreedBy, plan.MeetingAppointmentId));

        plan.Agree(42, RoshLevel.VeryHigh, "officer", _now, _today, _settings);
        Assert.True(plan.Countersign(true, null, "manager", _now).IsValid);
        Assert.Equal((SentencePlanStatus.Agreed, "manager", _today.AddDays(112)), (plan.Status, plan.CountersignedBy, plan.ReviewDueOn));
        Assert.Equal(["approve"], plan.Countersign(true, null, "manager", _now).Fields);
    }

    [Fact]
    public void A_medium_rosh_plan_is_in_force_on_agreement_and_a_review_starts_a_new_version_from_it()
    {
        var plan = Draft();
        plan.Agree(41, RoshLevel.Medium, "officer", _now, _today, _settings);
        Assert.Equal((SentencePlanStatus.Agreed, false), (plan.Status, plan.NeedsCountersignature));
        Assert.Equal(["status"], plan.CheckReadyToAgree(RoshLevel.Medium).Fields);

        var review = plan.StartReview(PlanReviewReason.TierChange, null, _today.AddDays(10), "officer", _now.AddDays(1));

        Assert.Equal((2, SentencePlanStatus.Draft, PlanReviewReason.TierChange), (review.PlanNumber, review.Status, review.ReviewReason));
        Assert.Equal(plan.ToDetails().PersonGoals, review.ToDetails().PersonGoals);
        Assert.Equal(plan.ToDetails().Objectives![0].Actions![0], review.ToDetails().Objectives![0].Actions![0]);
        Assert.Equal(SentencePlanStatus.Agreed, plan.Status); // superseded only when the review is agreed
    }

    [Fact]
    public void Details_are_checked_field_by_field()
    {
        var bad = new SentencePlanDetails(null, null, null, null,
            [new((NeedArea)99, " ", null, [new(" ", null, null, null), new("Attend the group", PlanActionOwner.Provider, null, new DateOnly(2020, 1, 1))])]);

        Assert.Equal(
            ["objectives[0].need", "objectives[0].description", "objectives[0].actions[0].description", "objectives[0].actions[0].owner",
             "objectives[0].actions[1].ownerName", "objectives[0].actions[1].targetDate"],
            bad.Validate(_today).Fields);
        Assert.True(Details().Validate(_today).IsValid);
    }

    [Fact]
    public void A_review_is_called_for_when_its_day_comes_and_by_each_significant_change_since_agreement()
    {
        SignificantChange[] changes =
        [
            new(PlanReviewReason.TierChange, _now.AddDays(-3), "Tier changed before the plan was agreed"),
            new(PlanReviewReason.Breach, _now.AddDays(20), "Breach action on the order"),
            new(PlanReviewReason.TierChange, _now.AddDays(10), "Tier changed from C2 to B2"),
        ];

        Assert.Empty(SentencePlanRules.ReviewsCalledFor(_now, _today.AddDays(112), _today.AddDays(5), changes[..1]));
        Assert.Equal(
            [PlanReviewReason.TierChange, PlanReviewReason.Breach],
            SentencePlanRules.ReviewsCalledFor(_now, _today.AddDays(112), _today.AddDays(30), changes).Select(c => c.Reason));
        var due = SentencePlanRules.ReviewsCalledFor(_now, _today.AddDays(112), _today.AddDays(112), []);
        Assert.Equal(PlanReviewReason.ScheduledReview, Assert.Single(due).Reason);
        Assert.Contains("review was due on", due[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void A_licence_plan_is_due_from_release_and_an_order_plan_from_sentence()
    {
        var sentenced = new DateOnly(2026, 6, 1);
        Assert.Equal(SentencePlanRules.DueDate(_today, WorkingCalendar.EnglandAndWales, _settings),
            SentencePlanRules.FirstPlanDue(Domain.Orders.OrderType.Licence, sentenced, _today, WorkingCalendar.EnglandAndWales, _settings));
        Assert.Equal(SentencePlanRules.DueDate(sentenced, WorkingCalendar.EnglandAndWales, _settings),
            SentencePlanRules.FirstPlanDue(Domain.Orders.OrderType.CommunityOrder, sentenced, _today, WorkingCalendar.EnglandAndWales, _settings));
    }
}
