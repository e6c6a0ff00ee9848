using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Contact compliance (ContactCompliance doc comment): "contact standards for every tier are met, or the gap is visible
/// to the officer and the manager the day it opens" (PRACTICE.md section 7 line 5); red cases are seen every week and
/// face-to-face contact is required in nearly every case (section 3); induction within 5 working days of sentence (section 2).
/// </summary>
public class ContactComplianceTests
{
    private static readonly ContactStandardSchedule _brag = ContactStandardDefaults.BragSchedule;
    private static readonly ContactStandardSchedule _englandAndWales = ContactStandardDefaults.EnglandAndWalesSchedule;

    [Fact]
    public void A_weekly_case_started_in_December_is_judged_window_by_window_into_the_new_year()
    {
        var result = Assess(_brag, "2026-12-28", "2027-02-01", [Tier("2026-12-28", "RED")],
            Seen("2026-12-28"), Seen("2027-01-05"), Seen("2027-01-12"), Seen("2027-01-19"));

        Assert.Equal(
            [("2026-12-28", "2027-01-03", 1, true), ("2027-01-04", "2027-01-10", 1, true), ("2027-01-11", "2027-01-17", 1, true),
             ("2027-01-18", "2027-01-24", 1, true), ("2027-01-25", "2027-01-31", 0, true), ("2027-02-01", "2027-02-07", 0, false)],
            result.Periods.Select(p => (Iso(p.From), Iso(p.To), p.Held, p.IsComplete)));
        Assert.Equal([true, true, true, true, false, false], result.Periods.Select(p => p.Met));
        Assert.Same(result.Periods[^1], result.CurrentPeriod);
        Assert.Equal(new ComplianceSummary(D("2027-01-01"), D("2027-01-31"), 5, 4, 3, 3), result.Summarise(D("2027-01-01"), D("2027-01-31")));
        Assert.Equal(D("2027-01-05"), result.InductionDeadline);
        Assert.Equal(D("2026-12-28"), result.InductionHeldOn);
        Assert.Equal("RED case not seen for 13 days: the standard is every 7 days", Assert.Single(result.Reasons).Message);
    }

    // Thursday 24 December 2026: Christmas Day, the weekend, Boxing Day's substitute on Monday 28 and New Year's Day
    // leave Tuesday 29, Wednesday 30, Thursday 31 December, Monday 4 and Tuesday 5 January.
    [Theory]
    [InlineData("2026-12-24", "2027-01-05")]
    [InlineData("2027-03-25", "2027-04-05")]
    [InlineData("2026-04-02", "2026-04-13")]
    [InlineData("2026-03-06", "2026-03-13")]
    [InlineData("2026-03-07", "2026-03-13")]
    [InlineData("2022-06-01", "2022-06-10")]
    public void The_induction_is_due_5_working_days_after_the_start_skipping_weekends_and_bank_holidays(string start, string deadline) =>
        Assert.Equal(D(deadline), Assess(_englandAndWales, start, start, [Tier(start, "D0")]).InductionDeadline);

    [Fact]
    public void The_induction_is_overdue_from_the_day_after_the_deadline_not_on_it()
    {
        TierPeriod[] tiers = [Tier("2026-12-24", "D0")];

        var onTheDay = Assess(_englandAndWales, "2026-12-24", "2027-01-05", tiers);
        var dayAfter = Assess(_englandAndWales, "2026-12-24", "2027-01-06", tiers);

        Assert.False(onTheDay.InductionOverdue);
        Assert.Equal(ComplianceStatus.InStandard, onTheDay.Status);
        Assert.True(dayAfter.InductionOverdue);
        Assert.Equal(ComplianceStatus.OutOfStandard, dayAfter.Status);
        Assert.Equal(
            new ComplianceReason(ComplianceIssue.InductionOverdue, "Induction overdue: the first appointment was due by Tuesday 5 January 2027"),
            Assert.Single(dayAfter.Reasons));
    }

    [Fact]
    public void An_induction_held_on_the_deadline_is_on_time_and_one_held_after_it_is_late_but_no_longer_overdue()
    {
        TierPeriod[] tiers = [Tier("2026-12-24", "D0")];

        var onTime = Assess(_englandAndWales, "2026-12-24", "2027-01-06", tiers, Seen("2027-01-05"));
        var late = Assess(_englandAndWales, "2026-12-24", "2027-01-07", tiers, Seen("2027-01-06"));

        Assert.Equal((D("2027-01-05"), false, false), (onTime.InductionHeldOn!.Value, onTime.InductionHeldLate, onTime.InductionOverdue));
        Assert.Equal((D("2027-01-06"), true, false), (late.InductionHeldOn!.Value, late.InductionHeldLate, late.InductionOverdue));
        Assert.Equal(ComplianceStatus.InStandard, late.Status);
    }

