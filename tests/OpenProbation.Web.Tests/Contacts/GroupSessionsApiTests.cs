using System.Net;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// Group sessions and their places (PRACTICE.md section 3: induction planned at 1 member of staff to 6, where inspectors
/// saw 1 to 20): a group takes at most its staff times its ratio, and what its room holds once the staff are in it.
/// </summary>
public abstract class GroupSessionsApiTests(AppFixture app)
{
    private static object Session(Office office, int roomId, IReadOnlyList<int> staff, string type = "GroupInduction", int? ratio = null, string startsAt = NextMonday) => new
    {
        type,
        startsAt,
        durationMinutes = 120,
        locationId = office.Location.Id,
        roomId,
        title = "Induction: new community orders",
        facilitatorStaffIds = staff,
        maximumAttendeesPerStaff = ratio,
    };

    private static async Task<GroupSessionDto> CreateAsync(HttpClient client, object body) =>
        await TestData.Created<GroupSessionDto>(await client.PostJsonAsync("/api/v1/group-sessions", body));

    private static Task<HttpResponseMessage> BookAsync(HttpClient client, int sessionId, string crn) =>
        client.PostJsonAsync($"/api/v1/group-sessions/{sessionId}/attendees", new { crn });

    [Fact]
    public async Task An_induction_with_one_member_of_staff_takes_six_people_and_refuses_the_seventh()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var officer = await CreateOfficerAsync(manager);
        var session = await CreateAsync(manager, Session(office, office.GroupRoom.Id, [officer.Id]));
        Assert.Equal((6, 6, 0), (session.MaximumAttendeesPerStaff, session.AttendeeLimit, session.Booked));

        var people = new List<SupervisedCase>();
        for (var i = 0; i < 7; i++)
        {
            people.Add(await CreateCaseAsync(manager, officer));
        }

        foreach (var person in people.Take(6))
        {
            var booked = await TestData.Created<AppointmentDto>(await BookAsync(manager, session.Id, person.Crn));
            Assert.Equal((AppointmentType.GroupInduction, session.StartsAt, office.GroupRoom.Id, officer.Id, session.Id),
                (booked.Type, booked.StartsAt, booked.RoomId!.Value, booked.StaffMemberId, booked.GroupSessionId!.Value));
        }

