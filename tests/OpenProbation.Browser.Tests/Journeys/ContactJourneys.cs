using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Web;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// Issue 4 in the browser: arranging an appointment (a booth refused for an interview), recording an outcome with its
/// evidence, and a case falling out of contact standard and coming back in, as the officer and the manager see it.
/// </summary>
public abstract partial class BrowserJourneys
{
    /// <summary>One of demo-po's cases the contact journeys may use.</summary>
    private sealed record ContactCase(int PersonId, string Crn, string FirstName, string LastName);

    [Theory]
    [InlineData(Scripts.On, 0, 14, 0)]
    [InlineData(Scripts.Off, 1, 15, 30)]
    public async Task A_probation_officer_arranges_an_appointment_in_a_private_room_after_the_booth_is_refused_and_sees_it_on_the_log_and_in_the_diary(
        Scripts scripts, int which, int hour, int minute)
    {
        var cases = await ContactCasesAsync();
        var person = cases[which];
        var day = NextWorkingDay(App.Today.AddDays(17));
        var time = new TimeOnly(hour, minute);
        var startsAt = AppointmentRules.FromLocal(day.ToDateTime(time), ContactPolicies.Zone);
        var (office, booth, room) = await OfficeRoomsAsync(startsAt, 60);

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.GotoAsync($"/people/{person.Crn}/contacts", "Contact log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange an appointment", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Arrange an appointment");
        await journey.ExpectPathAsync($"/people/{person.Crn}/appointments/new");

        // An office interview in the open-plan booth: refused, with everything typed kept.
        await page.GetByRole(AriaRole.Group, new() { Name = "Type of appointment" }).GetByLabel("Office interview", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Date", day);
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = office.Name });
        await page.GetByLabel("Room", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{office.Name}: {booth.Name} (open plan, holds {booth.Capacity})" });
        await page.GetByLabel("Notes (optional)").FillAsync("Review of the sentence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange appointment" }).ClickAsync();
        await journey.ArrivedAsync("Arrange an appointment");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var problem = $"Choose a private interview room: {booth.Name} is open plan";
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = problem })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Room", new() { Exact = true })).ToHaveAccessibleDescriptionAsync(new Regex(@"Error:\s+" + Regex.Escape(problem)));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Type of appointment" }).GetByLabel("Office interview", new() { Exact = true })).ToBeCheckedAsync();
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date" });
        await Expect(date.GetByLabel("Day")).ToHaveValueAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await Expect(date.GetByLabel("Month")).ToHaveValueAsync(day.Month.ToString(CultureInfo.InvariantCulture));
        await Expect(date.GetByLabel("Year")).ToHaveValueAsync(day.Year.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync(time.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Room", new() { Exact = true })).ToHaveValueAsync(booth.Id.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Notes (optional)")).ToHaveValueAsync("Review of the sentence plan");
        await journey.ScreenshotAsync("arrange-appointment");

        // The summary's link takes the reader to the room.
        if (scripts == Scripts.On)
        {
            await summary.GetByRole(AriaRole.Link, new() { Name = problem }).ClickAsync();
            await Expect(page.GetByLabel("Room", new() { Exact = true })).ToBeFocusedAsync();
        }

        await page.GetByLabel("Room", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{office.Name}: {room.Name} (private, holds {room.Capacity})" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange appointment" }).ClickAsync();
        await journey.ArrivedAsync("Contact log");
        await journey.ExpectPathAsync($"/people/{person.Crn}/contacts");
        var when = ContactWording.When(startsAt);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"Appointment arranged: office interview on {when}" })).ToBeVisibleAsync();
        var row = BodyRows(page, "Appointments and contacts, newest first").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = when, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Office interview");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync($"{office.Name}, {room.Name}");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Booked");
        await Expect(row.GetByRole(AriaRole.Cell).Nth(5)).ToHaveTextAsync("Review of the sentence plan");
        await journey.ScreenshotAsync("contact-log");

        // In the officer's diary: today's from the menu, then the week of the appointment.
        await journey.NavigateAsync("My diary", ContactWording.LongDate(App.Today));
        await journey.GotoAsync($"/diary?date={day:yyyy-MM-dd}&view=week", "Week beginning " + ContactWording.LongDate(DiaryQuery.Monday(day)));
        var diary = BodyRows(page, "Appointments on " + ContactWording.LongDate(day))
            .Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"{person.LastName}, {person.FirstName}", Exact = true }) })
            .Filter(new() { HasText = time.ToString("HH:mm", CultureInfo.InvariantCulture) + " to " + time.AddMinutes(60).ToString("HH:mm", CultureInfo.InvariantCulture) });
        await Expect(diary).ToHaveCountAsync(1);
        await Expect(diary.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Office interview");
        await Expect(diary.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync($"{office.Name}, {room.Name}");
        await Expect(diary.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Booked");
        await journey.FinishAsync();
    }

    [Fact]
    public async Task A_probation_officer_records_an_acceptable_absence_with_its_evidence_and_sees_the_evidence_on_the_appointment_and_the_log()
    {
        var person = (await ContactCasesAsync())[2];
        var now = App.Clock.GetUtcNow();

        // The most recent appointment whose outcome is still to record; else the next one (an absence told of in advance).
        var appointment = await App.WithDbAsync(async db =>
        {
            var open = await db.Appointments.AsNoTracking().Where(a => a.PersonId == person.PersonId && a.Outcome == null && a.GroupSessionId == null)
                .Select(a => new { a.Id, a.StartsAt, a.Type }).ToListAsync();
            return open.Where(a => a.StartsAt <= now).OrderByDescending(a => a.StartsAt).FirstOrDefault()
                ?? open.Where(a => a.StartsAt > now).OrderBy(a => a.StartsAt).First();
        });
        var when = ContactWording.When(appointment.StartsAt);
        var on = UkTime.DateOf(appointment.StartsAt).ToString("d/M/yyyy", CultureInfo.InvariantCulture);

        await using var journey = await StartAsync();
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.GotoAsync($"/people/{person.Crn}/contacts", "Contact log");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(on);
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(on);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await journey.ArrivedAsync("Contact log");
        await page.GetByRole(AriaRole.Link, new() { Name = when, Exact = true }).ClickAsync();
        await journey.ArrivedAsync(ContactWording.Type(appointment.Type));
        await journey.ExpectPathAsync($"/appointments/{appointment.Id}");

        // An acceptable absence needs the evidence: refused without it, the reason kept.
        const string reason = "Admitted to hospital the night before";
        const string evidence = "Discharge letter from the Royal Infirmary, scanned to the case file";
        await page.GetByRole(AriaRole.Group, new() { Name = "What happened" }).GetByLabel("Acceptable absence", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for absence").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();
        await journey.ArrivedAsync(ContactWording.Type(appointment.Type));
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })
            .GetByRole(AriaRole.Link, new() { Name = "Enter the evidence seen and where it is held" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Evidence seen and where it is held")).ToHaveAccessibleDescriptionAsync(new Regex(@"Error:\s+Enter the evidence seen and where it is held"));
        await Expect(page.GetByLabel("Reason for absence")).ToHaveValueAsync(reason);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "What happened" }).GetByLabel("Acceptable absence", new() { Exact = true })).ToBeCheckedAsync();

        await page.GetByLabel("Evidence seen and where it is held").FillAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();
        await journey.ArrivedAsync("Contact log");
        await journey.ExpectPathAsync($"/people/{person.Crn}/contacts");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Outcome recorded: acceptable absence" })).ToBeVisibleAsync();
        var row = BodyRows(page, "Appointments and contacts, newest first").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = when, Exact = true }) });
        var outcome = row.GetByRole(AriaRole.Cell).Nth(4);
        await Expect(outcome).ToContainTextAsync("Acceptable absence");
        await Expect(outcome).ToContainTextAsync("Reason: " + reason);
        await Expect(outcome).ToContainTextAsync("Evidence: " + evidence);

        await row.GetByRole(AriaRole.Link, new() { Name = when, Exact = true }).ClickAsync();
        await journey.ArrivedAsync(ContactWording.Type(appointment.Type));
        await Expect(SummaryValue(page, "Outcome")).ToHaveTextAsync("Acceptable absence");
        await Expect(SummaryValue(page, "Reason for absence")).ToHaveTextAsync(reason);
        await Expect(SummaryValue(page, "Evidence")).ToContainTextAsync(evidence);
        await Expect(SummaryValue(page, "Evidence")).ToContainTextAsync("The evidence stays with the record.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Correct the outcome" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("appointment-outcome");
        await journey.FinishAsync();
    }

    [Fact]
    public async Task A_case_out_of_contact_standard_comes_back_in_when_the_officer_records_a_contact_and_the_manager_sees_the_team_count_fall()
    {
        var policies = App.Services.GetRequiredService<ContactPolicies>();
        var (_, officer) = await StaffOfAsync("demo-po");
        var cases = (await ContactCasesAsync()).Skip(3).ToList();

        // A case out of standard only because nobody has seen them for too long; if the demo has none, make one by
        // moving the held contacts of the last weeks further back.
        var person = await OutOfStandardAsync(policies, cases);
        if (person is null)
        {
            person = cases[0];
            await App.WithDbAsync(async db =>
            {
                var since = UkTime.StartOfDay(App.Today.AddDays(-60));
                var held = Enum.GetValues<AppointmentOutcome>().Where(AppointmentOutcomes.IsHeld).Select(o => (AppointmentOutcome?)o).ToList();
                var recent = await db.Appointments.Where(a => a.PersonId == person.PersonId && held.Contains(a.Outcome)).ToListAsync();
                foreach (var a in recent.Where(a => a.StartsAt >= since))
                {
                    a.StartsAt = a.StartsAt.AddDays(-60);
                }

                return await db.SaveChangesAsync();
            });
            person = await OutOfStandardAsync(policies, [person]);
            Assert.NotNull(person);
        }

        var compliance = await App.WithDbAsync(async db => (await CaseCompliance.AssessAsync(db, policies, [person.PersonId], App.Today, CancellationToken.None))[person.PersonId]);
        var notSeen = $"Out of standard: not seen for {ContactWording.Days(compliance.DaysSinceLastSeen)}";

        // The manager's view before: the team page's count for the officer.
        await using var manager = await StartAsync();
        await manager.SignInAsync("demo-spo");
        var teamHeading = "Team: " + await TeamNameOfAsync("demo-spo");
        await manager.GotoAsync("/team", teamHeading);
        var officerRow = BodyRows(manager.Page, "Staff and caseloads").Filter(new() { Has = manager.Page.GetByRole(AriaRole.Link, new() { Name = officer, Exact = true }) });
        var teamBefore = await OutOfStandardCountAsync(officerRow);
        Assert.True(teamBefore >= 1, "The case is out of standard, so the officer's count is at least 1");

        // The officer sees the case out of standard on their caseload, alone under the filter with the others out of standard.
        await using var journey = await StartAsync();
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.NavigateAsync("My caseload", "My caseload");
        var banner = new Regex(@"^(\d+) cases? out of contact standard");
        var before = int.Parse(banner.Match(await page.GetByText(banner).First.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Link, new() { Name = "Show only the cases out of standard" }).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        await Expect(page.GetByLabel("Contact standard", new() { Exact = true })).ToHaveValueAsync("out");
        await Expect(BodyRows(page)).ToHaveCountAsync(before);
        var caseRow = BodyRows(page).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = person.Crn, Exact = true }) });
        await Expect(caseRow.GetByRole(AriaRole.Cell).Nth(8)).ToHaveTextAsync(notSeen);
        await journey.ScreenshotAsync("caseload-out-of-standard", fullPage: false);

        await caseRow.GetByRole(AriaRole.Link, new() { Name = $"{person.LastName}, {person.FirstName}", Exact = true }).ClickAsync();
        await journey.ArrivedAsync();
        await journey.ExpectPathAsync("/people/" + person.Crn);
        await journey.GotoAsync($"/people/{person.Crn}/contacts", "Contact log");
        await Expect(SummaryValue(page, "Contact standard")).ToContainTextAsync("Out of standard");

        // A home visit this morning, held: recorded as a contact that has happened.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a contact", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Record a contact");
        await page.GetByRole(AriaRole.Group, new() { Name = "Type of appointment" }).GetByLabel("Home visit", new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Date", App.Today);
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("09:15");
        await page.GetByRole(AriaRole.Group, new() { Name = "Outcome", Exact = true }).GetByLabel("Attended and complied", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Notes on what happened").FillAsync("Seen at home; engaging, new job starts next week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await journey.ArrivedAsync("Contact log");
        var visited = AppointmentRules.FromLocal(App.Today.ToDateTime(new TimeOnly(9, 15)), ContactPolicies.Zone);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"Contact recorded: home visit on {ContactWording.When(visited)}, attended and complied" })).ToBeVisibleAsync();
        await Expect(SummaryValue(page, "Contact standard")).ToHaveTextAsync("In standard");
        await Expect(SummaryValue(page, "Last seen")).ToHaveTextAsync($"{Wording.Date(App.Today)} (today)");

        // Back in standard on the caseload, with today's contact as the last one.
        await journey.NavigateAsync("My caseload", "My caseload");
        if (before == 1)
        {
            await Expect(page.GetByText("Every case is in contact standard today.")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(page.GetByText($"{before - 1} {(before - 1 == 1 ? "case" : "cases")} out of contact standard", new() { Exact = true })).ToBeVisibleAsync();
        }

        caseRow = BodyRows(page).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = person.Crn, Exact = true }) });
        await Expect(caseRow.GetByRole(AriaRole.Cell).Nth(8)).ToHaveTextAsync("In standard");
        await Expect(caseRow.GetByRole(AriaRole.Cell).Nth(7)).ToContainTextAsync(Wording.Date(App.Today));
        await Expect(caseRow.GetByRole(AriaRole.Cell).Nth(7)).ToContainTextAsync("Home visit");
        await journey.FinishAsync();

        // The manager's team page counts one case fewer out of standard, and the officer's list no longer has it.
        await manager.GotoAsync("/team", teamHeading);
        var teamAfter = await OutOfStandardCountAsync(officerRow);
        Assert.Equal(teamBefore - 1, teamAfter);
        await manager.ScreenshotAsync("team-contact-standard", fullPage: false);
        if (teamAfter > 0)
        {
            await officerRow.GetByRole(AriaRole.Cell).Nth(5).GetByRole(AriaRole.Link).ClickAsync();
            await manager.ArrivedAsync("Caseload");
            await Expect(BodyRows(manager.Page)).ToHaveCountAsync(teamAfter);
            await Expect(BodyRows(manager.Page).Filter(new() { Has = manager.Page.GetByRole(AriaRole.Cell, new() { Name = person.Crn, Exact = true }) })).ToHaveCountAsync(0);
        }

        await manager.FinishAsync();
    }

    /// <summary>
    /// demo-po's cases under a live community order or licence that have appointments, that demo-po and demo-spo may both
    /// see and that were never tiered A or B (the tier journey changes those), by CRN: the same list whichever journeys ran.
    /// </summary>
    private async Task<IReadOnlyList<ContactCase>> ContactCasesAsync()
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po").Concat(HiddenFrom("demo-spo")).ToHashSet();
        return await App.WithDbAsync(async db =>
        {
            var mine = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null && a.Order!.Type != OrderType.Custody
                    && (a.Order.Status == OrderStatus.Active || a.Order.Status == OrderStatus.Breached))
                .Select(a => a.Order!.PersonId).Distinct().ToListAsync();
            var tiered = (await db.CaseTiers.AsNoTracking().Where(t => mine.Contains(t.PersonId)).Select(t => new { t.PersonId, t.Tier }).ToListAsync())
                .Where(t => t.Tier.StartsWith('A') || t.Tier.StartsWith('B')).Select(t => t.PersonId).ToHashSet();
            var seen = await db.Appointments.AsNoTracking().Where(a => mine.Contains(a.PersonId)).Select(a => a.PersonId).Distinct().ToListAsync();
            var people = await db.People.AsNoTracking().Where(p => mine.Contains(p.Id)).Select(p => new { p.Id, p.Crn, p.FirstName, p.LastName }).ToListAsync();
            return (IReadOnlyList<ContactCase>)[.. people
                .Where(p => !hidden.Contains(p.Crn) && !tiered.Contains(p.Id) && seen.Contains(p.Id))
                .OrderBy(p => p.Crn, StringComparer.Ordinal)
                .Select(p => new ContactCase(p.Id, p.Crn, p.FirstName, p.LastName))];
        });
    }

    /// <summary>The first of the cases out of standard today for the gap alone (seen before, induction held, enough face to face).</summary>
    private Task<ContactCase?> OutOfStandardAsync(ContactPolicies policies, IReadOnlyList<ContactCase> cases) =>
        App.WithDbAsync(async db =>
        {
            var results = await CaseCompliance.AssessAsync(db, policies, [.. cases.Select(c => c.PersonId)], App.Today, CancellationToken.None);
            return cases.FirstOrDefault(c => results.TryGetValue(c.PersonId, out var r) && r.Status == ComplianceStatus.OutOfStandard
                && r.LastSeen is not null && r.Reasons.All(x => x.Issue == ComplianceIssue.GapOpen));
        });

    /// <summary>A working day on or after <paramref name="date"/>, in England and Wales.</summary>
    private static DateOnly NextWorkingDay(DateOnly date)
    {
        while (!ContactPolicies.Defaults.Calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>demo-po's team's office, its open-plan booth, and a private interview room free for the slot.</summary>
    private async Task<(Domain.Contacts.Location Office, Room Booth, Room Free)> OfficeRoomsAsync(DateTimeOffset startsAt, int minutes)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        return await App.WithDbAsync(async db =>
        {
            var teamId = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.TeamId).SingleAsync();
            var office = await db.Locations.AsNoTracking().Include(l => l.Rooms).SingleAsync(l => l.TeamId == teamId);
            var roomIds = office.Rooms.Select(r => (int?)r.Id).ToList();
            var from = startsAt.AddDays(-1);
            var until = startsAt.AddDays(1);
            var booked = (await db.Appointments.AsNoTracking()
                    .Where(a => roomIds.Contains(a.RoomId) && a.StartsAt > from && a.StartsAt < until)
                    .Select(a => new { a.RoomId, a.StartsAt, a.DurationMinutes, a.Outcome }).ToListAsync())
                .Where(a => a.Outcome != AppointmentOutcome.Rescheduled).Select(a => (RoomId: a.RoomId, a.StartsAt, a.DurationMinutes))
                .Concat((await db.GroupSessions.AsNoTracking()
                    .Where(g => roomIds.Contains((int?)g.RoomId) && g.StartsAt > from && g.StartsAt < until)
                    .Select(g => new { g.RoomId, g.StartsAt, g.DurationMinutes }).ToListAsync()).Select(g => (RoomId: (int?)g.RoomId, g.StartsAt, g.DurationMinutes)))
                .ToList();
            var end = startsAt.AddMinutes(minutes);
            var free = office.Rooms.Where(r => r.IsPrivate && r.Name.StartsWith("Interview room", StringComparison.Ordinal)).OrderBy(r => r.Name, StringComparer.Ordinal)
                .First(r => !booked.Any(b => b.RoomId == r.Id && b.StartsAt < end && b.StartsAt.AddMinutes(b.DurationMinutes) > startsAt));
            return (office, office.Rooms.Single(r => !r.IsPrivate), free);
        });
    }

    /// <summary>The value of a GOV.UK summary list row, by its key.</summary>
    private static ILocator SummaryValue(IPage page, string key) =>
        page.Locator(".govuk-summary-list__row").Filter(new() { Has = page.GetByRole(AriaRole.Term).GetByText(key, new() { Exact = true }) })
            .GetByRole(AriaRole.Definition);

    /// <summary>The "Out of contact standard" count in an officer's row of the team page.</summary>
    private static async Task<int> OutOfStandardCountAsync(ILocator officerRow)
    {
        var text = await officerRow.GetByRole(AriaRole.Cell).Nth(5).InnerTextAsync();
        return int.Parse(Regex.Match(text, @"\d+").Value, CultureInfo.InvariantCulture);
    }
}