    // A weekly case seen 7 days ago is in standard; 8 days ago it is not.
    [Theory]
    [InlineData("RED", "2026-03-09", 7, null)]
    [InlineData("RED", "2026-03-10", 8, "RED case not seen for 8 days: the standard is every 7 days")]
    [InlineData("RED", "2026-03-11", 9, "RED case not seen for 9 days: the standard is every 7 days")]
    [InlineData("AMBER", "2026-03-16", 14, null)]
    [InlineData("AMBER", "2026-03-17", 15, "AMBER case not seen for 15 days: the standard is every 14 days")]
    [InlineData("GREEN", "2026-03-30", 28, null)]
    [InlineData("GREEN", "2026-03-31", 29, "GREEN case not seen for 29 days: the standard is every 28 days")]
    [InlineData("BLUE", "2026-03-31", 29, "BLUE case not seen for 29 days: the standard is every 28 days")]
    public void The_gap_opens_the_day_after_the_frequency_runs_out(string tier, string today, int days, string? message)
    {
        var result = Assess(_brag, "2026-03-02", today, [Tier("2026-03-02", tier)], Seen("2026-03-02"));

        Assert.Equal(days, result.DaysSinceLastSeen);
        Assert.Equal(message is not null, result.GapOpen);
        Assert.Equal(message, result.Reasons.SingleOrDefault()?.Message);
    }

    [Fact]
    public void England_and_Wales_tiers_name_the_tier_in_the_gap_message() =>
        Assert.Equal(
            "A3 case not seen for 9 days: the standard is every 7 days",
            Assert.Single(Assess(_englandAndWales, "2026-03-02", "2026-03-11", [Tier("2026-03-02", "a3")], Seen("2026-03-02")).Reasons).Message);

