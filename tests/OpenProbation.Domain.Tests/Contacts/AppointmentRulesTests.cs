using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Rooms, bookings, working days and repeating series (AppointmentRules doc comments; PRACTICE.md section 3: a one-to-one
/// interview needs a private room, never an open-plan area or booth).
/// </summary>
public class AppointmentRulesTests
{
    private static readonly Room _interviewRoom = new() { Id = 2, LocationId = 1, Name = "Interview room 2", IsPrivate = true, Capacity = 4 };
    private static readonly Room _booth = new() { Id = 3, LocationId = 1, Name = "Reception booth 1", IsPrivate = false, Capacity = 2 };
    private static readonly DateTimeOffset _ten = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_single_appointment_has_one_occurrence_at_its_start_in_UTC() =>
        Assert.Equal([_ten], AppointmentRules.Occurrences(new DateTimeOffset(2026, 3, 3, 11, 0, 0, TimeSpan.FromHours(1)), null, null, London.Zone));

    [Fact]
    public void A_weekly_10_o_clock_appointment_stays_at_10_in_London_when_the_clocks_go_forward()
    {
        var starts = AppointmentRules.Occurrences(new DateTimeOffset(2026, 3, 24, 10, 0, 0, TimeSpan.Zero), 7, 3, London.Zone);

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 24, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 7, 9, 0, 0, TimeSpan.Zero)],
            starts);
        Assert.All(starts, s => Assert.Equal(10, TimeZoneInfo.ConvertTime(s, London.Zone).Hour));
    }

    [Fact]
    public void A_weekly_10_o_clock_appointment_stays_at_10_in_London_when_the_clocks_go_back()
    {
        var starts = AppointmentRules.Occurrences(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), 7, 2, London.Zone);

        Assert.Equal([new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero)], starts);
    }

    [Fact]
    public void A_local_time_skipped_when_the_clocks_go_forward_moves_on_by_the_gap_and_one_repeated_takes_the_first()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), AppointmentRules.FromLocal(new DateTime(2026, 3, 29, 1, 30, 0), London.Zone));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), AppointmentRules.FromLocal(new DateTime(2026, 10, 25, 1, 30, 0), London.Zone));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), AppointmentRules.FromLocal(new DateTime(2026, 7, 1, 10, 0, 0), London.Zone));
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property Every_appointment_of_a_series_is_at_the_same_London_time_the_chosen_number_of_days_apart(SeriesProbe probe)
    {
        var first = AppointmentRules.FromLocal(probe.FirstLocal, London.Zone);
        var starts = AppointmentRules.Occurrences(first, probe.Every, probe.Count, London.Zone);
        var locals = starts.Select(s => TimeZoneInfo.ConvertTime(s, London.Zone).DateTime).ToList();

        return (starts.Count == probe.Count
                && locals.All(l => l.TimeOfDay == probe.FirstLocal.TimeOfDay)
                && locals.Select((l, i) => l.Date == probe.FirstLocal.Date.AddDays(probe.Every * i)).All(ok => ok))
            .Label($"{probe}: {string.Join(", ", locals.Select(l => l.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void A_single_office_appointment_on_a_non_working_day_is_refused_with_the_date()
    {
        var errors = AppointmentRules.CheckWorkingDays(
            AppointmentType.OfficeInterview, [new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero)], WorkingCalendar.EnglandAndWales, London.Zone);

        Assert.Equal("Saturday 7 March 2026 is not a working day: choose another day", ErrorAssert.Single(errors, "startsAt"));
    }

    [Fact]
    public void A_weekly_office_series_over_a_bank_holiday_is_refused_naming_the_day()
    {
        var starts = AppointmentRules.Occurrences(new DateTimeOffset(2026, 5, 18, 9, 0, 0, TimeSpan.Zero), 7, 4, London.Zone);

        var errors = AppointmentRules.CheckWorkingDays(AppointmentType.OfficeInterview, starts, WorkingCalendar.EnglandAndWales, London.Zone);

        Assert.Equal(
            "The series includes a day that is not a working day: Monday 25 May 2026. Choose another day, or arrange fewer appointments",
            ErrorAssert.Single(errors, "startsAt"));
    }

    [Fact]
    public void The_organisation_s_closures_count_and_every_refused_day_is_listed()
    {
        var calendar = new WorkingCalendar([D("2026-06-01")]);
        var starts = AppointmentRules.Occurrences(new DateTimeOffset(2026, 5, 18, 9, 0, 0, TimeSpan.Zero), 7, 4, London.Zone);

        var errors = AppointmentRules.CheckWorkingDays(AppointmentType.GroupInduction, starts, calendar, London.Zone);

        Assert.Equal(
            "The series includes days that are not working days: Monday 25 May 2026 and Monday 1 June 2026. Choose another day, or arrange fewer appointments",
            ErrorAssert.Single(errors, "startsAt"));
    }

    [Theory]
    [InlineData(AppointmentType.Telephone)]
    [InlineData(AppointmentType.HomeVisit)]
    [InlineData(AppointmentType.UnpaidWork)]
    [InlineData(AppointmentType.RarSession)]
    [InlineData(AppointmentType.OtherAgency)]
    public void Appointments_away_from_the_office_may_fall_on_any_day(AppointmentType type)
    {
        var starts = AppointmentRules.Occurrences(new DateTimeOffset(2026, 5, 16, 9, 0, 0, TimeSpan.Zero), 7, 4, London.Zone);

        ErrorAssert.Valid(AppointmentRules.CheckWorkingDays(type, starts, WorkingCalendar.EnglandAndWales, London.Zone));
    }

    [Fact]
    public void The_working_day_is_the_London_date_not_the_UTC_one()
    {
        // 23:30 UTC on Friday 5 June is 00:30 on Saturday in London.
        var errors = AppointmentRules.CheckWorkingDays(
            AppointmentType.OfficeInterview, [new DateTimeOffset(2026, 6, 5, 23, 30, 0, TimeSpan.Zero)], WorkingCalendar.EnglandAndWales, London.Zone);

        Assert.Equal("Saturday 6 June 2026 is not a working day: choose another day", ErrorAssert.Single(errors, "startsAt"));
    }

    [Fact]
    public void A_one_to_one_interview_needs_a_private_room()
    {
        Assert.Equal(
            "Choose a private interview room: Reception booth 1 is open plan",
            ErrorAssert.Single(AppointmentRules.CheckRoom(AppointmentType.OfficeInterview, 1, _booth), "roomId"));
        ErrorAssert.Valid(AppointmentRules.CheckRoom(AppointmentType.OfficeInterview, 1, _interviewRoom));
        ErrorAssert.Valid(AppointmentRules.CheckRoom(AppointmentType.GroupSession, 1, _booth));
        ErrorAssert.Valid(AppointmentRules.CheckRoom(AppointmentType.OfficeInterview, 1, null));
    }

    [Fact]
    public void The_room_must_be_at_the_location_chosen() =>
        Assert.Equal(
            "Interview room 2 is not at the location chosen: choose a room there",
            ErrorAssert.Single(AppointmentRules.CheckRoom(AppointmentType.OfficeInterview, 9, _interviewRoom), "roomId"));

    // Existing booking 10:30–11:30; the request is an hour long at each start.
    [Theory]
    [InlineData("09:30", true)]
    [InlineData("09:31", false)]
    [InlineData("10:00", false)]
    [InlineData("10:30", false)]
    [InlineData("11:29", false)]
    [InlineData("11:30", true)]
    [InlineData("12:00", true)]
    public void A_room_holds_one_booking_at_a_time_and_back_to_back_is_fine(string start, bool free)
    {
        var booked = new TimeSlot(_ten.AddMinutes(30), _ten.AddMinutes(90));
        var from = _ten.Date.Add(TimeSpan.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var requested = new TimeSlot(new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(from, TimeSpan.Zero).AddHours(1));

        var errors = AppointmentRules.CheckRoomFree(_interviewRoom, [requested], [booked], London.Zone);

        if (free)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(
                "Interview room 2 is booked from 10:30 to 11:30 on Tuesday 3 March 2026: choose another room or time",
                ErrorAssert.Single(errors, "roomId"));
        }
    }

    [Fact]
    public void Booking_times_are_shown_in_London_time()
    {
        var summer = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

        var errors = AppointmentRules.CheckRoomFree(_interviewRoom, [new TimeSlot(summer, summer.AddHours(1))], [new TimeSlot(summer, summer.AddMinutes(45))], London.Zone);

        Assert.Equal(
            "Interview room 2 is booked from 10:00 to 10:45 on Wednesday 1 July 2026: choose another room or time",
            ErrorAssert.Single(errors, "roomId"));
    }

    [Fact]
    public void A_series_that_clashes_lists_the_days_of_the_clashes()
    {
        var starts = AppointmentRules.Occurrences(_ten, 7, 4, London.Zone);
        var requested = starts.Select(s => new TimeSlot(s, s.AddHours(1))).ToList();
        var booked = new[] { requested[1], requested[3] };

        var errors = AppointmentRules.CheckRoomFree(_interviewRoom, requested, booked, London.Zone);

        Assert.Equal(
            "Interview room 2 is already booked at the time of 2 appointments in the series, on Tuesday 10 March 2026 and Tuesday 24 March 2026: choose another room or time",
            ErrorAssert.Single(errors, "roomId"));
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property Overlapping_is_symmetric_and_a_slot_never_overlaps_the_one_that_starts_as_it_ends(SlotPair pair) =>
        (pair.First.Overlaps(pair.Second) == pair.Second.Overlaps(pair.First)
         && !pair.First.Overlaps(new TimeSlot(pair.First.End, pair.First.End.AddMinutes(30)))
         && !new TimeSlot(pair.First.Start.AddMinutes(-30), pair.First.Start).Overlaps(pair.First)
         && pair.First.Overlaps(pair.First))
        .Label(pair.ToString());

    [Theory]
    [InlineData(AppointmentType.GroupInduction, 1, 6, null, 6)]
    [InlineData(AppointmentType.GroupInduction, 2, 6, null, 12)]
    [InlineData(AppointmentType.GroupInduction, 2, 6, 10, 8)]
    [InlineData(AppointmentType.GroupSession, 1, 8, null, 8)]
    [InlineData(AppointmentType.GroupSession, 3, 8, 30, 24)]
    [InlineData(AppointmentType.GroupSession, 3, 8, 20, 17)]
    [InlineData(AppointmentType.GroupSession, 2, 8, 2, 0)]
    [InlineData(AppointmentType.GroupSession, 2, 8, 1, 0)]
    [InlineData(AppointmentType.GroupSession, 0, 8, null, 0)]
    public void A_group_takes_as_many_as_its_staff_at_the_ratio_and_its_room_once_the_staff_are_in_it(
        AppointmentType type, int staff, int perStaff, int? capacity, int limit)
    {
        var session = Session(type, staff, perStaff);
        var room = capacity is { } c ? new Room { Name = "Group room", LocationId = 1, Capacity = c } : null;

        Assert.Equal(limit, session.AttendeeLimit(room));
    }

    [Theory]
    [InlineData(1, 5, null)]
    [InlineData(1, 6, "A group induction with 1 member of staff can take at most 6 people: this one is full")]
    [InlineData(2, 11, null)]
    [InlineData(2, 12, "A group induction with 2 members of staff can take at most 12 people: this one is full")]
    public void A_group_induction_is_planned_at_one_member_of_staff_to_six(int staff, int booked, string? message)
    {
        var errors = AppointmentRules.CheckGroupPlace(Session(AppointmentType.GroupInduction, staff, 6), null, booked);

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "groupSessionId"));
        }
    }

    [Fact]
    public void A_group_is_full_when_the_room_is_even_if_the_staff_could_take_more()
    {
        var room = new Room { Name = "Group room", LocationId = 1, Capacity = 8 };
        var session = Session(AppointmentType.GroupInduction, 2, 6);

        ErrorAssert.Valid(AppointmentRules.CheckGroupPlace(session, room, 5));
        Assert.Equal(
            "Group room holds 8 people: with 2 members of staff there is space for 6, and this session is full",
            ErrorAssert.Single(AppointmentRules.CheckGroupPlace(session, room, 6), "groupSessionId"));
    }

    [Fact]
    public void A_person_s_group_appointment_matches_its_session()
    {
        var session = Session(AppointmentType.GroupInduction, 1, 6);
        var details = AppointmentDetailsTests.Interview with
        {
            Type = AppointmentType.GroupInduction, StartsAt = session.StartsAt, LocationId = 1, RoomId = 5, GroupSessionId = session.Id,
        };

        ErrorAssert.Valid(AppointmentRules.CheckGroupBooking(details, session, null, 0));
        ErrorAssert.Fields(
            AppointmentRules.CheckGroupBooking(details with { Type = AppointmentType.GroupSession, StartsAt = session.StartsAt.AddHours(1), RoomId = 6 }, session, null, 6),
            "type", "startsAt", "roomId", "groupSessionId");
        Assert.Equal(
            "The session is a group induction: choose that type",
            ErrorAssert.Single(AppointmentRules.CheckGroupBooking(details with { Type = AppointmentType.GroupSession }, session, null, 0), "type"));
    }

    [Fact]
    public void A_group_session_cannot_lose_staff_or_move_to_a_smaller_room_than_its_bookings_need()
    {
        var details = new GroupSessionDetails(
            AppointmentType.GroupInduction, _ten, 90, 1, 5, "Induction", [7], null);
        var room = new Room { Id = 5, LocationId = 1, Name = "Group room", Capacity = 6 };

        ErrorAssert.Valid(AppointmentRules.CheckGroupSession(details, room, 5));
        Assert.Equal(
            "A group induction with 1 member of staff can take at most 6 people, and 7 are booked: add staff",
            ErrorAssert.Messages(AppointmentRules.CheckGroupSession(details, null, 7), "facilitatorStaffIds").Single());
        Assert.Equal(
            "Group room holds 6 people: with 1 member of staff there is space for 5, and 6 are booked",
            ErrorAssert.Single(AppointmentRules.CheckGroupSession(details, room, 6), "roomId"));
        Assert.Equal(
            "Group room holds 6 people: with 6 members of staff there is no space for anyone else",
            ErrorAssert.Single(AppointmentRules.CheckGroupSession(details with { FacilitatorStaffIds = [1, 2, 3, 4, 5, 6] }, room, 0), "roomId"));
        Assert.Equal(
            "Group room is not at the location chosen: choose a room there",
            ErrorAssert.Single(AppointmentRules.CheckGroupSession(details with { LocationId = 2 }, room, 0), "roomId"));
    }

    private static GroupSession Session(AppointmentType type, int staff, int perStaff)
    {
        var session = new GroupSession
        {
            Id = 4, Type = type, StartsAt = _ten, DurationMinutes = 90, LocationId = 1, RoomId = 5, Title = "Induction",
            MaximumAttendeesPerStaff = perStaff,
        };
        session.Facilitators.AddRange(Enumerable.Range(1, staff).Select(i => new GroupSessionFacilitator { GroupSessionId = 4, StaffMemberId = i }));
        return session;
    }
}
