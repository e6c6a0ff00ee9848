using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Locations, rooms and group sessions (Location, Room and GroupSession doc comments; PRACTICE.md section 3: private rooms
/// for interviews, group induction planned at 1 member of staff to 6).
/// </summary>
public class LocationAndGroupTests
{
    private static readonly DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly GroupSessionDetails _induction =
        new(AppointmentType.GroupInduction, _now.AddDays(1), 90, 1, 5, "Induction: new community orders", [7, 8], null);

    [Fact]
    public void A_location_needs_a_name_and_an_address()
    {
        ErrorAssert.Valid(new LocationDetails("Birmingham Centre", "1 Victoria Square, Birmingham B1 1BD", 3).Validate());
        ErrorAssert.Fields(new LocationDetails(" ", null, null).Validate(), "name", "address");
        Assert.Equal(
            "Enter the name of the location", ErrorAssert.Single(new LocationDetails(null, "Somewhere", null).Validate(), "name"));
    }

    [Fact]
    public void Applying_location_details_trims_them()
    {
        var location = new Location();

        location.Apply(new LocationDetails(" Birmingham Centre ", " 1 Victoria Square ", null));

        Assert.Equal(("Birmingham Centre", "1 Victoria Square", (int?)null), (location.Name, location.Address, location.TeamId));
    }

    [Theory]
    [InlineData(0, "A room must hold between 1 and 200 people")]
    [InlineData(1, null)]
    [InlineData(200, null)]
    [InlineData(201, "A room must hold between 1 and 200 people")]
    public void A_room_holds_1_to_200_people(int capacity, string? message)
    {
        var errors = new RoomDetails("Interview room 2", true, capacity).Validate();

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "capacity"));
        }
    }

    [Fact]
    public void A_room_must_say_whether_it_is_private()
    {
        var errors = new RoomDetails(null, null, null).Validate();

        ErrorAssert.Fields(errors, "name", "isPrivate", "capacity");
        Assert.Equal(["Select whether the room is private"], ErrorAssert.Messages(errors, "isPrivate"));
    }

    [Fact]
    public void Applying_room_details_copies_them()
    {
        var room = new Room { LocationId = 1 };

        room.Apply(new RoomDetails(" Booth 1 ", false, 2));

        Assert.Equal(("Booth 1", false, 2, 1), (room.Name, room.IsPrivate, room.Capacity, room.LocationId));
    }

    [Fact]
    public void A_group_induction_with_two_staff_tomorrow_is_valid() => ErrorAssert.Valid(_induction.Validate(_now));

    [Fact]
    public void Group_session_errors_are_keyed_by_the_camelCase_field_names_a_client_sends() =>
        ErrorAssert.Fields(
            new GroupSessionDetails(null, null, null, null, null, null, null, null).Validate(_now),
            "type", "startsAt", "durationMinutes", "locationId", "roomId", "title", "facilitatorStaffIds");

    [Theory]
    [InlineData(AppointmentType.OfficeInterview)]
    [InlineData(AppointmentType.Telephone)]
    [InlineData(AppointmentType.RarSession)]
    public void Only_group_kinds_are_group_sessions(AppointmentType type) =>
        Assert.Equal(
            "Select a group session, group induction or programme session",
            ErrorAssert.Single((_induction with { Type = type }).Validate(_now), "type"));

    [Fact]
    public void A_session_starts_in_the_future_and_lasts_5_minutes_to_8_hours()
    {
        Assert.Equal("The session must start in the future", ErrorAssert.Single((_induction with { StartsAt = _now }).Validate(_now), "startsAt"));
        Assert.Equal(
            "A session can be arranged at most 2 years ahead",
            ErrorAssert.Single((_induction with { StartsAt = _now.AddYears(3) }).Validate(_now), "startsAt"));
        Assert.Equal(
            "The session must last between 5 minutes and 8 hours",
            ErrorAssert.Single((_induction with { DurationMinutes = 481 }).Validate(_now), "durationMinutes"));
    }

    [Fact]
    public void A_session_is_run_by_at_least_one_member_of_staff_each_named_once()
    {
        Assert.Equal(
            "Select at least one member of staff to run the session",
            ErrorAssert.Single((_induction with { FacilitatorStaffIds = [] }).Validate(_now), "facilitatorStaffIds"));
        Assert.Equal(
            "Select each member of staff once",
            ErrorAssert.Single((_induction with { FacilitatorStaffIds = [7, 7] }).Validate(_now), "facilitatorStaffIds"));
    }

    // Inspectors saw 1 to 20 at inductions planned at 1 to 6 (PRACTICE.md section 3): an induction's ratio cannot be raised.
    [Theory]
    [InlineData(AppointmentType.GroupInduction, 6, true)]
    [InlineData(AppointmentType.GroupInduction, 7, false)]
    [InlineData(AppointmentType.GroupInduction, 20, false)]
    [InlineData(AppointmentType.GroupInduction, 0, false)]
    [InlineData(AppointmentType.GroupSession, 15, true)]
    [InlineData(AppointmentType.GroupSession, 16, false)]
    [InlineData(AppointmentType.ProgrammeSession, 1, true)]
    public void An_induction_takes_at_most_6_people_per_member_of_staff_and_other_groups_at_most_15(
        AppointmentType type, int perStaff, bool valid)
    {
        var errors = (_induction with { Type = type, MaximumAttendeesPerStaff = perStaff }).Validate(_now);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.StartsWith($"A {AppointmentTypes.Describe(type)} can have between 1 and ", ErrorAssert.Single(errors, "maximumAttendeesPerStaff"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(AppointmentType.GroupInduction, 6)]
    [InlineData(AppointmentType.GroupSession, 8)]
    [InlineData(AppointmentType.ProgrammeSession, 8)]
    public void Applying_takes_the_default_ratio_for_the_kind(AppointmentType type, int perStaff)
    {
        var session = new GroupSession();

        session.Apply(_induction with { Type = type, StartsAt = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)) });

        Assert.Equal(perStaff, session.MaximumAttendeesPerStaff);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), session.StartsAt);
        Assert.Equal(TimeSpan.Zero, session.StartsAt.Offset);
        Assert.Equal(session.StartsAt.AddMinutes(90), session.Slot.End);
    }

    [Fact]
    public void Applying_replaces_the_facilitators_lead_first_and_keeps_those_who_stay()
    {
        var session = new GroupSession { Id = 4 };
        session.Apply(_induction);
        var staying = session.Facilitators.Single(f => f.StaffMemberId == 8);

        session.Apply(_induction with { FacilitatorStaffIds = [9, 8] });

        Assert.Equal([9, 8], session.Facilitators.Select(f => f.StaffMemberId));
        Assert.Equal([0, 1], session.Facilitators.Select(f => f.Position));
        Assert.Same(staying, session.Facilitators[1]);
        Assert.All(session.Facilitators, f => Assert.Equal(4, f.GroupSessionId));
    }
}
