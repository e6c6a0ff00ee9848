using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Workload;

/// <summary>
/// The workload pages on both databases: an officer's own figures with their working, a manager's team view with red
/// for an officer over capacity or with no capacity at all, and who may open which. Today is 23 November 2026.
/// </summary>
public abstract class WorkloadPageTests(PagesAppFixture app)
{
    [Fact]
    public async Task An_officer_sees_their_own_points_hours_and_working_and_a_manager_sees_the_team_in_red_where_over()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var officer = await CreateOfficerAsync(manager, team.Id, firstName: "Ann", lastName: "Able");
        var away = await CreateOfficerAsync(manager, team.Id, firstName: "Ben", lastName: "Baker");
        var @case = await CreateCaseAsync(manager, officer);
        await SetTierAsync(app, @case.Crn, "B2", new DateOnly(2026, 11, 2));
        await CreateCaseAsync(manager, away);
        await TestData.Created<Features.Workload.ReductionDto>(await manager.PostJsonAsync($"/api/v1/staff/{away.Id}/reductions", new { type = "LongTermSickness", startDate = "2026-11-01" }));

        var (mine, _) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);
        var (_, own) = await mine.GetAsync("/workload");

        Assert.Contains("<h1 class=\"govuk-heading-l\">My workload</h1>", own, StringComparison.Ordinal);
        Assert.Contains("5.3%", own, StringComparison.Ordinal);
        Assert.Contains("115 points used of 2,176 available", own, StringComparison.Ordinal);
        Assert.Contains($"{@case.Crn} community B2", own, StringComparison.Ordinal);
        Assert.Contains("community B2: 115 points", own, StringComparison.Ordinal);
        var (_, caseload) = await mine.GetAsync("/caseload");
        Assert.Contains("href=\"/workload\"", caseload, StringComparison.Ordinal);
        var (refused, _) = await mine.GetAsync("/team/workload");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var (spo, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, teamPage) = await spo.GetAsync($"/team/workload?teamId={team.Id}");

        Assert.Contains("2 cases held by 2 officers in post. 1 officer is over capacity.", teamPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/team/officers/{officer.Id}/workload\">Ann Able</a>", teamPage, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"govuk-tag govuk-tag--red\">No capacity</strong>", teamPage, StringComparison.Ordinal);
        var (_, theirs) = await spo.GetAsync($"/team/officers/{away.Id}/workload");
        Assert.Contains("Workload of Ben Baker", theirs, StringComparison.Ordinal);
        Assert.Contains("Long-term sickness", theirs, StringComparison.Ordinal);
        var (missing, _) = await spo.GetAsync("/team/officers/999999/workload");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_officer_page_shows_orders_ending_and_releases_due_in_the_next_four_weeks_and_the_last_allocation()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await CreateOfficerAsync(admin, firstName: "Cara", lastName: "Coming");
        await CreateCaseAsync(admin, officer);
        var ending = await TestData.CreatePersonAsync(admin, firstName: "Enid", lastName: "Ending");
        var short_ = await TestData.CreateOrderAsync(admin, ending.Crn, sentenceDate: "2026-06-01", length: 6);
        await TestData.AssignAsync(admin, short_.Id, officer.Id, fromDate: "2026-06-01");
        var inside = await TestData.CreatePersonAsync(admin, firstName: "Rory", lastName: "Release");
        var custody = await TestData.CreateOrderAsync(admin, inside.Crn, type: "Custody", sentenceDate: "2026-07-08", length: 5);
        await TestData.AssignAsync(admin, custody.Id, officer.Id, fromDate: "2026-11-20", reason: "Pre-release planning");

        var (spo, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, page) = await spo.GetAsync($"/team/officers/{officer.Id}/workload");

        Assert.Contains("<h2 class=\"govuk-heading-m\">In the next 4 weeks</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Orders ending (1)", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{ending.Crn}\">Enid Ending</a>", page, StringComparison.Ordinal);
        Assert.Contains("30 Nov 2026", page, StringComparison.Ordinal);
        Assert.Contains("7 Dec 2026", page, StringComparison.Ordinal);
        Assert.Contains("Releases due (1)", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{inside.Crn}\">Rory Release</a>", page, StringComparison.Ordinal);
        Assert.Matches($@"href=""/people/{inside.Crn}"">Rory Release</a>\s*from 20 Nov 2026, by ", page);
    }

    [Fact]
    public async Task An_officer_challenges_their_figure_their_manager_answers_and_the_officer_reads_the_answer()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await CreateOfficerAsync(admin, team.Id, firstName: "Dev", lastName: "Disputes");
        await CreateCaseAsync(admin, officer);
        var managerStaff = await TestData.CreateStaffAsync(admin, team.Id, grade: "SeniorProbationOfficer", firstName: "Meg", lastName: "Manager");
        var (mine, _) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);

        var (blank, blankHtml) = await mine.PostAsync("/workload", [new("Input.Reason", "  ")]);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("There is a problem", blankHtml, StringComparison.Ordinal);
        Assert.Contains("Enter why the figure is wrong", blankHtml, StringComparison.Ordinal);
        var (brief, briefHtml) = await mine.PostAsync("/workload", [new("Input.Reason", "Too low")]);
        Assert.Equal(HttpStatusCode.OK, brief.StatusCode);
        Assert.Contains("Say why the figure is wrong in at least 10 characters", briefHtml, StringComparison.Ordinal);
        Assert.Contains(">Too low</textarea>", briefHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.WorkloadChallenges.CountAsync(c => c.StaffMemberId == officer.Id)));

        const string reason = "My Welsh-speaking case needs an interpreter at every appointment, which doubles the time";
        var (sent, _) = await mine.PostAsync("/workload", [new("Input.Reason", reason)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/workload#challenges", sent.Headers.Location!.OriginalString);
        var (_, own) = await mine.GetAsync("/workload");
        Assert.Contains("Your challenge has been sent to your manager.", own, StringComparison.Ordinal);
        Assert.Contains(reason, own, StringComparison.Ordinal);
        Assert.Contains("Waiting for an answer", own, StringComparison.Ordinal);
        var challenge = await app.WithDbAsync(db => db.WorkloadChallenges.SingleAsync(c => c.StaffMemberId == officer.Id));
        Assert.Equal(29, challenge.PointsUsed);
        Assert.Equal(2176, challenge.PointsAvailable);

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer, managerStaff.Id);
        var (_, home) = await manager.GetAsync("/");
        Assert.Contains("1 challenge to a workload figure waiting for your answer", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/workload/challenges/{challenge.Id}\">Dev Disputes, raised ", home, StringComparison.Ordinal);
        var (_, teamPage) = await manager.GetAsync($"/team/workload?teamId={team.Id}");
        Assert.Contains("Challenges waiting for an answer (1)", teamPage, StringComparison.Ordinal);

        var url = $"/workload/challenges/{challenge.Id}";
        var (_, open) = await manager.GetAsync(url);
        Assert.Matches(@"Capacity [0-9.]+%: 29 of 2,176 points, [0-9.]+ of [0-9.]+ hours this month", open);
        var (empty, emptyHtml) = await manager.PostAsync(url, [new("Input.Answer", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter your answer", emptyHtml, StringComparison.Ordinal);
        const string answer = "Agreed: I have recorded two hours a week for interpreted appointments";
        var (answered, _) = await manager.PostAsync(url, [new("Input.Answer", answer)]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal($"/team/officers/{officer.Id}/workload#challenges", answered.Headers.Location!.OriginalString);
        var (_, officerPage) = await manager.GetAsync($"/team/officers/{officer.Id}/workload");
        Assert.Contains("Your answer has been sent to Dev Disputes.", officerPage, StringComparison.Ordinal);
        Assert.Contains(answer, officerPage, StringComparison.Ordinal);

        var (again, againHtml) = await manager.PostFromAsync(url, [new("Input.Answer", "A second answer that must not replace the first")], open);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("has already answered this challenge", againHtml, StringComparison.Ordinal);
        Assert.Equal(answer, await app.WithDbAsync(db => db.WorkloadChallenges.Where(c => c.Id == challenge.Id).Select(c => c.Answer).SingleAsync()));

        var (_, officerHome) = await mine.GetAsync("/");
        Assert.Contains("Your challenge to your workload figure has been answered.", officerHome, StringComparison.Ordinal);
        var (_, read) = await mine.GetAsync("/workload");
        Assert.Contains(answer, read, StringComparison.Ordinal);
        Assert.Contains("Answered", read, StringComparison.Ordinal);

        var stranger = await CreateOfficerAsync(admin, firstName: "Sam", lastName: "Stranger");
        var (other, _) = await app.SignedInAsync(Roles.ProbationOfficer, stranger.Id);
        var (hidden, _) = await other.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task The_delivery_unit_page_shows_every_officer_the_spread_teams_vacancies_unallocated_cases_and_a_trend_that_is_recorded_not_made_up()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var north = await TestData.CreateTeamAsync(admin);
        var south = await TestData.CreateTeamAsync(admin, north.DeliveryUnitId, "South Team");
        (await admin.PutJsonAsync($"/api/v1/teams/{south.Id}", new { deliveryUnitId = north.DeliveryUnitId, code = south.Code, name = south.Name, caseHoldingPosts = 3 }, 1)).EnsureSuccessStatusCode();
        var busy = await CreateOfficerAsync(admin, north.Id, firstName: "Bea", lastName: "Busy");
        var sick = await CreateOfficerAsync(admin, south.Id, firstName: "Sid", lastName: "Sick");
        await CreateCaseAsync(admin, busy, sentenceDate: "2026-10-05");
        await CreateCaseAsync(admin, sick, sentenceDate: "2026-10-05");
        await TestData.Created<Features.Workload.ReductionDto>(await admin.PostJsonAsync($"/api/v1/staff/{sick.Id}/reductions", new { type = "LongTermSickness", startDate = "2026-11-01" }));
        var waiting = await TestData.CreatePersonWithOrderAsync(admin);
        await app.WithDbAsync(db => db.Orders.Where(o => o.Id == waiting.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.AllocationTeamId, south.Id)));

        var (spo, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var url = $"/delivery-unit/workload?deliveryUnitId={north.DeliveryUnitId}";
        var (_, page) = await spo.GetAsync(url);

        Assert.Contains("2 cases held by 2 officers in post in 2 teams. 1 officer is over capacity.", page, StringComparison.Ordinal);
        Assert.Contains("2 FTE vacant", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/allocations?deliveryUnitId={north.DeliveryUnitId}\">1 case waiting for allocation</a>", page, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"" class=""govuk-table__header"">No capacity</th>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">1</td>", page);
        Assert.Matches(@"<th scope=""row"" class=""govuk-table__header"">Up to 70%</th>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">1</td>", page);
        Assert.Contains("app-bar app-bar--w100 app-bar--over", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Sid Sick", StringComparison.Ordinal) < page.IndexOf("Bea Busy", StringComparison.Ordinal), "No capacity sorts first");
        Assert.Contains($"href=\"/team/workload?teamId={south.Id}\">South Team</a>", page, StringComparison.Ordinal);
        Assert.Contains("Trend over the last 12 weeks", page, StringComparison.Ordinal);
        Assert.Contains("Not recorded", page, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"govuk-heading-m\" id=\"target\">Against the allocation target</h2>", page, StringComparison.Ordinal);
        Assert.Contains("The target: allocated on the day of sentence or release, with the first appointment booked that day.", page, StringComparison.Ordinal);
        Assert.Matches(@"Still waiting for allocation</dt>\s*<dd class=""govuk-summary-list__value"">1", page);
        // Twelve weeks back the cases, sentenced on 5 October, were not yet held; today both are.
        Assert.Matches(@"7 Sep 2026</th>\s*<td[^>]*>2</td>\s*<td[^>]*>0</td>", page);
        Assert.Matches(@"23 Nov 2026</th>\s*<td[^>]*>2</td>\s*<td[^>]*>2</td>\s*<td[^>]*>1.0</td>\s*<td[^>]*>Not recorded</td>", page);

        var job = app.Services.GetRequiredService<DailyWorkloadSnapshot>();
        Assert.True(await job.RunIfDueAsync(CancellationToken.None));
        Assert.False(await job.RunIfDueAsync(CancellationToken.None));
        var recorded = await app.WithDbAsync(db => db.WorkloadSnapshots.AsNoTracking().Where(w => w.Date == app.Today && (w.StaffMemberId == busy.Id || w.StaffMemberId == sick.Id)).OrderBy(w => w.StaffMemberId).ToListAsync());
        Assert.Equal([(1, false), (1, true)], recorded.Select(w => (w.Cases, w.OverCapacity)));
        Assert.Null(recorded[1].CapacityPercent);

        var (_, after) = await spo.GetAsync(url);
        Assert.Matches(@"23 Nov 2026</th>\s*<td[^>]*>2</td>\s*<td[^>]*>2</td>\s*<td[^>]*>1.0</td>\s*<td[^>]*>1 of 2</td>", after);
        var (_, teamPage) = await spo.GetAsync($"/team/workload?teamId={south.Id}");
        Assert.Contains("How capacity is spread", teamPage, StringComparison.Ordinal);
        Assert.Contains("delivery unit workload</a>", teamPage, StringComparison.Ordinal);
        var (mine, _) = await app.SignedInAsync(Roles.ProbationOfficer, busy.Id);
        Assert.NotEqual(HttpStatusCode.OK, (await mine.GetAsync(url)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await spo.GetAsync("/delivery-unit/workload?deliveryUnitId=999999")).Response.StatusCode);
    }

    [Fact]
    public async Task A_manager_records_changes_and_ends_a_reduction_in_the_browser_and_the_officers_capacity_follows_at_once()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await CreateOfficerAsync(admin, firstName: "Una", lastName: "Union");
        await CreateCaseAsync(admin, officer);
        var (spo, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, workload) = await spo.GetAsync($"/team/officers/{officer.Id}/workload");
        Assert.Contains($"href=\"/team/officers/{officer.Id}/reductions\">Record or change reductions", workload, StringComparison.Ordinal);
        Assert.Contains("29 points used of 2,176 available", workload, StringComparison.Ordinal);

        var url = $"/team/officers/{officer.Id}/reductions";
        var (_, empty) = await spo.GetAsync(url);
        Assert.Contains("No reductions recorded.", empty, StringComparison.Ordinal);
        Assert.Contains("Trainee probation officer: of contracted hours, 80% in months 0 to 6, 60% in months 6 to 12, 40% in months 12 to 18", empty, StringComparison.Ordinal);
        Assert.Contains("Long-term sickness: 100% of contracted hours while it lasts", empty, StringComparison.Ordinal);

        var (nothing, nothingHtml) = await spo.PostAsync(url,
        [
            new("Input.StartDate.Day", ""), new("Input.StartDate.Month", ""), new("Input.StartDate.Year", ""), new("Input.EndDate.Day", ""),
            new("Input.EndDate.Month", ""), new("Input.EndDate.Year", ""), new("Input.HoursPerWeek", ""), new("Input.Notes", ""),
        ]);
        Assert.True(nothing.StatusCode == HttpStatusCode.OK, nothingHtml);
        Assert.Contains("Select a type of reduction", nothingHtml, StringComparison.Ordinal);

        // Hours are needed for facility time: the form comes back with the error and everything typed.
        var (refused, refusedHtml) = await spo.PostAsync(url,
        [
            new("Input.Type", "TradeUnionFacilityTime"), new("Input.StartDate.Day", "1"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.HoursPerWeek", "lots"), new("Input.Notes", "Branch secretary"),
        ]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is a problem", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Hours a week must be a number, like 5.25", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Branch secretary</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Matches(@"value=""TradeUnionFacilityTime""\s+checked", refusedHtml);
        var (tooMany, tooManyHtml) = await spo.PostAsync(url,
        [
            new("Input.Type", "TradeUnionFacilityTime"), new("Input.StartDate.Day", "1"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.EndDate.Day", "31"), new("Input.EndDate.Month", "10"), new("Input.EndDate.Year", "2026"), new("Input.HoursPerWeek", "40"),
        ]);
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("Hours a week must be more than 0 and no more than the contracted 37", tooManyHtml, StringComparison.Ordinal);
        Assert.Contains("End date must be the same as or after the start date", tooManyHtml, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Reductions.CountAsync(r => r.StaffMemberId == officer.Id)));

        var (saved, _) = await spo.PostAsync(url,
        [
            new("Input.Type", "TradeUnionFacilityTime"), new("Input.StartDate.Day", "1"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.HoursPerWeek", "7.4"), new("Input.Notes", "Branch secretary"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location!.OriginalString);
        var (_, listed) = await spo.GetAsync(url);
        Assert.Contains("Trade-union facility time recorded, from 1 Nov 2026", listed, StringComparison.Ordinal);
        Assert.Contains("Trade-union facility time, 7.4 hours a week: Branch secretary", listed, StringComparison.Ordinal);
        var reduction = await app.WithDbAsync(db => db.Reductions.AsNoTracking().SingleAsync(r => r.StaffMemberId == officer.Id));
        Assert.Equal(7.4m, reduction.HoursPerWeek);
        // 2,176 × (37 ÷ 37) × ((37 − 7.4) ÷ 37) = 1,740.8, rounded down.
        var (_, reduced) = await spo.GetAsync($"/team/officers/{officer.Id}/workload");
        Assert.Contains("29 points used of 1,740 available", reduced, StringComparison.Ordinal);

        // Someone changes it through the API while the manager has the form open: the manager's save is refused, not lost.
        var change = $"{url}/{reduction.Id}";
        var (_, form) = await spo.GetAsync(change);
        Assert.Contains($"name=\"Input.Version\" value=\"{reduction.Version}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"7.4\"", form, StringComparison.Ordinal);
        (await admin.PutJsonAsync($"/api/v1/staff/{officer.Id}/reductions/{reduction.Id}",
            new { type = "TradeUnionFacilityTime", startDate = "2026-11-01", hoursPerWeek = 3.7m, notes = "Branch secretary" }, reduction.Version)).EnsureSuccessStatusCode();
        KeyValuePair<string, string>[] ending =
        [
            new("Input.Version", reduction.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Type", "TradeUnionFacilityTime"), new("Input.StartDate.Day", "1"), new("Input.StartDate.Month", "11"), new("Input.StartDate.Year", "2026"),
            new("Input.EndDate.Day", "20"), new("Input.EndDate.Month", "11"), new("Input.EndDate.Year", "2026"), new("Input.HoursPerWeek", "7.4"),
            new("Input.Notes", "Stood down as branch secretary"),
        ];
        var (stale, staleHtml) = await spo.PostAsync(change, ending);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this reduction while you were editing it", staleHtml, StringComparison.Ordinal);
        Assert.Contains(">Stood down as branch secretary</textarea>", staleHtml, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Version\" value=\"{reduction.Version + 1}\"", staleHtml, StringComparison.Ordinal);
        Assert.Equal(3.7m, await app.WithDbAsync(db => db.Reductions.Where(r => r.Id == reduction.Id).Select(r => r.HoursPerWeek).SingleAsync()));

        ending[0] = new("Input.Version", (reduction.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var (ended, _) = await spo.PostAsync(change, ending);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var (_, after) = await spo.GetAsync(url);
        Assert.Contains("Trade-union facility time changed, from 1 Nov 2026 to 20 Nov 2026", after, StringComparison.Ordinal);
        var (_, restored) = await spo.GetAsync($"/team/officers/{officer.Id}/workload");
        Assert.Contains("29 points used of 2,176 available", restored, StringComparison.Ordinal);

        // The officer sees their reductions on their own workload but cannot record or change them.
        var (mine, _) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);
        Assert.NotEqual(HttpStatusCode.OK, (await mine.GetAsync(url)).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await mine.GetAsync(change)).Response.StatusCode);
        var (_, own) = await mine.GetAsync("/workload");
        Assert.Contains("Trade-union facility time: Stood down as branch secretary", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Record or change reductions", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await spo.GetAsync($"/team/officers/999999/reductions")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await spo.GetAsync($"{url}/999999")).Response.StatusCode);
        var other = await CreateOfficerAsync(admin, firstName: "Olly", lastName: "Other");
        Assert.Equal(HttpStatusCode.NotFound, (await spo.GetAsync($"/team/officers/{other.Id}/reductions/{reduction.Id}")).Response.StatusCode);
    }
}

public sealed class WorkloadPageTests_Sqlite(SqlitePagesApp app) : WorkloadPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class WorkloadPageTests_Postgres(PostgresPagesApp app) : WorkloadPageTests(app), IClassFixture<PostgresPagesApp>;
