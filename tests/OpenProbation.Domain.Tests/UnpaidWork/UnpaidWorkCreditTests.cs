using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Tests.Common;
using OpenProbation.Domain.UnpaidWork;

namespace OpenProbation.Domain.Tests.UnpaidWork;

/// <summary>A session's credit: time worked, travel capped at 180 minutes, adjustments with reasons; and recording it.</summary>
public class UnpaidWorkCreditTests
{
    private static readonly UnpaidWorkSettings _settings = new();
    private static readonly DateOnly _today = new(2026, 11, 23);
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    private static UnpaidWorkAttendanceDetails Attended(int worked = 360, int travel = 60, params UnpaidWorkAdjustmentDetails[] adjustments) =>
        new(UnpaidWorkAttendanceStatus.Attended, worked, travel, adjustments, UnpaidWorkRating.Good, UnpaidWorkRating.Satisfactory, null);

    private static UnpaidWorkAttendanceDetails Absent(UnpaidWorkAttendanceStatus status) => new(status, null, null, null, null, null, null);

    private static UnpaidWorkAdjustmentDetails Adjust(UnpaidWorkAdjustmentKind kind, int minutes, string? reason = "Agreed with the supervisor") => new(kind, minutes, reason);

    [Theory]
    // status, worked, travel, adjustments, credited: travel is capped at 180; a session credits at most 660.
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 360, 60, 0, 420)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 360, 180, 0, 540)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 360, 181, 0, 540)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 360, 300, 0, 540)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 420, 60, 60, 540)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 480, 180, 60, 660)]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, 120, 0, -300, 0)]
    [InlineData(UnpaidWorkAttendanceStatus.StoodDown, 0, 90, 120, 210)]
    // Sent home: only the time worked, no travel nor adjustments.
    [InlineData(UnpaidWorkAttendanceStatus.SentHome, 90, 60, 60, 90)]
    // Absent: nothing, whatever was typed.
    [InlineData(UnpaidWorkAttendanceStatus.AcceptableAbsence, 300, 60, 60, 0)]
    [InlineData(UnpaidWorkAttendanceStatus.UnacceptableAbsence, 300, 60, 60, 0)]
    public void The_credit_for_each_kind_of_attendance(UnpaidWorkAttendanceStatus status, int worked, int travel, int adjustment, int credited)
    {
        var credit = UnpaidWorkCredit.For(status, worked, travel, adjustment == 0 ? [] : [adjustment], _settings);
        Assert.Equal(credited, credit.CreditedMinutes);
    }

    [Fact]
    public void Travel_beyond_the_cap_is_recorded_but_not_credited_and_the_working_says_so()
    {
        var credit = UnpaidWorkCredit.For(Attended(360, 210, Adjust(UnpaidWorkAdjustmentKind.Induction, 60)), _settings);

        Assert.Equal((360, 210, 180, 60, 600, true, false),
            (credit.MinutesWorked, credit.TravelMinutesClaimed, credit.TravelMinutesCredited, credit.AdjustmentMinutes, credit.CreditedMinutes, credit.TravelCapApplied, credit.SessionCapApplied));
        Assert.Equal("6 hours worked, travel 3 hours 30 minutes (3 hours credited: travel is capped at 3 hours), adjustments 1 hour: 10 hours credited",
            UnpaidWorkCredit.Explain(credit, _settings));
    }

    [Fact]
    public void The_working_in_words_for_each_kind_of_attendance()
    {
        string Words(UnpaidWorkAttendanceStatus status, int worked, int travel, params int[] adjustments) =>
            UnpaidWorkCredit.Explain(UnpaidWorkCredit.For(status, worked, travel, adjustments, _settings), _settings);

        Assert.Equal("7 hours worked, travel 45 minutes: 7 hours 45 minutes credited", Words(UnpaidWorkAttendanceStatus.Attended, 420, 45));
        Assert.Equal("8 hours worked, travel 3 hours, adjustments 2 hours: 11 hours credited (a session credits at most 11 hours)",
            Words(UnpaidWorkAttendanceStatus.Attended, 480, 180, 120));
        Assert.Equal("1 hour worked, adjustments take off 30 minutes: 30 minutes credited", Words(UnpaidWorkAttendanceStatus.Attended, 60, 0, -30));
        Assert.Equal("Stood down by the provider, travel 1 hour, adjustments 2 hours: 3 hours credited", Words(UnpaidWorkAttendanceStatus.StoodDown, 0, 60, 120));
        Assert.Equal("Sent home after 1 hour 30 minutes worked: only the time worked is credited, 1 hour 30 minutes; a failure to comply",
            Words(UnpaidWorkAttendanceStatus.SentHome, 90, 0));
        Assert.Equal("Absent (acceptable): nothing credited", Words(UnpaidWorkAttendanceStatus.AcceptableAbsence, 0, 0));
        Assert.Equal("Absent (unacceptable): nothing credited; a failure to comply", Words(UnpaidWorkAttendanceStatus.UnacceptableAbsence, 0, 0));
    }

    [Theory]
    [InlineData(UnpaidWorkAttendanceStatus.Attended, false)]
    [InlineData(UnpaidWorkAttendanceStatus.StoodDown, false)]
    [InlineData(UnpaidWorkAttendanceStatus.SentHome, true)]
    [InlineData(UnpaidWorkAttendanceStatus.AcceptableAbsence, false)]
    [InlineData(UnpaidWorkAttendanceStatus.UnacceptableAbsence, true)]
    public void Being_sent_home_and_unacceptable_absence_are_failures_to_comply(UnpaidWorkAttendanceStatus status, bool failure) =>
        Assert.Equal(failure, UnpaidWorkCredit.IsFailureToComply(status));

    [Fact]
    public void An_attendance_needs_behaviour_and_work_quality_ratings()
    {
        var unrated = Attended() with { BehaviourRating = null, WorkQualityRating = null };
        ErrorAssert.Fields(unrated.Validate(_today, _today, _settings), "behaviourRating", "workQualityRating");
        ErrorAssert.Single((Attended() with { WorkQualityRating = (UnpaidWorkRating)0 }).Validate(_today, _today, _settings), "workQualityRating");
        ErrorAssert.Valid(Attended().Validate(_today, _today, _settings));
    }

    [Fact]
    public void An_induction_only_attendance_needs_behaviour_but_no_work_quality()
    {
        var induction = Attended(0, 30, Adjust(UnpaidWorkAdjustmentKind.Induction, 120, "Unpaid work induction at the office")) with { WorkQualityRating = null };
        ErrorAssert.Valid(induction.Validate(_today, _today, _settings));
        Assert.Equal("Enter the minutes worked, or an adjustment such as the induction, for a person who attended",
            ErrorAssert.Single(Attended(0, 30).Validate(_today, _today, _settings), "minutesWorked"));
    }

    [Fact]
    public void Every_adjustment_needs_a_kind_minutes_and_a_reason_and_a_deduction_is_negative()
    {
        var errors = Attended(360, 0,
            Adjust(UnpaidWorkAdjustmentKind.Induction, 60, " "),
            new UnpaidWorkAdjustmentDetails(null, null, "Because"),
            Adjust(UnpaidWorkAdjustmentKind.Deduction, 30),
            Adjust(UnpaidWorkAdjustmentKind.Other, -30),
            null!).Validate(_today, _today, _settings);

        ErrorAssert.Fields(errors, "adjustments[0].reason", "adjustments[1].kind", "adjustments[1].minutes", "adjustments[2].minutes", "adjustments[3].minutes", "adjustments[4]");
        Assert.Equal("Enter the reason for the adjustment", ErrorAssert.Messages(errors, "adjustments[0].reason")[0]);
        Assert.Equal("A deduction takes time off: enter from -1 to -1440 minutes", ErrorAssert.Messages(errors, "adjustments[2].minutes")[0]);
        ErrorAssert.Valid(Attended(360, 0, Adjust(UnpaidWorkAdjustmentKind.Deduction, -30, "Forty-minute unplanned break")).Validate(_today, _today, _settings));
    }

    [Fact]
    public void At_most_five_adjustments()
    {
        var six = Enumerable.Repeat(Adjust(UnpaidWorkAdjustmentKind.Other, 10), 6).ToArray();
        Assert.Equal("A session can have at most 5 adjustments", ErrorAssert.Single(Attended(60, 0, six).Validate(_today, _today, _settings), "adjustments"));
    }

    [Fact]
    public void An_absence_records_no_time_and_no_ratings()
    {
        ErrorAssert.Valid(Absent(UnpaidWorkAttendanceStatus.UnacceptableAbsence).Validate(_today, _today, _settings));
        var typed = new UnpaidWorkAttendanceDetails(UnpaidWorkAttendanceStatus.AcceptableAbsence, 60, 30, [Adjust(UnpaidWorkAdjustmentKind.Other, 10)], UnpaidWorkRating.Good, null, null);
        ErrorAssert.Fields(typed.Validate(_today, _today, _settings), "minutesWorked", "travelMinutes", "adjustments", "behaviourRating");
    }

    [Fact]
    public void A_person_sent_home_is_rated_for_behaviour_and_credited_no_travel_or_adjustments()
    {
        var sentHome = new UnpaidWorkAttendanceDetails(UnpaidWorkAttendanceStatus.SentHome, 90, 45, [Adjust(UnpaidWorkAdjustmentKind.Other, 10)], null, null, "Abusive to the supervisor");
        var errors = sentHome.Validate(_today, _today, _settings);

        ErrorAssert.Fields(errors, "travelMinutes", "adjustments", "behaviourRating");
        Assert.Equal("A person sent home is credited only for the time worked: no travel", ErrorAssert.Messages(errors, "travelMinutes")[0]);
        ErrorAssert.Valid((sentHome with { TravelMinutes = null, Adjustments = null, BehaviourRating = UnpaidWorkRating.Unacceptable }).Validate(_today, _today, _settings));
    }

    [Fact]
    public void Time_is_bounded_and_a_session_is_recorded_on_or_after_its_day()
    {
        ErrorAssert.Fields(Attended(661, 1441).Validate(_today, _today, _settings), "minutesWorked", "travelMinutes");
        ErrorAssert.Fields(Attended(-1, -1).Validate(_today, _today, _settings), "minutesWorked", "travelMinutes");
        Assert.Equal("The session has not happened yet: record it on or after its day",
            ErrorAssert.Single(Attended().Validate(_today.AddDays(1), _today, _settings), "status"));
        ErrorAssert.Single(Absent((UnpaidWorkAttendanceStatus)0).Validate(_today, _today, _settings), "status");
    }

    [Fact]
    public void Recording_keeps_the_credit_the_adjustments_in_order_and_who_recorded_it()
    {
        var attendance = new UnpaidWorkAttendance { Id = 9, SessionId = 1, RequirementId = 2, PersonId = 3 };
        Assert.False(attendance.IsRecorded);
        Assert.Equal(0, UnpaidWorkCredit.For(attendance, _settings).CreditedMinutes);

        var errors = attendance.Record(
            Attended(360, 240, Adjust(UnpaidWorkAdjustmentKind.Induction, 30, " Induction at the office "), Adjust(UnpaidWorkAdjustmentKind.Deduction, -15, "Late back from lunch")) with { Notes = "  " },
            _today, _today, _settings, "supervisor", _now);

        ErrorAssert.Valid(errors);
        Assert.Equal((true, 360, 240, 555, "supervisor", (string?)null), (attendance.IsRecorded, attendance.MinutesWorked, attendance.TravelMinutes, attendance.CreditedMinutes, attendance.RecordedBy, attendance.Notes));
        Assert.Equal([(0, UnpaidWorkAdjustmentKind.Induction, 30, "Induction at the office", 9), (1, UnpaidWorkAdjustmentKind.Deduction, -15, "Late back from lunch", 9)],
            attendance.Adjustments.Select(a => (a.Position, a.Kind, a.Minutes, a.Reason, a.AttendanceId)));

        // A later correction replaces everything, and a refused one changes nothing.
        Assert.False(attendance.Record(Attended(-5), _today, _today, _settings, "manager", _now).IsValid);
        Assert.Equal(555, attendance.CreditedMinutes);
        ErrorAssert.Valid(attendance.Record(Absent(UnpaidWorkAttendanceStatus.AcceptableAbsence), _today, _today, _settings, "manager", _now));
        Assert.Equal((0, 0, "manager"), (attendance.CreditedMinutes, attendance.Adjustments.Count, attendance.RecordedBy));
    }

    [Fact]
    public void The_credit_follows_the_settings_in_force()
    {
        var generous = new UnpaidWorkSettings { TravelCapMinutes = 240, MaxCreditedMinutesPerSession = 720 };
        Assert.Equal(720, UnpaidWorkCredit.For(UnpaidWorkAttendanceStatus.Attended, 480, 300, [], generous).CreditedMinutes);
        Assert.Equal(480, UnpaidWorkCredit.For(UnpaidWorkAttendanceStatus.Attended, 480, 60, [], generous with { TravelCapMinutes = 0, MaxCreditedMinutesPerSession = 540 }).CreditedMinutes);
    }

    private static Arbitrary<(UnpaidWorkAttendanceStatus Status, int Worked, int Travel, int[] Adjustments, UnpaidWorkSettings Settings)> Attendances() =>
        (from status in Gen.Elements(Enum.GetValues<UnpaidWorkAttendanceStatus>())
         from worked in Gen.Frequency((1, Gen.Choose(-100, 0)), (6, Gen.Choose(0, 720)))
         from travel in Gen.Frequency((1, Gen.Choose(-100, 0)), (6, Gen.Choose(0, 600)))
         from adjustments in Gen.Choose(-1440, 720).ArrayOf()
         from cap in Gen.Choose(0, 480)
         from most in Gen.Choose(Math.Max(60, cap), 1440)
         select (status, worked, travel, adjustments, new UnpaidWorkSettings { TravelCapMinutes = cap, MaxCreditedMinutesPerSession = most })).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Travel_credit_never_exceeds_the_cap_nor_the_travel_recorded() =>
        Prop.ForAll(Attendances(), a =>
        {
            var credit = UnpaidWorkCredit.For(a.Status, a.Worked, a.Travel, a.Adjustments, a.Settings);
            return credit.TravelMinutesCredited >= 0 && credit.TravelMinutesCredited <= a.Settings.TravelCapMinutes
                && credit.TravelMinutesCredited <= Math.Max(0, a.Travel);
        });

    [Property(MaxTest = 500)]
    public Property The_credit_is_never_negative_nor_more_than_worked_plus_capped_travel_plus_credited_adjustments() =>
        Prop.ForAll(Attendances(), a =>
        {
            var credit = UnpaidWorkCredit.For(a.Status, a.Worked, a.Travel, a.Adjustments, a.Settings);
            var bound = Math.Max(0, a.Worked) + (long)a.Settings.TravelCapMinutes + a.Adjustments.Where(m => m > 0).Sum(m => (long)m);
            return credit.CreditedMinutes >= 0 && credit.CreditedMinutes <= bound && credit.CreditedMinutes <= a.Settings.MaxCreditedMinutesPerSession;
        });

    [Property(MaxTest = 500)]
    public Property Without_adjustments_the_credit_never_exceeds_worked_plus_the_travel_cap_and_an_absence_credits_nothing() =>
        Prop.ForAll(Attendances(), a =>
        {
            var credit = UnpaidWorkCredit.For(a.Status, a.Worked, a.Travel, [], a.Settings);
            var absent = a.Status is UnpaidWorkAttendanceStatus.AcceptableAbsence or UnpaidWorkAttendanceStatus.UnacceptableAbsence;
            return credit.CreditedMinutes <= Math.Max(0, a.Worked) + a.Settings.TravelCapMinutes
                && (!absent || UnpaidWorkCredit.For(a.Status, a.Worked, a.Travel, a.Adjustments, a.Settings).CreditedMinutes == 0)
                && (a.Status != UnpaidWorkAttendanceStatus.SentHome || credit.CreditedMinutes == Math.Min(Math.Max(0, a.Worked), a.Settings.MaxCreditedMinutesPerSession));
        });

    [Property(MaxTest = 300)]
    public Property Valid_details_record_exactly_the_credit_the_rules_give() =>
        Prop.ForAll(Gen.Choose(1, 660).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(-120, 120).ToArbitrary(), (worked, travel, adjust) =>
        {
            UnpaidWorkAdjustmentDetails[] adjustments = adjust switch
            {
                0 => [],
                < 0 => [Adjust(UnpaidWorkAdjustmentKind.Deduction, adjust)],
                _ => [Adjust(UnpaidWorkAdjustmentKind.Other, adjust)],
            };
            var details = Attended(worked, travel, adjustments);
            var attendance = new UnpaidWorkAttendance();
            var valid = attendance.Record(details, _today, _today, _settings, "supervisor", _now).IsValid;
            var expected = Math.Clamp(worked + Math.Min(travel, 180) + adjust, 0, 660);
            return valid && attendance.CreditedMinutes == expected && UnpaidWorkCredit.For(details, _settings).CreditedMinutes == expected;
        });
}