        var full = await (await BookAsync(manager, session.Id, people[6].Crn)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A group induction with 1 member of staff can take at most 6 people: this one is full",
            full.GetProperty("errors").GetProperty("groupSessionId")[0].GetString());
        var read = await (await manager.GetAsync($"/api/v1/group-sessions/{session.Id}")).ReadAsync<GroupSessionDto>();
        Assert.Equal((6, 0, 6), (read.Booked, read.PlacesLeft, read.Attendees.Count));
    }

    [Fact]
    public async Task An_induction_ratio_cannot_be_raised_beyond_one_to_six()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var officer = await CreateOfficerAsync(manager);

        var problem = await (await manager.PostJsonAsync("/api/v1/group-sessions", Session(office, office.GroupRoom.Id, [officer.Id], ratio: 8)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("A group induction can have between 1 and 6 people for each member of staff",
            problem.GetProperty("errors").GetProperty("maximumAttendeesPerStaff")[0].GetString());
    }

    [Fact]
    public async Task The_room_bounds_a_group_once_its_staff_are_in_it()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var lead = await CreateOfficerAsync(manager, firstName: "Lee");
        var second = await CreateOfficerAsync(manager, firstName: "Sam");
        var session = await CreateAsync(manager, Session(office, office.SmallGroupRoom.Id, [lead.Id, second.Id], type: "GroupSession"));
        Assert.Equal((lead.Id, 2), (session.Facilitators[0].StaffMemberId, session.AttendeeLimit));
        Assert.Equal(["Lee Officer", "Sam Officer"], session.Facilitators.Select(f => f.Name));

        var first = await CreateCaseAsync(manager, lead);
        await TestData.Created<AppointmentDto>(await BookAsync(manager, session.Id, first.Crn));
        var again = await (await BookAsync(manager, session.Id, first.Crn)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The person is already booked on this session", again.GetProperty("errors").GetProperty("groupSessionId")[0].GetString());
        await TestData.Created<AppointmentDto>(await BookAsync(manager, session.Id, (await CreateCaseAsync(manager, lead)).Crn));

        var full = await (await BookAsync(manager, session.Id, (await CreateCaseAsync(manager, lead)).Crn)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Small group room holds 4 people: with 2 members of staff there is space for 2, and this session is full",
            full.GetProperty("errors").GetProperty("groupSessionId")[0].GetString());
    }

    [Fact]
    public async Task A_session_needs_a_free_room_on_a_working_day_and_a_person_the_caller_can_see()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var officer = await CreateOfficerAsync(manager);
        var @case = await CreateCaseAsync(manager, officer);
        await ArrangeOneAsync(manager, @case.Crn, Interview(officer.Id, office, roomId: office.GroupRoom.Id));

        var taken = await (await manager.PostJsonAsync("/api/v1/group-sessions", Session(office, office.GroupRoom.Id, [officer.Id], startsAt: "2026-11-30T09:30:00Z")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Group room is booked from 10:00 to 11:00 on Monday 30 November 2026: choose another room or time",
            taken.GetProperty("errors").GetProperty("roomId")[0].GetString());
        var holiday = await (await manager.PostJsonAsync("/api/v1/group-sessions", Session(office, office.GroupRoom.Id, [officer.Id], startsAt: "2026-12-28T10:00:00Z")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Monday 28 December 2026 is not a working day: choose another day", holiday.GetProperty("errors").GetProperty("startsAt")[0].GetString());
        var nobody = await (await manager.PostJsonAsync("/api/v1/group-sessions", Session(office, office.GroupRoom.Id, [999_999_999], startsAt: "2026-12-01T10:00:00Z")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["facilitatorStaffIds"], nobody.ErrorFields());

        var session = await CreateAsync(manager, Session(office, office.GroupRoom.Id, [officer.Id], startsAt: "2026-12-01T10:00:00Z"));
        await RestrictAsync(app, @case.Crn);
        var hidden = await (await BookAsync(manager, session.Id, @case.Crn)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["crn"], hidden.ErrorFields());
        await (await BookAsync(manager, 999_999_999, @case.Crn)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_restricted_attendee_takes_a_place_but_is_listed_only_for_those_who_may_see_them()
    {
        var allowedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var allowed = await app.ClientForUserAsync(allowedName);
        var office = await CreateOfficeAsync(allowed);
        var officer = await CreateOfficerAsync(allowed);
        var session = await CreateAsync(allowed, Session(office, office.GroupRoom.Id, [officer.Id]));
        var open = await CreateCaseAsync(allowed, officer);
        var restricted = await CreateCaseAsync(allowed, officer);
        await TestData.Created<AppointmentDto>(await BookAsync(allowed, session.Id, open.Crn));
        await TestData.Created<AppointmentDto>(await BookAsync(allowed, session.Id, restricted.Crn));
        await RestrictAsync(app, restricted.Crn, allowedName);

        var other = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var seen = await (await other.GetAsync($"/api/v1/group-sessions/{session.Id}")).ReadAsync<GroupSessionDto>();
        var seenByAllowed = await (await allowed.GetAsync($"/api/v1/group-sessions/{session.Id}")).ReadAsync<GroupSessionDto>();

        Assert.Equal((2, 4), (seen.Booked, seen.PlacesLeft));
        Assert.Equal([open.Crn], seen.Attendees.Select(a => a.Crn));
        Assert.Equal(new[] { open.Crn, restricted.Crn }.Order(StringComparer.Ordinal), seenByAllowed.Attendees.Select(a => a.Crn).Order(StringComparer.Ordinal));
        var listed = await (await other.GetAsync($"/api/v1/group-sessions?from=2026-11-30&to=2026-11-30&locationId={office.Location.Id}")).ReadAsync<PagedList<GroupSessionDto>>();
        Assert.Equal([session.Id], listed.Items.Select(s => s.Id));
    }
}

public sealed class GroupSessionsApiTests_Sqlite(SqliteApp app) : GroupSessionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class GroupSessionsApiTests_Postgres(PostgresApp app) : GroupSessionsApiTests(app), IClassFixture<PostgresApp>;
