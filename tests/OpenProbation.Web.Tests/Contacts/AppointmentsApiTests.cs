using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// Arranging appointments and recording what happened (docs/contacts.md; PRACTICE.md sections 3 and 5): series in London
/// time, working days, private rooms and one booking per room, outcomes with their evidence, rescheduling, and versions.
/// </summary>
public abstract class AppointmentsApiTests(AppFixture app)
{
    private async Task<(HttpClient Manager, string UserName, Office Office, SupervisedCase Case)> SetUpAsync()
    {
        var userName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var manager = await app.ClientForUserAsync(userName);
        var office = await CreateOfficeAsync(manager);
        var officer = await CreateOfficerAsync(manager);
        return (manager, userName, office, await CreateCaseAsync(manager, officer));
    }

    [Fact]
    public async Task An_appointment_is_arranged_in_a_private_room_and_reads_back_with_an_etag()
    {
        var (client, userName, office, @case) = await SetUpAsync();

        var response = await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", Interview(@case.Officer.Id, office));
        var arranged = await TestData.Created<AppointmentsArrangedDto>(response);

        var appointment = Assert.Single(arranged.Appointments);
        Assert.Null(arranged.SeriesId);
        Assert.Equal($"/api/v1/appointments/{appointment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            (AppointmentType.OfficeInterview, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero)),
            (appointment.Type, appointment.StartsAt, appointment.EndsAt));
        Assert.Equal(("Pat Officer", office.Location.Name, "Interview room 1"), (appointment.StaffName, appointment.LocationName, appointment.RoomName));
        Assert.Equal((true, false, (AppointmentOutcome?)null, userName, AppFixture.Now), (appointment.IsEnforceable, appointment.CountsTowardsRar, appointment.Outcome, appointment.ArrangedBy, appointment.ArrangedAt));
        var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(appointment, await read.ReadAsync<AppointmentDto>());
    }

    [Fact]
    public async Task A_weekly_series_keeps_its_london_time_when_the_clocks_go_forward()
    {
        var (client, _, office, @case) = await SetUpAsync();

        var arranged = await TestData.Created<AppointmentsArrangedDto>(await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments",
            Interview(@case.Officer.Id, office, startsAt: "2027-03-18T10:00:00Z", repeatEveryDays: 7, occurrences: 3)));

