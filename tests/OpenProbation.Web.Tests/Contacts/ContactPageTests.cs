using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// The contact pages without JavaScript, on both databases: arranging (errors shown with what was typed, a private room
/// for a one-to-one interview, a series saved whole or not at all), recording outcomes with evidence, rescheduling, a
/// stale version, and compliance shown to the officer and the manager the day a gap opens (PRACTICE.md section 7 line 5).
/// The fixed clock is Monday 23 November 2026, 10:00 UTC (10:00 in London).
/// </summary>
public abstract class ContactPageTests(PagesAppFixture app)
{
    private sealed record Case(string Crn, int PersonId, int OrderId, int StaffId, int TeamId, string OfficerUser);

    private sealed record Place(int LocationId, int PrivateRoomId, int BoothId);

    /// <summary>A person with a community order (sentenced on 2 November unless said), allocated to a new officer in a new team.</summary>
    private async Task<Case> CaseAsync(string sentenceDate = "2026-11-02")
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id);
        var api = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreateOrderAsync(api, (await TestData.CreatePersonAsync(api)).Crn, sentenceDate: sentenceDate);
        await TestData.AssignAsync(await app.ClientForAsync(Roles.SeniorProbationOfficer), order.Id, staff.Id);
        var personId = await app.WithDbAsync(db => db.People.Where(p => p.Crn == order.Crn).Select(p => p.Id).SingleAsync());
        var user = await app.CreateUserAsync(Roles.ProbationOfficer, staff.Id);
        return new Case(order.Crn, personId, order.Id, staff.Id, team.Id, user);
    }

    /// <summary>A new office with a private interview room and an open-plan booth, so no test books another's room.</summary>
    private async Task<Place> PlaceAsync() => await app.WithDbAsync(async db =>
    {
        var location = new Location { Name = TestData.Unique("Office "), Address = "1 Test Street, Birmingham" };
        location.Rooms.Add(new Room { Name = "Interview room 1", IsPrivate = true, Capacity = 4 });
        location.Rooms.Add(new Room { Name = "Reception booth 1", IsPrivate = false, Capacity = 2 });
        db.Locations.Add(location);
        await db.SaveChangesAsync();
        return new Place(location.Id, location.Rooms[0].Id, location.Rooms[1].Id);
    });

    private async Task<int> AppointmentAsync(Case c, DateTimeOffset startsAt, AppointmentType type = AppointmentType.HomeVisit, Place? inPrivateRoom = null) => await app.WithDbAsync(async db =>
    {
        var appointment = new Appointment
        {
            PersonId = c.PersonId, StaffMemberId = c.StaffId, OrderId = c.OrderId, Type = type, StartsAt = startsAt, DurationMinutes = 60,
            LocationId = inPrivateRoom?.LocationId, RoomId = inPrivateRoom?.PrivateRoomId,
            IsEnforceable = true, ArrangedBy = "test", ArrangedAt = AppFixture.Now.AddDays(-7),
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Id;
    });

    private static List<KeyValuePair<string, string>> Form(
        string type, string day, string month, string year, string time, string duration = "60", int? staffId = null, int? roomId = null,
        string? every = null, string? count = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Type", type), new("Input.Date.Day", day), new("Input.Date.Month", month), new("Input.Date.Year", year),
            new("Input.Time", time), new("Input.Duration", duration), new("Input.Enforceable", ""), new("Input.CountsTowardsRar", ""),
        };
        if (staffId is { } s)
        {
            fields.Add(new("Input.StaffMemberId", $"{s}"));
        }

        if (roomId is { } r)
        {
            fields.Add(new("Input.RoomId", $"{r}"));
        }

        if (every is not null)
        {
            fields.Add(new("Input.RepeatEveryDays", every));
            fields.Add(new("Input.Occurrences", count ?? ""));
        }

        return fields;
    }

    [Fact]
    public async Task Arranging_with_mistakes_shows_each_with_what_was_typed_then_arranges_and_the_log_and_diary_show_it()
    {
        var c = await CaseAsync();
        var place = await PlaceAsync();
        var session = await app.SignInAsync(c.OfficerUser);
        var url = $"/people/{c.Crn}/appointments/new";

        var (_, blank) = await session.GetAsync(url);
        Assert.Contains($"<option value=\"{c.StaffId}\" selected>", blank, StringComparison.Ordinal);

        var (bad, badHtml) = await session.PostAsync(url, Form("OfficeInterview", "31", "11", "2026", "25:00", duration: "lots", staffId: c.StaffId, roomId: place.PrivateRoomId));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("There is a problem", badHtml, StringComparison.Ordinal);
        Assert.Contains("Date must be a real date", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the time as hours and minutes on the 24-hour clock, like 14:30", badHtml, StringComparison.Ordinal);
        Assert.Contains("The duration must be a whole number", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"25:00\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", badHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the date and time of the appointment", badHtml, StringComparison.Ordinal);

        var (past, pastHtml) = await session.PostAsync(url, Form("OfficeInterview", "20", "11", "2026", "10:00", staffId: c.StaffId, roomId: place.PrivateRoomId));
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("The appointment must be in the future", pastHtml, StringComparison.Ordinal);

        var (saved, _) = await session.PostAsync(url, Form("OfficeInterview", "24", "11", "2026", "14:30", staffId: c.StaffId, roomId: place.PrivateRoomId));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/people/{c.Crn}/contacts", saved.Headers.Location!.OriginalString);
        var (_, log) = await session.GetAsync($"/people/{c.Crn}/contacts");
        Assert.Contains("Appointment arranged: office interview on Tue 24 Nov 2026 at 14:30", log, StringComparison.Ordinal);
        Assert.Contains("Booked", log, StringComparison.Ordinal);
        Assert.Contains("Interview room 1", log, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.PersonId == c.PersonId));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(place.LocationId, stored.LocationId);
        Assert.True(stored.IsEnforceable);

        var (_, caseload) = await session.GetAsync("/caseload");
        Assert.Contains("Tue 24 Nov 2026 at 14:30", caseload, StringComparison.Ordinal);
        Assert.Contains($"/appointments/{stored.Id}", caseload, StringComparison.Ordinal);

        var (_, diary) = await session.GetAsync("/diary?date=2026-11-24&view=day");
        Assert.Contains("Tuesday 24 November 2026", diary, StringComparison.Ordinal);
        Assert.Contains("14:30 to 15:30", diary, StringComparison.Ordinal);
        Assert.Contains($"/people/{c.Crn}", diary, StringComparison.Ordinal);
        var (_, week) = await session.GetAsync("/diary?date=2026-11-26&view=week");
        Assert.Contains("Week beginning Monday 23 November 2026", week, StringComparison.Ordinal);
        Assert.Contains("14:30 to 15:30", week, StringComparison.Ordinal);
        Assert.Contains("/diary?date=2026-11-30&amp;view=week", week, StringComparison.Ordinal);

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, theirs) = await manager.GetAsync($"/team/officers/{c.StaffId}/diary?date=2026-11-24");
        Assert.Contains("14:30 to 15:30", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_to_one_interview_in_an_open_plan_booth_is_refused_with_the_reason()
    {
        var c = await CaseAsync();
        var place = await PlaceAsync();
        var session = await app.SignInAsync(c.OfficerUser);

        var (refused, html) = await session.PostAsync(
            $"/people/{c.Crn}/appointments/new", Form("OfficeInterview", "24", "11", "2026", "10:00", staffId: c.StaffId, roomId: place.BoothId));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a private interview room: Reception booth 1 is open plan", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PersonId == c.PersonId)));
    }

    [Fact]
    public async Task A_repeating_series_is_arranged_whole_or_not_at_all()
    {
        var c = await CaseAsync();
        var place = await PlaceAsync();
        var session = await app.SignInAsync(c.OfficerUser);
        var url = $"/people/{c.Crn}/appointments/new";

        // Monday 28 December 2026 is the substitute Boxing Day: the whole series is refused.
        var (refused, html) = await session.PostAsync(url, Form("OfficeInterview", "21", "12", "2026", "10:00", staffId: c.StaffId, roomId: place.PrivateRoomId, every: "7", count: "3"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The series includes a day that is not a working day: Monday 28 December 2026", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PersonId == c.PersonId)));

        var (saved, _) = await session.PostAsync(url, Form("OfficeInterview", "24", "11", "2026", "10:00", staffId: c.StaffId, roomId: place.PrivateRoomId, every: "7", count: "4"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var series = await app.WithDbAsync(db => db.Appointments.AsNoTracking().Where(a => a.PersonId == c.PersonId).ToListAsync());
        Assert.Equal(4, series.Count);
        Assert.Single(series.Select(a => a.SeriesId).Distinct());
        Assert.NotNull(series[0].SeriesId);
        var (_, log) = await session.GetAsync($"/people/{c.Crn}/contacts");
        Assert.Contains("4 appointments arranged: office interview from Tue 24 Nov 2026 at 10:00 to Tue 15 Dec 2026 at 10:00", log, StringComparison.Ordinal);

        // The room is now taken at those times: another series there is refused, naming the clashes.
        var other = await CaseAsync();
        var officer = await app.SignInAsync(other.OfficerUser);
        var (clash, clashHtml) = await officer.PostAsync($"/people/{other.Crn}/appointments/new",
            Form("OfficeInterview", "1", "12", "2026", "10:30", staffId: other.StaffId, roomId: place.PrivateRoomId, every: "7", count: "2"));
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        Assert.Contains("Interview room 1 is already booked at the time of 2 appointments in the series", clashHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acceptable_absence_needs_its_evidence_which_then_stays_with_the_record_and_shows_on_the_log()
    {
        var c = await CaseAsync();
        var id = await AppointmentAsync(c, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var session = await app.SignInAsync(c.OfficerUser);
        var url = $"/appointments/{id}";
        var (_, diary) = await session.GetAsync("/diary?date=2026-11-20");
        Assert.Contains("To record", diary, StringComparison.Ordinal);
        Assert.Contains($"/appointments/{id}#outcome", diary, StringComparison.Ordinal);

        var (bad, badHtml) = await session.PostAsync(url, [new("Input.Version", "1"), new("Input.Outcome", "AcceptableAbsence"), new("Input.AbsenceReason", "In hospital")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter the evidence seen and where it is held", badHtml, StringComparison.Ordinal);
        Assert.Contains(">In hospital</textarea>", badHtml, StringComparison.Ordinal);

        var (saved, _) = await session.PostAsync(url,
        [
            new("Input.Version", "1"), new("Input.Outcome", "AcceptableAbsence"), new("Input.AbsenceReason", "In hospital"),
            new("Input.AbsenceEvidence", "Discharge letter from City Hospital, scanned to the case file"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, log) = await session.GetAsync($"/people/{c.Crn}/contacts");
        Assert.Contains("Outcome recorded: acceptable absence", log, StringComparison.Ordinal);
        Assert.Contains("Evidence: Discharge letter from City Hospital, scanned to the case file", log, StringComparison.Ordinal);
        var (_, filtered) = await session.GetAsync($"/people/{c.Crn}/contacts?outcome=none");
        Assert.DoesNotContain("Discharge letter", filtered, StringComparison.Ordinal);

        var (_, page) = await session.GetAsync(url);
        Assert.Contains("The evidence stays with the record.", page, StringComparison.Ordinal);
        Assert.Contains($"by {c.OfficerUser} on 23 Nov 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescheduling_keeps_the_old_appointment_and_arranges_its_replacement()
    {
        var c = await CaseAsync();
        var id = await AppointmentAsync(c, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var session = await app.SignInAsync(c.OfficerUser);

        var (noDate, noDateHtml) = await session.PostAsync($"/appointments/{id}", [new("Input.Version", "1"), new("Input.Outcome", "Rescheduled")]);
        Assert.Equal(HttpStatusCode.OK, noDate.StatusCode);
        Assert.Contains("Enter new date", noDateHtml, StringComparison.Ordinal);

        var (saved, _) = await session.PostAsync($"/appointments/{id}",
        [
            new("Input.Version", "1"), new("Input.Outcome", "Rescheduled"), new("Input.Notes", "Has a job interview"),
            new("Input.NewDate.Day", "26"), new("Input.NewDate.Month", "11"), new("Input.NewDate.Year", "2026"), new("Input.NewTime", "14:00"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var replacement = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.RescheduledFromId == id));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), replacement.StartsAt);
        Assert.Null(replacement.Outcome);
        var (_, log) = await session.GetAsync($"/people/{c.Crn}/contacts");
        Assert.Contains("Appointment rescheduled to Thu 26 Nov 2026 at 14:00", log, StringComparison.Ordinal);
        Assert.Contains(">Rescheduled</strong>", log, StringComparison.Ordinal);
        var (_, old) = await session.GetAsync($"/appointments/{id}");
        Assert.Contains($"/appointments/{replacement.Id}", old, StringComparison.Ordinal);
        Assert.DoesNotContain("Record outcome", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescheduling_into_a_room_booked_at_the_new_time_is_refused_by_the_new_date_with_what_was_typed_kept()
    {
        var c = await CaseAsync();
        var place = await PlaceAsync();
        var id = await AppointmentAsync(c, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), AppointmentType.OfficeInterview, place);
        await AppointmentAsync(c, new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), AppointmentType.OfficeInterview, place);
        var session = await app.SignInAsync(c.OfficerUser);

        var (refused, html) = await session.PostAsync($"/appointments/{id}",
        [
            new("Input.Version", "1"), new("Input.Outcome", "Rescheduled"), new("Input.Notes", "Has a job interview"),
            new("Input.NewDate.Day", "26"), new("Input.NewDate.Month", "11"), new("Input.NewDate.Year", "2026"), new("Input.NewTime", "14:30"),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("(?i)NewDate[^\"]*-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> Interview room 1 is booked from 14:00 to 15:00", html);
        Assert.Contains(">Has a job interview</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"14:30\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.RescheduledFromId == id)));
    }

    [Fact]
    public async Task An_outcome_recorded_by_someone_else_meanwhile_is_not_overwritten_and_what_was_typed_is_kept()
    {
        var c = await CaseAsync();
        var id = await AppointmentAsync(c, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var officer = await app.SignInAsync(c.OfficerUser);
        var (colleague, _) = await app.SignedInAsync(Roles.ProbationServiceOfficer);
        var (first, _) = await colleague.PostAsync($"/appointments/{id}", [new("Input.Version", "1"), new("Input.Outcome", "AttendedComplied")]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var (stale, html) = await officer.PostAsync($"/appointments/{id}",
            [new("Input.Version", "1"), new("Input.Outcome", "UnacceptableAbsence"), new("Input.Notes", "Did not come and did not call")]);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this appointment while you were working on it", html, StringComparison.Ordinal);
        Assert.Contains(">Did not come and did not call</textarea>", html, StringComparison.Ordinal);
        Assert.Contains(">Attended and complied</strong>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AppointmentOutcome.AttendedComplied, stored.Outcome);
    }

    [Fact]
    public async Task A_case_out_of_standard_shows_on_the_caseload_record_and_team_page_the_same_day_and_comes_back_in_once_a_contact_is_recorded()
    {
        // Sentenced on 1 October and never seen: 53 days, beyond every tier's standard.
        var c = await CaseAsync("2026-10-01");
        var officer = await app.SignInAsync(c.OfficerUser);
        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);

        var (_, caseload) = await officer.GetAsync("/caseload");
        Assert.Contains("1 case out of contact standard", caseload, StringComparison.Ordinal);
        Assert.Contains("Out of standard: not seen in 53 days", caseload, StringComparison.Ordinal);
        Assert.Contains("Induction overdue", caseload, StringComparison.Ordinal);
        Assert.Contains("None booked", caseload, StringComparison.Ordinal);
        var (_, onlyOut) = await officer.GetAsync("/caseload?standard=out&sort=contact");
        Assert.Contains(c.Crn, onlyOut, StringComparison.Ordinal);
        var (_, managersView) = await manager.GetAsync($"/team/officers/{c.StaffId}");
        Assert.Contains("Out of standard: not seen in 53 days", managersView, StringComparison.Ordinal);
        var (_, team) = await manager.GetAsync($"/team?teamId={c.TeamId}");
        Assert.Contains("1 case in the team out of contact standard</strong>, 1 with the induction overdue", team, StringComparison.Ordinal);
        var (_, record) = await officer.GetAsync($"/people/{c.Crn}");
        Assert.Contains("Out of standard", record, StringComparison.Ordinal);
        Assert.Contains("case not seen in the 53 days since supervision started: the standard is every", record, StringComparison.Ordinal);
        Assert.Contains("Induction overdue: the first appointment was due by Thursday 8 October 2026", record, StringComparison.Ordinal);
        Assert.Matches("(Tier [A-D][0-3]|Not yet tiered): at least every [0-9]+ days", record);
        Assert.Contains($"/people/{c.Crn}/appointments/new", record, StringComparison.Ordinal);

        var form = Form("HomeVisit", "20", "11", "2026", "11:00", staffId: c.StaffId);
        form.Add(new("Input.Outcome", "AttendedComplied"));
        var (recorded, _) = await officer.PostAsync($"/people/{c.Crn}/contacts/new", form);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var (_, log) = await officer.GetAsync($"/people/{c.Crn}/contacts");
        Assert.Contains("Contact recorded: home visit on Fri 20 Nov 2026 at 11:00, attended and complied", log, StringComparison.Ordinal);
        Assert.Contains("In standard", log, StringComparison.Ordinal);
        Assert.Contains("held on 20 Nov 2026, late", log, StringComparison.Ordinal);
        var (_, after) = await officer.GetAsync("/caseload");
        Assert.Contains("Every case is in contact standard today.", after, StringComparison.Ordinal);
        Assert.Contains("20 Nov 2026", after, StringComparison.Ordinal);
        var (_, teamAfter) = await manager.GetAsync($"/team?teamId={c.TeamId}");
        Assert.Contains("Every case in the team is in contact standard today.", teamAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_that_happened_cannot_be_recorded_in_the_future_or_repeat()
    {
        var c = await CaseAsync();
        var session = await app.SignInAsync(c.OfficerUser);
        var form = Form("Telephone", "30", "11", "2026", "11:00", staffId: c.StaffId);
        form.Add(new("Input.Outcome", "AttendedComplied"));

        var (refused, html) = await session.PostAsync($"/people/{c.Crn}/contacts/new", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("A contact is recorded once it has happened: arrange an appointment in the future instead", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.RepeatEveryDays", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_an_officer_is_excluded_from_is_not_on_their_caseload_or_diary_and_its_pages_are_not_found()
    {
        var c = await CaseAsync();
        var id = await AppointmentAsync(c, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var response = await admin.PutJsonAsync($"/api/v1/people/{c.Crn}/access",
            new { restricted = true, allowedUsers = Array.Empty<string>(), excludedUsers = new[] { c.OfficerUser }, reason = "Test: the officer knows the family" }, 0);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var officer = await app.SignInAsync(c.OfficerUser);

        var (_, caseload) = await officer.GetAsync("/caseload");
        Assert.DoesNotContain(c.Crn, caseload, StringComparison.Ordinal);
        Assert.DoesNotContain("out of contact standard", caseload, StringComparison.Ordinal);
        var (_, diary) = await officer.GetAsync("/diary?date=2026-11-24");
        Assert.DoesNotContain(c.Crn, diary, StringComparison.Ordinal);
        Assert.Contains("No appointments.", diary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/appointments/{id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/people/{c.Crn}/contacts")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/people/{c.Crn}/appointments/new")).Response.StatusCode);

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, team) = await manager.GetAsync($"/team?teamId={c.TeamId}");
        Assert.Contains("Every case in the team is in contact standard today.", team, StringComparison.Ordinal);
    }
}

public sealed class ContactPageTests_Sqlite(SqlitePagesApp app) : ContactPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class ContactPageTests_Postgres(PostgresPagesApp app) : ContactPageTests(app), IClassFixture<PostgresPagesApp>;
