using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Tests.Common;
using OpenProbation.Domain.UnpaidWork;

namespace OpenProbation.Domain.Tests.UnpaidWork;

/// <summary>Sessions and group sizes: one supervisor's group, and up to 60 a day at one office (PRACTICE.md section 2).</summary>
public class UnpaidWorkGroupsTests
{
    private static readonly UnpaidWorkSettings _settings = new();
    private static readonly DateOnly _today = new(2026, 11, 23);
    private static readonly UnpaidWorkProject _park = new() { Id = 4, Name = "Riverside park clearance", PlacementType = UnpaidWorkPlacementType.Group, IsActive = true };

    private static UnpaidWorkSession Session(int size = 10) => new() { Id = 1, ProjectId = 4, Date = _today.AddDays(5), OfficeLocationId = 2, SupervisorStaffMemberId = 7, MaximumGroupSize = size };

    private static UnpaidWorkBookingContext Booked(int inGroup, int atOffice = 0, bool elsewhere = false) =>
        new([.. Enumerable.Range(100, inGroup)], Math.Max(atOffice, inGroup), elsewhere);

    private static UnpaidWorkSessionDetails Details(int? size = null) => new(4, _today.AddDays(5), 2, 7, size);

    [Fact]
    public void A_session_takes_the_default_group_size_when_none_is_given()
    {
        ErrorAssert.Valid(Details().Validate(_park, null, 0, _settings, _today));
        var session = new UnpaidWorkSession();

        session.Apply(Details(), _settings);

        Assert.Equal((4, _today.AddDays(5), 2, 7, 10), (session.ProjectId, session.Date, session.OfficeLocationId, session.SupervisorStaffMemberId, session.MaximumGroupSize));
        session.Apply(Details(6), _settings);
        Assert.Equal(6, session.MaximumGroupSize);
    }

    [Fact]
    public void A_session_needs_its_project_day_office_and_supervisor()
    {
        var errors = new UnpaidWorkSessionDetails(null, null, null, null, null).Validate(null, null, 0, _settings, _today);
        ErrorAssert.Fields(errors, "projectId", "date", "officeLocationId", "supervisorStaffMemberId");
        ErrorAssert.Single(Details().Validate(null, null, 0, _settings, _today), "projectId");
    }

    [Fact]
    public void A_new_session_needs_an_active_project_but_an_existing_one_may_stay_on_its_project()
    {
        var closed = new UnpaidWorkProject { Id = 4, Name = "Riverside park clearance", IsActive = false };

        Assert.Equal("Riverside park clearance is no longer active: choose an active project",
            ErrorAssert.Single(Details().Validate(closed, null, 0, _settings, _today), "projectId"));
        ErrorAssert.Valid(Details().Validate(closed, Session(), 3, _settings, _today));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void A_group_is_from_one_to_the_configured_size(int size, bool valid)
    {
        var errors = Details(size).Validate(_park, null, 0, _settings, _today);
        Assert.Equal(valid, errors.IsValid);
        Assert.Null(errors.Rule);
    }

    [Fact]
    public void A_session_is_at_most_two_years_ahead()
    {
        ErrorAssert.Valid((Details() with { Date = _today.AddYears(2) }).Validate(_park, null, 0, _settings, _today));
        ErrorAssert.Single((Details() with { Date = _today.AddYears(2).AddDays(1) }).Validate(_park, null, 0, _settings, _today), "date");
    }

    [Fact]
    public void A_group_cannot_be_made_smaller_than_the_people_booked()
    {
        var errors = Details(5).Validate(_park, Session(), 6, _settings, _today);

        Assert.Equal("6 people already booked on this session: the group cannot be made smaller than that", ErrorAssert.Single(errors, "maximumGroupSize"));
        Assert.Equal(UnpaidWorkGroups.GroupFullRule, errors.Rule);
        ErrorAssert.Valid(Details(6).Validate(_park, Session(), 6, _settings, _today));
    }

    [Fact]
    public void Booking_a_full_group_is_refused_with_its_rule()
    {
        var errors = UnpaidWorkGroups.CheckBooking(Session(8), 1, Booked(8), _settings);

        Assert.Equal("The group is full: 8 people booked and its supervisor may have at most 8", ErrorAssert.Single(errors, "sessionId"));
        Assert.Equal("unpaid-work-group-full", errors.Rule);
        ErrorAssert.Valid(UnpaidWorkGroups.CheckBooking(Session(8), 1, Booked(7), _settings));
        Assert.Equal((1, 0), (UnpaidWorkGroups.PlacesLeft(Session(8), 7), UnpaidWorkGroups.PlacesLeft(Session(8), 9)));
    }

    [Fact]
    public void Booking_past_sixty_people_at_one_office_in_a_day_is_refused_even_with_places_in_the_group()
    {
        var errors = UnpaidWorkGroups.CheckBooking(Session(), 1, Booked(3, atOffice: 60), _settings);

        Assert.Equal("The office's day is full: 60 people booked on its sessions and it takes at most 60", ErrorAssert.Single(errors, "sessionId"));
        Assert.Equal(UnpaidWorkGroups.OfficeDayFullRule, errors.Rule);
        ErrorAssert.Valid(UnpaidWorkGroups.CheckBooking(Session(), 1, Booked(3, atOffice: 59), _settings));
    }

    [Fact]
    public void A_person_is_booked_once_in_a_group_and_in_one_group_a_day()
    {
        var twice = UnpaidWorkGroups.CheckBooking(Session(), 100, Booked(3), _settings);
        Assert.Equal("This person is already booked on this session", ErrorAssert.Single(twice, "personId"));
        Assert.Equal(UnpaidWorkGroups.AlreadyBookedRule, twice.Rule);
        Assert.Equal("This person is already booked on another session that day",
            ErrorAssert.Single(UnpaidWorkGroups.CheckBooking(Session(), 1, Booked(3, elsewhere: true), _settings), "personId"));
    }

    private static Arbitrary<(int Size, int Arrivals, int OthersAtOffice, int RepeatEvery)> Arrivals() =>
        (from size in Gen.Choose(1, 10)
         from arrivals in Gen.Choose(0, 80)
         from others in Gen.Frequency((1, Gen.Choose(0, 70)), (2, Gen.Choose(45, 60)))
         from repeatEvery in Gen.Choose(0, 6)
         select (size, arrivals, others, repeatEvery)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Booking_one_by_one_never_takes_a_group_or_an_office_s_day_past_its_size() =>
        Prop.ForAll(Arrivals(), a =>
        {
            var (size, arrivals, othersAtOffice, repeatEvery) = a;
            var session = Session(size);
            var group = new List<int>();
            var offered = new HashSet<int>();
            var office = othersAtOffice;
            for (var i = 0; i < arrivals; i++)
            {
                // Some arrivals are people already in the group, who must be turned away without taking a place.
                var person = repeatEvery > 0 && i % repeatEvery == 0 && group.Count > 0 ? group[0] : i;
                offered.Add(person);
                if (UnpaidWorkGroups.CheckBooking(session, person, new(group, office, false), _settings).IsValid)
                {
                    group.Add(person);
                    office++;
                }
            }

            // Everyone offered is taken until the group or the office's day is full, and nobody after.
            var room = Math.Min(size, Math.Max(0, _settings.MaxPeoplePerOfficeDay - othersAtOffice));
            return group.Count <= size && group.Count == group.Distinct().Count()
                && group.Count == Math.Min(room, offered.Count)
                && (group.Count == 0 || office <= _settings.MaxPeoplePerOfficeDay);
        });
}