        // 10:00 GMT, 10:00 GMT, then 10:00 BST (09:00 UTC) after the clocks go forward on Sunday 28 March 2027.
        Assert.Equal(
            [new DateTimeOffset(2027, 3, 18, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 25, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero)],
            arranged.Appointments.Select(a => a.StartsAt));
        Assert.NotNull(arranged.SeriesId);
        Assert.All(arranged.Appointments, a => Assert.Equal(arranged.SeriesId, a.SeriesId));
    }

    [Fact]
    public async Task A_series_over_christmas_is_refused_naming_each_bank_holiday_and_none_of_it_is_saved()
    {
        var (client, _, office, @case) = await SetUpAsync();

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments",
            Interview(@case.Officer.Id, office, startsAt: "2026-12-18T10:00:00Z", repeatEveryDays: 7, occurrences: 3))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            "The series includes days that are not working days: Friday 25 December 2026 and Friday 1 January 2027. Choose another day, or arrange fewer appointments",
            problem.GetProperty("errors").GetProperty("startsAt")[0].GetString());
        var log = await (await client.GetAsync($"/api/v1/people/{@case.Crn}/appointments")).ReadAsync<PagedList<AppointmentDto>>();
        Assert.Equal(0, log.Total);
    }

    [Fact]
    public async Task A_one_to_one_interview_needs_a_private_room_and_a_home_visit_takes_none()
    {
        var (client, _, office, @case) = await SetUpAsync();

        var booth = await (await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", Interview(@case.Officer.Id, office, roomId: office.Booth.Id)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Choose a private interview room: Reception booth is open plan", booth.GetProperty("errors").GetProperty("roomId")[0].GetString());

        var visit = await (await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", new
        {
            type = "HomeVisit",
            startsAt = NextMonday,
            durationMinutes = 45,
            staffMemberId = @case.Officer.Id,
            locationId = office.Location.Id,
            roomId = office.Interview.Id,
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A home visit takes no room: leave the room empty", visit.GetProperty("errors").GetProperty("roomId")[0].GetString());
    }

    [Fact]
    public async Task A_room_holds_one_booking_at_a_time_and_back_to_back_is_fine()
    {
        var (client, _, office, first) = await SetUpAsync();
        var second = await CreateCaseAsync(client, first.Officer);
        await ArrangeOneAsync(client, first.Crn, Interview(first.Officer.Id, office));

        var clash = await (await client.PostJsonAsync($"/api/v1/people/{second.Crn}/appointments", Interview(first.Officer.Id, office, startsAt: "2026-11-30T10:30:00Z")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(
            "Interview room 1 is booked from 10:00 to 11:00 on Monday 30 November 2026: choose another room or time",
            clash.GetProperty("errors").GetProperty("roomId")[0].GetString());

        var after = await ArrangeOneAsync(client, second.Crn, Interview(first.Officer.Id, office, startsAt: "2026-11-30T11:00:00Z"));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), after.StartsAt);
    }

    [Fact]
    public async Task Two_bookings_of_one_room_at_the_same_moment_cannot_both_succeed()
    {
        var (client, _, office, first) = await SetUpAsync();
        var cases = new List<SupervisedCase> { first };
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await CreateCaseAsync(client, first.Officer));
        }

        var responses = await Task.WhenAll(cases.Select(c => client.PostJsonAsync($"/api/v1/people/{c.Crn}/appointments", Interview(first.Officer.Id, office))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_series_that_clashes_with_a_booking_names_the_dates_and_saves_nothing()
    {
        var (client, _, office, first) = await SetUpAsync();
        var second = await CreateCaseAsync(client, first.Officer);
        await ArrangeOneAsync(client, first.Crn, Interview(first.Officer.Id, office, startsAt: "2026-12-07T10:00:00Z"));

        var clash = await (await client.PostJsonAsync($"/api/v1/people/{second.Crn}/appointments",
            Interview(first.Officer.Id, office, repeatEveryDays: 7, occurrences: 3))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            "Interview room 1 is already booked at the time of 1 appointment in the series, on Monday 7 December 2026: choose another room or time",
            clash.GetProperty("errors").GetProperty("roomId")[0].GetString());
        Assert.Equal(0, (await (await client.GetAsync($"/api/v1/people/{second.Crn}/appointments")).ReadAsync<PagedList<AppointmentDto>>()).Total);
    }

    [Fact]
    public async Task Each_field_in_error_is_named()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var url = $"/api/v1/people/{@case.Crn}/appointments";

        var empty = await (await client.PostJsonAsync(url, new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["durationMinutes", "staffMemberId", "startsAt", "type"], empty.ErrorFields().Order(StringComparer.Ordinal));

        var past = await (await client.PostJsonAsync(url, Interview(@case.Officer.Id, office, startsAt: "2026-11-23T09:00:00Z"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The appointment must be in the future: record a contact that has happened with its outcome", past.GetProperty("errors").GetProperty("startsAt")[0].GetString());

        var unknown = await (await client.PostJsonAsync(url, new { type = "OfficeInterview", startsAt = NextMonday, durationMinutes = 600, staffMemberId = 999_999_999, locationId = office.Location.Id, roomId = 999_999_999 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["durationMinutes"], unknown.ErrorFields());
        var missing = await (await client.PostJsonAsync(url, new { type = "OfficeInterview", startsAt = NextMonday, durationMinutes = 60, staffMemberId = 999_999_999, locationId = office.Location.Id, roomId = 999_999_999 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["roomId", "staffMemberId"], missing.ErrorFields().Order(StringComparer.Ordinal));

        // Enums travel by name: a number or an unknown name is refused, naming the field.
        foreach (var type in new object[] { 1, "Lunch" })
        {
            var wrong = await (await client.PostJsonAsync(url, new { type, startsAt = NextMonday, durationMinutes = 60, staffMemberId = @case.Officer.Id }))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["type"], wrong.ErrorFields());
        }
    }

    [Fact]
    public async Task An_acceptable_absence_keeps_its_reason_and_evidence_with_who_recorded_it_and_when()
    {
        var (client, userName, office, @case) = await SetUpAsync();
        var appointment = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));
        var url = $"/api/v1/appointments/{appointment.Id}/outcome";

        var noEvidence = await (await client.PostJsonAsync(url, new { outcome = "AcceptableAbsence", absenceReason = "In hospital" }, appointment.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["absenceEvidence"], noEvidence.ErrorFields());

        var response = await client.PostJsonAsync(url, new
        {
            outcome = "AcceptableAbsence",
            absenceReason = "Admitted to hospital on 29 November",
            absenceEvidence = "Discharge letter from City Hospital seen; copy scanned to the case file",
        }, appointment.Version);
        var recorded = await response.ReadAsync<OutcomeRecordedDto>();

        Assert.Null(recorded.Replacement);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var expected = (AppointmentOutcome.AcceptableAbsence, "Admitted to hospital on 29 November", "Discharge letter from City Hospital seen; copy scanned to the case file", userName, AppFixture.Now, false);
        var a = recorded.Appointment;
        Assert.Equal(expected, (a.Outcome!.Value, a.AbsenceReason!, a.AbsenceEvidence!, a.OutcomeRecordedBy!, a.OutcomeRecordedAt!.Value, a.IsFailureToComply));
        var read = await (await client.GetAsync($"/api/v1/appointments/{appointment.Id}")).ReadAsync<AppointmentDto>();
        Assert.Equal(recorded.Appointment, read);
    }

    [Fact]
    public async Task Rescheduling_arranges_the_replacement_returns_both_and_frees_the_old_slot()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var appointment = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));
        var url = $"/api/v1/appointments/{appointment.Id}/outcome";

        var holiday = await (await client.PostJsonAsync(url, new { outcome = "Rescheduled", rescheduledTo = "2026-12-25T10:00:00Z" }, appointment.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Friday 25 December 2026 is not a working day: choose another day", holiday.GetProperty("errors").GetProperty("rescheduledTo")[0].GetString());

        var recorded = await (await client.PostJsonAsync(url, new { outcome = "Rescheduled", notes = "Asked to move for a job interview", rescheduledTo = "2026-12-01T14:00:00Z" }, appointment.Version))
            .ReadAsync<OutcomeRecordedDto>();

        var replacement = recorded.Replacement!;
        Assert.Equal((AppointmentOutcome.Rescheduled, replacement.Id), (recorded.Appointment.Outcome!.Value, recorded.Appointment.RescheduledToId!.Value));
        Assert.Equal((appointment.Id, new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), office.Interview.Id, @case.Officer.Id, (AppointmentOutcome?)null),
            (replacement.RescheduledFromId!.Value, replacement.StartsAt, replacement.RoomId!.Value, replacement.StaffMemberId, replacement.Outcome));

        var other = await CreateCaseAsync(client, @case.Officer);
        await ArrangeOneAsync(client, other.Crn, Interview(@case.Officer.Id, office));

        var again = await (await client.PostJsonAsync(url, new { outcome = "AttendedComplied" }, recorded.Appointment.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("This appointment was rescheduled: record the outcome on the new appointment", again.GetProperty("errors").GetProperty("outcome")[0].GetString());
    }

    [Fact]
    public async Task A_change_needs_the_version_last_read()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var appointment = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));
        var url = $"/api/v1/appointments/{appointment.Id}";
        var moved = Interview(@case.Officer.Id, office, startsAt: "2026-12-02T15:30:00Z");

        await (await client.PutJsonAsync(url, moved, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PutJsonAsync(url, moved, version: 7)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var request = new HttpRequestMessage(HttpMethod.Post, url + "/outcome") { Content = System.Net.Http.Json.JsonContent.Create(new { outcome = "Rescheduled" }) };
        await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await client.PostJsonAsync(url + "/outcome", new { outcome = "AcceptableAbsence" }, 7)).ProblemAsync(HttpStatusCode.PreconditionFailed);

        var response = await client.PutJsonAsync(url, moved, appointment.Version);
        var changed = await response.ReadAsync<AppointmentDto>();
        Assert.Equal((new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.Zero), 2), (changed.StartsAt, changed.Version));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        await (await client.PutJsonAsync(url, moved, appointment.Version)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_appointment_with_an_outcome_is_no_longer_changed()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var appointment = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));
        var recorded = await (await client.PostJsonAsync($"/api/v1/appointments/{appointment.Id}/outcome",
            new { outcome = "AcceptableAbsence", absenceReason = "Court date", absenceEvidence = "Court listing seen" }, appointment.Version)).ReadAsync<OutcomeRecordedDto>();

        var refused = await (await client.PutJsonAsync($"/api/v1/appointments/{appointment.Id}", Interview(@case.Officer.Id, office, startsAt: "2026-12-02T10:00:00Z"), recorded.Appointment.Version))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("outcome is recorded", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_that_happened_is_recorded_with_its_outcome_and_the_log_filters()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var url = $"/api/v1/people/{@case.Crn}/contacts";
        var visit = await RecordVisitAsync(client, @case.Crn, @case.Officer.Id, "2026-11-20T14:00:00Z");
        var future = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));

        Assert.Equal((AppointmentOutcome.AttendedComplied, true), (visit.Outcome!.Value, visit.IsHeld));
        var notYet = await (await client.PostJsonAsync(url, Visit(@case.Officer.Id, "2026-11-24T10:00:00Z"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startsAt"], notYet.ErrorFields());
        var noNotes = await (await client.PostJsonAsync(url, Visit(@case.Officer.Id, "2026-11-19T10:00:00Z", "UnacceptableAbsence"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["outcomeNotes"], noNotes.ErrorFields());

        async Task<IReadOnlyList<int>> Ids(string query) =>
            [.. (await (await client.GetAsync($"/api/v1/people/{@case.Crn}/appointments{query}")).ReadAsync<PagedList<AppointmentDto>>()).Items.Select(a => a.Id)];

        Assert.Equal([future.Id, visit.Id], await Ids(""));
        Assert.Equal([visit.Id], await Ids("?recorded=true"));
        Assert.Equal([future.Id], await Ids("?recorded=false"));
        Assert.Equal([visit.Id], await Ids("?type=HomeVisit&outcome=AttendedComplied&enforceable=true"));
        Assert.Equal([future.Id], await Ids("?from=2026-11-30&to=2026-11-30"));
        Assert.Equal([], await Ids("?from=2026-11-21&to=2026-11-29"));
        var badType = await (await client.GetAsync($"/api/v1/people/{@case.Crn}/appointments?type=1")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["type"], badType.ErrorFields());
    }

    [Fact]
    public async Task The_contact_log_and_each_appointment_read_are_on_the_audit_trail_with_the_changes()
    {
        var (client, _, office, @case) = await SetUpAsync();
        var appointment = await ArrangeOneAsync(client, @case.Crn, Interview(@case.Officer.Id, office));
        (await client.GetAsync($"/api/v1/people/{@case.Crn}/appointments")).EnsureSuccessStatusCode();
        (await client.GetAsync($"/api/v1/appointments/{appointment.Id}")).EnsureSuccessStatusCode();

        var events = await app.WithDbAsync(async db =>
        {
            var personId = await db.People.Where(p => p.Crn == @case.Crn).Select(p => p.Id).SingleAsync();
            return await db.AuditEvents.Where(e => e.PersonId == personId && e.Section == "appointments")
                .Select(e => new { e.Action, e.EntityType, e.EntityId }).ToListAsync();
        });
        Assert.Contains(events, e => e.Action == Web.Features.Audit.AuditAction.Create && e.EntityType == nameof(Appointment));
        Assert.Contains(events, e => e.Action == Web.Features.Audit.AuditAction.View && e.EntityType == "Person");
        Assert.Contains(events, e => e.Action == Web.Features.Audit.AuditAction.View && e.EntityId == appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class AppointmentsApiTests_Sqlite(SqliteApp app) : AppointmentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class AppointmentsApiTests_Postgres(PostgresApp app) : AppointmentsApiTests(app), IClassFixture<PostgresApp>;