    [Fact]
    public void A_case_never_seen_is_counted_from_the_start_and_its_overdue_induction_shows_too()
    {
        var result = Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "RED")]);

        Assert.Null(result.LastSeen);
        Assert.Equal(8, result.DaysSinceLastSeen);
        Assert.Equal(
            ["Induction overdue: the first appointment was due by Monday 9 March 2026",
             "RED case not seen in the 8 days since supervision started: the standard is every 7 days"],
            result.Reasons.Select(r => r.Message));
        Assert.Equal([ComplianceIssue.InductionOverdue, ComplianceIssue.GapOpen], result.Reasons.Select(r => r.Issue));
    }

    [Fact]
    public void A_telephone_call_is_not_a_contact_for_a_red_case_but_is_for_an_amber_one()
    {
        ContactRecord[] calls = [Seen("2026-03-02", AppointmentType.Telephone), Seen("2026-03-06", AppointmentType.Video)];

        var red = Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "RED")], calls);
        var amber = Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "AMBER")], calls);

        Assert.Null(red.LastSeen);
        Assert.Empty(red.Counted);
        Assert.True(red.GapOpen);
        Assert.True(red.InductionOverdue);
        Assert.Equal(0, red.Periods[0].Held);
        Assert.Equal(D("2026-03-06"), amber.LastSeen);
        Assert.Equal(D("2026-03-02"), amber.InductionHeldOn);
        Assert.False(amber.GapOpen);

        // The calls count as contacts for an amber case, but two calls and no visit are below its face-to-face share.
        Assert.Equal(ComplianceIssue.FaceToFaceBelowMinimum, Assert.Single(amber.Reasons).Issue);
    }

    [Theory]
    [InlineData(AppointmentOutcome.FailedToAttend)]
    [InlineData(AppointmentOutcome.UnacceptableAbsence)]
    [InlineData(AppointmentOutcome.AcceptableAbsence)]
    [InlineData(AppointmentOutcome.Rescheduled)]
    [InlineData(null)]
    public void An_appointment_the_person_did_not_attend_or_without_an_outcome_is_not_a_contact(AppointmentOutcome? outcome)
    {
        var result = Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "RED")],
            Seen("2026-03-02"), new ContactRecord(D("2026-03-09"), AppointmentType.OfficeInterview, outcome));

        Assert.Equal(D("2026-03-02"), result.LastSeen);
        Assert.True(result.GapOpen);
        Assert.Equal(0, result.Periods[1].Held);
    }

    [Theory]
    [InlineData(AppointmentOutcome.AttendedComplied)]
    [InlineData(AppointmentOutcome.AttendedFailedToComply)]
    [InlineData(AppointmentOutcome.SentHome)]
    public void The_person_was_seen_whenever_they_attended(AppointmentOutcome outcome) =>
        Assert.Equal(
            D("2026-03-09"),
            Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "RED")], new ContactRecord(D("2026-03-09"), AppointmentType.OfficeInterview, outcome)).LastSeen);

    // Sessions delivered by others for a requirement are counted against it, not as supervision contacts (AppointmentTypes).
    [Theory]
    [InlineData(AppointmentType.GroupInduction, true)]
    [InlineData(AppointmentType.GroupSession, true)]
    [InlineData(AppointmentType.HomeVisit, true)]
    [InlineData(AppointmentType.RarSession, false)]
    [InlineData(AppointmentType.UnpaidWork, false)]
    [InlineData(AppointmentType.ProgrammeSession, false)]
    [InlineData(AppointmentType.OtherAgency, false)]
    public void Only_offender_management_contacts_count_towards_the_standard(AppointmentType type, bool counts)
    {
        var result = Assess(_brag, "2026-03-02", "2026-03-10", [Tier("2026-03-02", "RED")], Seen("2026-03-09", type));

        Assert.Equal(counts, result.LastSeen == D("2026-03-09"));
    }

    [Fact]
    public void A_new_tier_sets_the_length_of_the_next_window_and_the_gap_from_the_day_it_applies()
    {
        TierPeriod[] tiers = [Tier("2026-03-02", "D0"), Tier("2026-03-10", "A1")];
        ContactRecord[] contacts = [Seen("2026-03-02"), Seen("2026-03-31")];

        var midWindow = Assess(_englandAndWales, "2026-03-02", "2026-03-12", tiers, contacts);
        var later = Assess(_englandAndWales, "2026-03-02", "2026-04-08", tiers, contacts);

        Assert.Equal("2026-03-29", Iso(midWindow.Periods[0].To));
        Assert.Equal("A1 case not seen for 10 days: the standard is every 7 days", Assert.Single(midWindow.Reasons).Message);
        Assert.Equal(
            [("2026-03-02", "2026-03-29", "D0", true), ("2026-03-30", "2026-04-05", "A1", true), ("2026-04-06", "2026-04-12", "A1", false)],
            later.Periods.Select(p => (Iso(p.From), Iso(p.To), p.Tier, p.Met)));
        Assert.Equal("A1", later.Tier);
        Assert.Equal("A", later.Current.Pattern);
    }

    [Fact]
    public void A_case_untiered_at_the_start_has_the_highest_standard_until_it_is_tiered()
    {
        var result = Assess(_englandAndWales, "2026-03-02", "2026-03-10", [Tier("2026-03-05", "D0")], Seen("2026-03-02"));
        var untiered = Assess(_englandAndWales, "2026-03-02", "2026-03-10", [], Seen("2026-03-02"));

        Assert.Equal(7, result.Periods[0].Standard.FrequencyDays);
        Assert.Null(result.Periods[0].Tier);
        Assert.Equal(ComplianceStatus.InStandard, result.Status);
        Assert.True(untiered.Current.IsFallback);
        Assert.Equal("Untiered case not seen for 8 days: the standard is every 7 days", Assert.Single(untiered.Reasons).Message);
    }

    [Fact]
    public void A_new_policy_applies_from_the_first_window_that_starts_after_it()
    {
        var local = new ContactStandardPolicy(
            "Local", 1, D("2026-04-01"), [new("D", new ContactStandard(14, 0.5m, true))], ContactStandardDefaults.Weekly);
        var schedule = new ContactStandardSchedule([ContactStandardDefaults.EnglandAndWales, local]);

        var result = Assess(schedule, "2026-03-02", "2026-05-05", [Tier("2026-03-02", "D1")], Seen("2026-03-02"), Seen("2026-04-20"));

        Assert.Equal([28, 28, 14], result.Periods.Select(p => p.Standard.FrequencyDays));
        Assert.Equal("2026-04-27", Iso(result.Periods[2].From));
        Assert.Same(local, result.Policy);
    }

    [Fact]
    public void Contacts_before_the_start_or_after_today_do_not_count()
    {
        var result = Assess(_brag, "2026-03-02", "2026-03-12", [Tier("2026-03-02", "AMBER")], Seen("2026-03-01"), Seen("2026-03-20"));

        Assert.Null(result.LastSeen);
        Assert.Empty(result.Counted);
        Assert.Null(result.InductionHeldOn);
    }

    [Fact]
    public void Before_supervision_starts_nothing_is_due()
    {
        var result = Assess(_brag, "2026-04-01", "2026-03-20", [Tier("2026-03-01", "RED")]);

        Assert.False(result.HasStarted);
        Assert.Empty(result.Periods);
        Assert.Null(result.CurrentPeriod);
        Assert.Equal(0, result.DaysSinceLastSeen);
        Assert.Equal(ComplianceStatus.InStandard, result.Status);
        Assert.Equal(D("2026-04-10"), result.InductionDeadline);
    }

    // AMBER: at least 75% face to face; judged once two contacts in the lookback were calls.
    [Fact]
    public void Too_few_face_to_face_contacts_in_the_last_12_weeks_put_a_case_out_of_standard()
    {
        ContactRecord[] contacts =
        [
            Seen("2026-01-06"), Seen("2026-01-20", AppointmentType.Telephone),
            Seen("2026-02-02"), Seen("2026-02-16", AppointmentType.Telephone), Seen("2026-03-02"), Seen("2026-03-16"),
            Seen("2026-03-30", AppointmentType.Video), Seen("2026-04-06"), Seen("2026-04-14"),
        ];

        var result = Assess(_brag, "2026-01-05", "2026-04-20", [Tier("2026-01-05", "AMBER")], contacts);
        var withAnotherVisit = Assess(_brag, "2026-01-05", "2026-04-20", [Tier("2026-01-05", "AMBER")], [.. contacts, Seen("2026-04-17")]);

        Assert.Equal(D("2026-01-27"), result.LookbackFrom);
        Assert.Equal((7, 5), (result.HeldInLookback, result.FaceToFaceInLookback));
        Assert.Equal(5m / 7m, result.FaceToFaceShare);
        Assert.True(result.FaceToFaceJudged);
        Assert.False(result.FaceToFaceMet);
        Assert.Equal(
            new ComplianceReason(ComplianceIssue.FaceToFaceBelowMinimum, "71% of contacts in the last 12 weeks were face to face: the standard is at least 75%"),
            Assert.Single(result.Reasons));
        Assert.Equal(0.75m, withAnotherVisit.FaceToFaceShare);
        Assert.Equal(ComplianceStatus.InStandard, withAnotherVisit.Status);
    }

    [Theory]
    [InlineData("AMBER", 2, 1, true, false)]
    [InlineData("AMBER", 0, 1, true, false)]
    [InlineData("AMBER", 0, 2, false, true)]
    [InlineData("AMBER", 6, 2, true, true)]
    [InlineData("GREEN", 1, 1, true, false)]
    [InlineData("GREEN", 1, 2, false, true)]
    [InlineData("GREEN", 2, 2, true, true)]
    [InlineData("BLUE", 1, 2, true, true)]
    [InlineData("BLUE", 0, 2, false, true)]
    [InlineData("BLUE", 2, 5, false, true)]
    [InlineData("RED", 3, 5, true, false)]
    public void The_face_to_face_share_is_judged_once_two_contacts_were_calls(string tier, int visits, int calls, bool inStandard, bool judged)
    {
        // All in the last few days, so no gap is open and the induction was held.
        var today = D("2026-04-17");
        var contacts = Enumerable.Range(0, visits).Select(i => Seen(today.AddDays(-i)))
            .Concat(Enumerable.Range(0, calls).Select(i => Seen(today.AddDays(-visits - i), AppointmentType.Telephone)));

        var result = Assess(_brag, "2026-03-30", "2026-04-17", [Tier("2026-03-30", tier)], [.. contacts]);

        Assert.Equal(judged, result.FaceToFaceJudged);
        Assert.Equal(inStandard, result.Status == ComplianceStatus.InStandard);
    }

    // Judging the share once there are three contacts would put this case out of standard for recording the second visit.
    [Fact]
    public void Recording_another_visit_never_puts_a_case_out_of_standard()
    {
        TierPeriod[] tiers = [Tier("2026-03-30", "AMBER")];
        ContactRecord[] visitAndCall = [Seen("2026-03-30"), Seen("2026-04-08", AppointmentType.Telephone)];

        var before = Assess(_brag, "2026-03-30", "2026-04-17", tiers, visitAndCall);
        var after = Assess(_brag, "2026-03-30", "2026-04-17", tiers, [.. visitAndCall, Seen("2026-04-15")]);

        Assert.Equal(ComplianceStatus.InStandard, before.Status);
        Assert.Equal(2m / 3m, after.FaceToFaceShare);
        Assert.False(after.FaceToFaceJudged);
        Assert.Equal(ComplianceStatus.InStandard, after.Status);
    }

    [Fact]
    public void A_blue_case_with_no_visits_names_its_one_in_three_minimum()
    {
        var result = Assess(_brag, "2026-03-30", "2026-04-17", [Tier("2026-03-30", "BLUE")],
            Seen("2026-03-30", AppointmentType.Telephone), Seen("2026-04-10", AppointmentType.Telephone));

        Assert.Equal("0% of contacts in the last 12 weeks were face to face: the standard is at least 33%", Assert.Single(result.Reasons).Message);
    }

    [Fact]
    public void The_lookback_can_be_set_in_weeks_from_1_to_52()
    {
        var result = Assess(_brag, "2026-01-05", "2026-04-20", [Tier("2026-01-05", "AMBER")], [Seen("2026-04-14")], lookbackWeeks: 1);

        Assert.Equal((D("2026-04-14"), 1), (result.LookbackFrom, result.HeldInLookback));
        Assert.Throws<ArgumentOutOfRangeException>(() => Assess(_brag, "2026-01-05", "2026-04-20", [], [], lookbackWeeks: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Assess(_brag, "2026-01-05", "2026-04-20", [], [], lookbackWeeks: 53));
    }

    [Fact]
    public void Of_two_tier_entries_on_one_day_the_later_given_applies() =>
        Assert.Equal("RED", Assess(_brag, "2026-03-02", "2026-03-03", [Tier("2026-03-02", "GREEN"), Tier("2026-03-02", "RED")]).Tier);

    [Fact]
    public void A_team_s_cases_roll_up_into_counts_of_cases_and_contacts_for_a_month()
    {
        var january = (D("2027-01-01"), D("2027-01-31"));
        var seenWeekly = Assess(_brag, "2026-12-28", "2027-02-01", [Tier("2026-12-28", "RED")],
            Seen("2026-12-28"), Seen("2027-01-04"), Seen("2027-01-11"), Seen("2027-01-18"), Seen("2027-01-25"), Seen("2027-02-01"));
        var missed = Assess(_brag, "2026-12-28", "2027-02-01", [Tier("2026-12-28", "RED")], Seen("2026-12-28"), Seen("2027-01-19", AppointmentType.HomeVisit));
        var amberByPhone = Assess(_brag, "2027-01-04", "2027-02-01", [Tier("2027-01-04", "AMBER")],
            Seen("2027-01-04"), Seen("2027-01-15", AppointmentType.Telephone), Seen("2027-01-28", AppointmentType.Telephone));

        var rollup = ComplianceRollup.Of([seenWeekly, missed, amberByPhone], january.Item1, january.Item2);

        Assert.Equal(
            new ComplianceRollup(january.Item1, january.Item2, Cases: 3, InStandard: 1, OutOfStandard: 2, InductionOverdue: 0, GapsOpen: 1,
                FaceToFaceBelowMinimum: 1, Expected: 5 + 5 + 2, Met: 5 + 2 + 2, Held: 4 + 1 + 3, FaceToFace: 4 + 1 + 1),
            rollup);
        Assert.Equal(6m / 8m, rollup.FaceToFaceShare);
        Assert.Equal(9m / 12m, rollup.MetShare);
    }

    [Fact]
    public void An_empty_rollup_has_no_shares()
    {
        var rollup = ComplianceRollup.Of([], D("2027-01-01"), D("2027-01-31"));

        Assert.Equal(0, rollup.Cases);
        Assert.Null(rollup.FaceToFaceShare);
        Assert.Null(rollup.MetShare);
    }

    internal static ComplianceResult Assess(
        ContactStandardSchedule schedule, string start, string today, TierPeriod[] tiers, params ContactRecord[] contacts) =>
        ContactCompliance.Assess(D(start), tiers, schedule, contacts, WorkingCalendar.EnglandAndWales, D(today));

    private static ComplianceResult Assess(
        ContactStandardSchedule schedule, string start, string today, TierPeriod[] tiers, ContactRecord[] contacts, int lookbackWeeks) =>
        ContactCompliance.Assess(D(start), tiers, schedule, contacts, WorkingCalendar.EnglandAndWales, D(today), lookbackWeeks);

    private static TierPeriod Tier(string from, string tier) => new(D(from), tier);

    private static ContactRecord Seen(string date, AppointmentType type = AppointmentType.OfficeInterview) => Seen(D(date), type);

    private static ContactRecord Seen(DateOnly date, AppointmentType type = AppointmentType.OfficeInterview) =>
        new(date, type, AppointmentOutcome.AttendedComplied);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
