using OpenProbation.Domain.Orders;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>Requirements against the clock (PRACTICE.md section 2, immutable line 8): flagged while there is still time.</summary>
public class RequirementDeliveryTests
{
    private static readonly DeliverySettings _settings = new();
    private static readonly DateOnly _today = new(2026, 11, 23);
    private static readonly DateOnly _orderEnds = new(2027, 6, 30);

    private static DeliveryNeed Programme(int sessions, int waitingWeeks, RequirementStatus status = RequirementStatus.NotStarted, DateOnly? ends = null) =>
        new(RequirementType.AccreditedProgramme, status, ends ?? _orderEnds) { ProgrammeSessionsRemaining = sessions, WaitingListWeeks = waitingWeeks };

    private static DeliveryNeed UnpaidWork(int hours, RequirementStatus status = RequirementStatus.Active, DateOnly? ends = null) =>
        new(RequirementType.UnpaidWork, status, ends ?? _orderEnds) { UnpaidWorkHoursRemaining = hours };

    private static DeliveryNeed Rar(int days, RequirementStatus status = RequirementStatus.Active, DateOnly? ends = null) =>
        new(RequirementType.Rar, status, ends ?? _orderEnds) { RarDaysRemaining = days };

    private static DeliveryOption[] Options(DeliveryAssessment a) => [.. a.Options.Select(o => o.Option)];

    [Fact]
    public void Settings_defaults_are_eight_weeks_warning_seven_hours_one_day_one_session_a_week_and_the_Crest_targets()
    {
        Assert.Equal((8, 7, 1, 1, 7, 1), (_settings.WarningWeeks, _settings.UnpaidWorkHoursPerWeek, _settings.RarDaysPerWeek,
            _settings.ProgrammeSessionsPerWeek, _settings.StandardCommencementDays, _settings.SpecialistCommencementMonths));
        Assert.True(_settings.Validate().IsValid);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_naming_the_configuration_key()
    {
        var bad = new DeliverySettings
        {
            WarningWeeks = 0,
            UnpaidWorkHoursPerWeek = 41,
            RarDaysPerWeek = 8,
            ProgrammeSessionsPerWeek = 0,
            StandardCommencementDays = 29,
            SpecialistCommencementMonths = 0,
        };

        var errors = bad.Validate();

        Assert.Equal(["WarningWeeks", "UnpaidWorkHoursPerWeek", "RarDaysPerWeek", "ProgrammeSessionsPerWeek", "StandardCommencementDays", "SpecialistCommencementMonths"], errors.Fields);
        Assert.Equal("OpenProbation:Delivery:StandardCommencementDays must be from 1 to 28", errors.ToDictionary()["StandardCommencementDays"][0]);
    }

    /// <summary>The BBR case from PRACTICE.md section 2: a programme with a wait for the next group, close to the line.</summary>
    [Fact]
    public void A_programme_with_a_wait_for_the_next_group_is_at_risk_weeks_before_it_becomes_impossible()
    {
        var a = RequirementDelivery.Assess(Programme(24, 6), _today, _settings);

        Assert.Equal(DeliveryStatus.AtRisk, a.Status);
        Assert.Equal((24, D("2027-01-04"), D("2027-01-14"), D("2026-12-03"), D("2026-10-08"), D("2027-06-20"), 10, 1),
            (a.WeeksNeeded, a.EarliestStart, a.LatestStart, a.ActBy, a.WarnFrom, a.ProjectedFinish, a.SlackDays, a.SlackWeeks));
        Assert.Equal("At risk: the 24 sessions left must start by 14 January 2027 to finish before the order ends on 30 June 2027; "
            + "starting on 4 January 2027 leaves 1 week and 3 days to spare, and a place must be secured by 3 December 2026.", a.Words);
        Assert.Equal([DeliveryOption.StartNow, DeliveryOption.ApplyToAmend, DeliveryOption.ApplyToExtend], Options(a));
        Assert.Equal("Secure a place now: book it by 3 December 2026 for a start by 14 January 2027, or it cannot finish before the order ends on 30 June 2027.", a.Options[0].Words);
        Assert.Equal("If it cannot start by 14 January 2027, apply to the court to amend the order while there is still time, not when it expires.", a.Options[1].Words);
        Assert.True(a.NeedsAction);
    }

    [Fact]
    public void The_same_programme_a_day_after_the_last_day_to_act_cannot_finish_and_the_options_go_to_court()
    {
        var a = RequirementDelivery.Assess(Programme(24, 6), D("2026-12-04"), _settings);

        Assert.Equal(DeliveryStatus.CannotFinish, a.Status);
        Assert.Equal((D("2027-01-15"), D("2027-07-01"), -1, -1), (a.EarliestStart, a.ProjectedFinish, a.SlackDays, a.SlackWeeks));
        Assert.Equal("Cannot finish before the order ends on 30 June 2027: at 1 session a week the 24 sessions left would finish on 1 July 2027, 1 day late.", a.Words);
        Assert.Equal([DeliveryOption.StartNow, DeliveryOption.ApplyToAmend, DeliveryOption.ApplyToExtend, DeliveryOption.ConsiderAlternative], Options(a));
        Assert.Equal("Start as soon as possible whatever the court decides: at 1 session a week, 23 sessions of the 24 sessions fit before the order ends.", a.Options[0].Words);
        Assert.Equal("Apply to the court to extend the order, where the law allows: at 1 session a week it would need to run until at least 1 July 2027, 1 week beyond its end.", a.Options[2].Words);
    }

    [Fact]
    public void The_programme_s_own_rate_replaces_the_default()
    {
        var twice = RequirementDelivery.Assess(Programme(24, 6) with { ProgrammeSessionsPerWeek = 2 }, _today, _settings);

        Assert.Equal((12, D("2027-04-08"), DeliveryStatus.OnTrack), (twice.WeeksNeeded, twice.LatestStart, twice.Status));
        Assert.Empty(twice.Options);
    }

    [Fact]
    public void Unpaid_work_at_seven_hours_a_week_with_time_to_spare_is_on_track_and_says_when_a_warning_would_begin()
    {
        var a = RequirementDelivery.Assess(UnpaidWork(120), _today, _settings);

        Assert.Equal((DeliveryStatus.OnTrack, 18, D("2027-02-25"), D("2027-03-28"), 94), (a.Status, a.WeeksNeeded, a.LatestStart, a.ProjectedFinish, a.SlackDays));
        Assert.Equal("On track: at 7 hours a week the 120 hours left finish on 28 March 2027, 13 weeks and 3 days before the order ends on 30 June 2027.", a.Words);
        Assert.Equal(
            [
                a.Words,
                "120 hours left at 7 hours a week: 18 weeks of delivery.",
                "To finish by the end of the order on 30 June 2027, delivery must carry on by 25 February 2027.",
                "From the earliest start on 23 November 2026 that leaves 13 weeks and 3 days to spare; at 7 hours a week it finishes on 28 March 2027.",
                "A requirement is at risk once 8 weeks or less are left to spare: the warning begins on 31 December 2026, 8 weeks before the last day to act (25 February 2027), not on the day the order ends.",
            ],
            RequirementDelivery.Explain(a));
        Assert.False(a.NeedsAction);
    }

    [Fact]
    public void Unpaid_work_that_cannot_finish_offers_a_faster_rate_and_the_court()
    {
        var a = RequirementDelivery.Assess(UnpaidWork(120, ends: D("2027-01-31")), _today, _settings);

        Assert.Equal((DeliveryStatus.CannotFinish, -56, -8), (a.Status, a.SlackDays, a.SlackWeeks));
        Assert.Equal([DeliveryOption.IncreaseRate, DeliveryOption.ApplyToAmend, DeliveryOption.ApplyToExtend, DeliveryOption.ConsiderAlternative], Options(a));
        Assert.Equal("Deliver faster, if the person can: 12 hours a week from 23 November 2026 would finish by 31 January 2027, instead of the usual 7 hours.", a.Options[0].Words);
        Assert.Equal("Apply to the court to extend the order, where the law allows: at 7 hours a week it would need to run until at least 28 March 2027, 8 weeks beyond its end.", a.Options[2].Words);
    }

    [Fact]
    public void A_RAR_that_cannot_finish_points_out_that_the_court_s_days_are_a_maximum()
    {
        var a = RequirementDelivery.Assess(Rar(20, ends: D("2027-01-31")), _today, _settings);

        Assert.Equal((DeliveryStatus.CannotFinish, 20, D("2027-04-11")), (a.Status, a.WeeksNeeded, a.ProjectedFinish));
        Assert.Equal("Deliver faster, if the person can: 2 RAR days a week from 23 November 2026 would finish by 31 January 2027, instead of the usual 1 RAR day.",
            a.Options.Single(o => o.Option == DeliveryOption.IncreaseRate).Words);
        Assert.StartsWith("Consider fewer RAR days: the court's number is a maximum", a.Options[^1].Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_RAR_is_not_offered_more_than_seven_days_a_week()
    {
        var a = RequirementDelivery.Assess(Rar(30, ends: _today.AddDays(20)), _today, _settings);

        Assert.Equal(DeliveryStatus.CannotFinish, a.Status);
        Assert.DoesNotContain(DeliveryOption.IncreaseRate, Options(a));
    }

    [Fact]
    public void An_active_requirement_at_risk_is_told_to_keep_going_without_gaps()
    {
        var a = RequirementDelivery.Assess(UnpaidWork(70), D("2027-03-01"), _settings);

        Assert.Equal((DeliveryStatus.AtRisk, 52), (a.Status, a.SlackDays));
        Assert.Equal("At risk: at 7 hours a week the 70 hours left finish on 9 May 2027, only 7 weeks and 3 days before the order ends on 30 June 2027; a longer gap in delivery and it cannot finish.", a.Words);
        Assert.Equal("Keep it going without gaps: at 7 hours a week it finishes on 9 May 2027, and a missed week leaves less than the 7 weeks and 3 days to spare.", a.Options[0].Words);
        Assert.Equal("If delivery stalls, apply to the court to extend the order, where the law allows, so that delivery can finish.", a.Options[2].Words);
    }

    /// <summary>The warning arrives WarningWeeks before the last day to act: never on the day the order ends.</summary>
    [Theory]
    [InlineData("2027-02-24", DeliveryStatus.OnTrack, 57)]
    [InlineData("2027-02-25", DeliveryStatus.AtRisk, 56)]
    [InlineData("2027-04-22", DeliveryStatus.AtRisk, 0)]
    [InlineData("2027-04-23", DeliveryStatus.CannotFinish, -1)]
    [InlineData("2027-06-30", DeliveryStatus.CannotFinish, -69)]
    [InlineData("2027-07-01", DeliveryStatus.CannotFinish, -70)]
    public void The_warning_begins_eight_weeks_before_the_latest_start(string today, DeliveryStatus expected, int slack)
    {
        var a = RequirementDelivery.Assess(UnpaidWork(70, RequirementStatus.NotStarted), D(today), _settings);

        Assert.Equal((expected, slack, D("2027-04-22"), D("2027-04-22"), D("2027-02-25")), (a.Status, a.SlackDays, a.LatestStart, a.ActBy, a.WarnFrom));
    }

    [Fact]
    public void A_shorter_warning_setting_moves_the_warning_later()
    {
        var a = RequirementDelivery.Assess(UnpaidWork(70, RequirementStatus.NotStarted), D("2027-02-25"), _settings with { WarningWeeks = 4 });

        Assert.Equal((DeliveryStatus.OnTrack, D("2027-03-25")), (a.Status, a.WarnFrom));
    }

    [Fact]
    public void The_waiting_list_counts_only_before_the_programme_starts()
    {
        var waiting = RequirementDelivery.Assess(Programme(10, 4), _today, _settings);
        var inGroup = RequirementDelivery.Assess(Programme(10, 4, RequirementStatus.Active), _today, _settings);

        Assert.Equal((_today.AddDays(28), waiting.LatestStart!.Value.AddDays(-28)), (waiting.EarliestStart, waiting.ActBy));
        Assert.Equal((_today, inGroup.LatestStart), (inGroup.EarliestStart, inGroup.ActBy));
    }

    public static TheoryData<RequirementType, RequirementStatus, DeliveryStatus, string> NotOnTheClock => new()
    {
        { RequirementType.Curfew, RequirementStatus.Active, DeliveryStatus.NotApplicable, "Not measured against the clock: a curfew runs for the length the court set." },
        { RequirementType.Exclusion, RequirementStatus.NotStarted, DeliveryStatus.NotApplicable, "Not measured against the clock: an exclusion requirement runs for the length the court set." },
        { RequirementType.Drr, RequirementStatus.Active, DeliveryStatus.NotApplicable, "Not measured against the clock: a drug rehabilitation requirement runs for the length the court set." },
        { RequirementType.Atr, RequirementStatus.Active, DeliveryStatus.NotApplicable, "Not measured against the clock: an alcohol treatment requirement runs for the length the court set." },
        { RequirementType.Mhtr, RequirementStatus.NotStarted, DeliveryStatus.NotApplicable, "Not measured against the clock: a mental health treatment requirement runs for the length the court set." },
        { RequirementType.Other, RequirementStatus.Active, DeliveryStatus.NotApplicable, "Not measured against the clock: the requirement is described only in words." },
        { RequirementType.UnpaidWork, RequirementStatus.Completed, DeliveryStatus.Done, "Completed." },
        { RequirementType.Curfew, RequirementStatus.Completed, DeliveryStatus.Done, "Completed." },
        { RequirementType.AccreditedProgramme, RequirementStatus.Terminated, DeliveryStatus.NotApplicable, "Terminated: nothing left to deliver." },
    };

    [Theory]
    [MemberData(nameof(NotOnTheClock))]
    public void Time_based_finished_and_terminated_requirements_are_not_measured(RequirementType type, RequirementStatus status, DeliveryStatus expected, string words)
    {
        var a = RequirementDelivery.Assess(new DeliveryNeed(type, status, _orderEnds), _today, _settings);

        Assert.Equal((expected, words, 0, (DateOnly?)null), (a.Status, a.Words, a.WeeksNeeded, a.LatestStart));
        Assert.Empty(a.Options);
        Assert.False(a.NeedsAction);
    }

    [Fact]
    public void Nothing_left_to_deliver_is_done_and_asks_for_the_completion_to_be_recorded()
    {
        var a = RequirementDelivery.Assess(Rar(0), _today, _settings);

        Assert.Equal((DeliveryStatus.Done, "Done: nothing left to deliver. Record the completion."), (a.Status, a.Words));
    }

    [Theory]
    [InlineData(RequirementType.Rar, RequirementStatus.Active, "rarDaysRemaining", "Enter the RAR days still to deliver")]
    [InlineData(RequirementType.UnpaidWork, RequirementStatus.Active, "unpaidWorkHoursRemaining", "Enter the unpaid work hours still to work")]
    [InlineData(RequirementType.AccreditedProgramme, RequirementStatus.Active, "programmeSessionsRemaining", "Enter the programme sessions still to attend")]
    public void The_measure_for_the_type_is_required_while_it_is_being_delivered(RequirementType type, RequirementStatus status, string field, string message)
    {
        var errors = new DeliveryNeed(type, status, _orderEnds).Validate();

        Assert.Equal([field], errors.Fields);
        Assert.Equal(message, errors.ToDictionary()[field][0]);
        Assert.Throws<ArgumentException>(() => RequirementDelivery.Assess(new DeliveryNeed(type, status, _orderEnds), _today, _settings));
    }

    [Fact]
    public void A_measure_for_another_type_or_out_of_range_is_refused()
    {
        var wrong = new DeliveryNeed(RequirementType.Curfew, RequirementStatus.Active, _orderEnds) { UnpaidWorkHoursRemaining = 10, WaitingListWeeks = 2 };
        Assert.Equal(["unpaidWorkHoursRemaining", "waitingListWeeks"], wrong.Validate().Fields);
        Assert.Equal("Unpaid work hours still to work apply only to unpaid work", wrong.Validate().ToDictionary()["unpaidWorkHoursRemaining"][0]);

        Assert.Equal(["unpaidWorkHoursRemaining"], UnpaidWork(-1).Validate().Fields);
        Assert.Equal(["unpaidWorkHoursRemaining"], UnpaidWork(301).Validate().Fields);
        Assert.Equal(["rarDaysRemaining"], Rar(366).Validate().Fields);
        Assert.Equal(["waitingListWeeks"], Programme(10, 105).Validate().Fields);
        Assert.Equal(["programmeSessionsPerWeek"], (Programme(10, 0) with { ProgrammeSessionsPerWeek = 8 }).Validate().Fields);
        Assert.Equal(["type", "status"], new DeliveryNeed((RequirementType)99, (RequirementStatus)99, _orderEnds).Validate().Fields);
        Assert.True(new DeliveryNeed(RequirementType.UnpaidWork, RequirementStatus.Completed, _orderEnds).Validate().IsValid);
    }
}
