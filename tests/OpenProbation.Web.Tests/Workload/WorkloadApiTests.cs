using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Workload;

/// <summary>
/// Workload that counts all the work (PRACTICE.md section 7 line 4): both models from the record on every request,
/// reductions, reports, restricted cases counted but not named, and who may see whose figures. Today is 23 November 2026.
/// </summary>
public abstract class WorkloadApiTests(AppFixture app)
{
    private static async Task<OfficerWorkloadDto> WorkloadAsync(HttpClient client, int staffId) =>
        await (await client.GetAsync($"/api/v1/staff/{staffId}/workload")).ReadAsync<OfficerWorkloadDto>();

    [Fact]
    public async Task An_officers_points_and_hours_count_each_case_by_type_and_tier_and_follow_the_record_at_once()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var community = await CreateCaseAsync(manager, officer);
        await SetTierAsync(app, community.Crn, "B2", new DateOnly(2026, 11, 2));

        var before = await WorkloadAsync(manager, officer.Id);

        Assert.Equal((1, 115, 0, 2176, 5.3m), (before.Cases, before.Points.CasePoints, before.Points.ReportPoints, before.Points.AvailablePoints, before.Points.CapacityPercent!.Value));
        Assert.Equal(new WorkloadLineDto($"{community.Crn} community B2", 115, "community B2: 115 points"), before.Points.Cases.Single());
        Assert.Equal([new TierCountDto("B2", 1)], before.ByTier);
        Assert.True(before.Time.CaseHours > 0 && before.Time.AvailableHours > 0);
        Assert.Equal("Contracted", before.Time.Availability[0].Label);

        // A licence for someone else, and a second order for the same person (counted once, as the more demanding licence).
        var person = await TestData.CreatePersonAsync(manager);
        var licence = await TestData.CreateOrderAsync(manager, person.Crn, type: "Licence", sentenceDate: "2026-11-16", length: 6);
        await TestData.AssignAsync(manager, licence.Id, officer.Id, fromDate: "2026-11-16");
        var second = await TestData.CreateOrderAsync(manager, person.Crn, sentenceDate: "2026-11-20");
        await TestData.AssignAsync(manager, second.Id, officer.Id, fromDate: "2026-11-20");
        await SetTierAsync(app, person.Crn, "A1", new DateOnly(2026, 11, 16));

        var after = await WorkloadAsync(manager, officer.Id);

        Assert.Equal((2, 115 + 163), (after.Cases, after.Points.CasePoints));
        Assert.Contains(after.Points.Cases, l => l.Label == $"{person.Crn} licence A1" && l.Amount == 163);
    }

    [Fact]
    public async Task Reductions_lower_available_points_and_hours_and_are_validated_and_guarded_by_version()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        await CreateCaseAsync(manager, officer);

        var missingHours = await (await manager.PostJsonAsync($"/api/v1/staff/{officer.Id}/reductions", new { type = "TradeUnionFacilityTime", startDate = "2026-11-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["hoursPerWeek"], missingHours.ErrorFields());

        var trainee = await TestData.Created<ReductionDto>(await manager.PostJsonAsync($"/api/v1/staff/{officer.Id}/reductions", new { type = "TraineeProbationOfficer", startDate = "2026-04-01" }));
        Assert.Equal((22.2m, new DateOnly(2027, 9, 30)), (trainee.HoursPerWeekToday, trainee.ExpiresAfter!.Value));
        Assert.StartsWith("test-", trainee.RecordedBy, StringComparison.Ordinal);

        var reduced = await WorkloadAsync(manager, officer.Id);
        Assert.Equal((22.2m, 870), (reduced.Points.ReductionHours, reduced.Points.AvailablePoints));
        Assert.Contains("60% of 37 hours = 22.2 hours a week", reduced.Points.Reductions.Single().Detail, StringComparison.Ordinal);

        var ended = await manager.PutJsonAsync($"/api/v1/staff/{officer.Id}/reductions/{trainee.Id}", new { type = "TraineeProbationOfficer", startDate = "2026-04-01", endDate = "2026-11-01" }, trainee.Version);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var stale = await manager.PutJsonAsync($"/api/v1/staff/{officer.Id}/reductions/{trainee.Id}", new { type = "TraineeProbationOfficer", startDate = "2026-04-01" }, trainee.Version);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2176, (await WorkloadAsync(manager, officer.Id)).Points.AvailablePoints);
    }

    [Fact]
    public async Task A_report_counts_until_it_is_written()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var person = await TestData.CreatePersonAsync(manager);

        var report = await TestData.Created<ReportRequestDto>(await manager.PostJsonAsync($"/api/v1/people/{person.Crn}/reports", new { type = "PreSentenceReport", dueDate = "2026-11-30", staffMemberId = officer.Id }));
        var writing = await WorkloadAsync(manager, officer.Id);
        Assert.Equal((138, 7.5m), (writing.Points.ReportPoints, writing.Time.ReportHours));

        var done = await manager.PutJsonAsync($"/api/v1/reports/{report.Id}", new { completedOn = "2026-11-23" }, report.Version);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(0, (await WorkloadAsync(manager, officer.Id)).Points.ReportPoints);

        var bad = await (await manager.PostJsonAsync($"/api/v1/people/{person.Crn}/reports", new { type = "Nonsense", staffMemberId = 0 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.ErrorFields());
    }

    [Fact]
    public async Task A_restricted_case_counts_on_the_workload_without_its_reference_for_someone_who_may_not_see_it()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var open = await CreateCaseAsync(manager, officer);
        var hidden = await CreateCaseAsync(manager, officer);
        await RestrictAsync(app, hidden.Crn, await app.CreateUserAsync(Roles.ProbationOfficer, officer.Id));

        var workload = await WorkloadAsync(manager, officer.Id);

        Assert.Equal(2, workload.Cases);
        Assert.Equal([$"{open.Crn} community D0", "Restricted case community D0"], workload.Points.Cases.Select(l => l.Label));
        Assert.DoesNotContain(workload.Time.Cases, l => l.Label.Contains(hidden.Crn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officer_sees_their_own_workload_and_another_officers_needs_a_workload_role()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var mine = await CreateOfficerAsync(manager, team.Id, firstName: "Ann");
        var theirs = await CreateOfficerAsync(manager, team.Id, firstName: "Ben");
        var officer = await app.ClientForUserAsync(await app.CreateUserAsync(Roles.ProbationOfficer, mine.Id));
        var analyst = await app.ClientForAsync(Roles.PerformanceAnalyst);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/staff/{mine.Id}/workload")).StatusCode);
        await (await officer.GetAsync($"/api/v1/staff/{theirs.Id}/workload")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/v1/staff/{theirs.Id}/reductions")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/staff/{theirs.Id}/workload")).StatusCode);
        await (await manager.GetAsync("/api/v1/staff/999999/workload")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_challenge_is_raised_only_by_the_officer_answered_once_by_a_manager_and_listed_for_the_team()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await CreateOfficerAsync(admin, team.Id, firstName: "Ivy");
        var other = await CreateOfficerAsync(admin, team.Id, firstName: "Joe");
        await CreateCaseAsync(admin, staff);
        var officer = await app.ClientForUserAsync(await app.CreateUserAsync(Roles.ProbationOfficer, staff.Id));
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var url = $"/api/v1/staff/{staff.Id}/workload/challenges";

        var invalid = await (await officer.PostJsonAsync(url, new { reason = "short" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], invalid.ErrorFields());
        await (await officer.PostJsonAsync($"/api/v1/staff/{other.Id}/workload/challenges", new { reason = "Someone else's figure is wrong" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.PostJsonAsync(url, new { reason = "A manager cannot raise it for the officer" })).ProblemAsync(HttpStatusCode.Forbidden);

        var raised = await TestData.Created<WorkloadChallengeDto>(await officer.PostJsonAsync(url, new { reason = "The breach case takes a day a week in court" }));
        Assert.Equal(staff.Id, raised.StaffMemberId);
        Assert.Equal(29, raised.PointsUsed);
        Assert.Null(raised.AnsweredAt);
        var waiting = await (await manager.GetAsync($"/api/v1/workload/challenges?teamId={team.Id}&answered=false")).ReadAsync<List<WorkloadChallengeDto>>();
        Assert.Equal([raised.Id], waiting.Select(c => c.Id));
        await (await officer.GetAsync($"/api/v1/staff/{other.Id}/workload/challenges")).ProblemAsync(HttpStatusCode.Forbidden);

        var answerUrl = $"/api/v1/workload/challenges/{raised.Id}/answer";
        await (await officer.PostJsonAsync(answerUrl, new { answer = "I answer my own challenge" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["answer"], (await (await manager.PostJsonAsync(answerUrl, new { answer = "" })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var answered = await (await manager.PostJsonAsync(answerUrl, new { answer = "Agreed; the court days are now a reduction" })).ReadAsync<WorkloadChallengeDto>();
        Assert.Equal("Agreed; the court days are now a reduction", answered.Answer);
        Assert.NotNull(answered.AnsweredAt);
        await (await manager.PostJsonAsync(answerUrl, new { answer = "A second answer must be refused" })).ProblemAsync(HttpStatusCode.Conflict);

        var mine = await (await officer.GetAsync(url)).ReadAsync<List<WorkloadChallengeDto>>();
        Assert.Equal("Agreed; the court days are now a reduction", Assert.Single(mine).Answer);
        Assert.Empty(await (await manager.GetAsync($"/api/v1/workload/challenges?teamId={team.Id}&answered=false")).ReadAsync<List<WorkloadChallengeDto>>());
        await (await manager.GetAsync("/api/v1/workload/challenges/999999")).ProblemAsync(HttpStatusCode.NotFound);
        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == nameof(Domain.Workload.WorkloadChallenge) && e.EntityId == raised.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task A_team_lists_every_officer_with_capacity_and_flags_those_over_it()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var busy = await CreateOfficerAsync(manager, team.Id, firstName: "Busy");
        var sick = await CreateOfficerAsync(manager, team.Id, firstName: "Away");
        var @case = await CreateCaseAsync(manager, sick);
        await TestData.Created<ReductionDto>(await manager.PostJsonAsync($"/api/v1/staff/{sick.Id}/reductions", new { type = "LongTermSickness", startDate = "2026-11-01" }));

        var teamWorkload = await (await manager.GetAsync($"/api/v1/teams/{team.Id}/workload")).ReadAsync<TeamWorkloadDto>();

        Assert.Equal(1, teamWorkload.Cases);
        var away = teamWorkload.Officers.Single(o => o.StaffMemberId == sick.Id);
        Assert.Equal((1, 0, (decimal?)null, true), (away.Cases, away.AvailablePoints, away.PointsCapacityPercent, away.OverCapacity));
        var free = teamWorkload.Officers.Single(o => o.StaffMemberId == busy.Id);
        Assert.Equal((0, false), (free.Cases, free.OverCapacity));
        Assert.NotNull(@case);
    }

    [Fact]
    public async Task A_delivery_unit_lists_every_officer_highest_capacity_first_with_its_teams_vacancies_unallocated_cases_spread_and_trend()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var north = await TestData.CreateTeamAsync(admin);
        var south = await TestData.CreateTeamAsync(admin, north.DeliveryUnitId, "South Team");
        (await admin.PutJsonAsync($"/api/v1/teams/{south.Id}", new { deliveryUnitId = north.DeliveryUnitId, code = south.Code, name = south.Name, caseHoldingPosts = 3 }, 1)).EnsureSuccessStatusCode();
        var busy = await CreateOfficerAsync(admin, north.Id, firstName: "Bea", lastName: "Busy");
        var sick = await CreateOfficerAsync(admin, south.Id, firstName: "Sid", lastName: "Sick");
        await CreateCaseAsync(admin, busy);
        await CreateCaseAsync(admin, sick);
        await TestData.Created<ReductionDto>(await admin.PostJsonAsync($"/api/v1/staff/{sick.Id}/reductions", new { type = "LongTermSickness", startDate = "2026-11-01" }));
        var waiting = await TestData.CreatePersonWithOrderAsync(admin);
        await app.WithDbAsync(db => db.Orders.Where(o => o.Id == waiting.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.AllocationTeamId, south.Id)));
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);

        var unit = await (await manager.GetAsync($"/api/v1/delivery-units/{north.DeliveryUnitId}/workload")).ReadAsync<DeliveryUnitWorkloadDto>();

        Assert.Equal((north.DeliveryUnitId, 2, 1, 1, new DateOnly(2026, 11, 23)), (unit.DeliveryUnitId, unit.Cases, unit.OverCapacity, unit.Unallocated, unit.Date));
        Assert.Equal([sick.Id, busy.Id], unit.Officers.Select(o => o.StaffMemberId));
        Assert.Equal((south.Id, (decimal?)null, true), (unit.Officers[0].TeamId, unit.Officers[0].CapacityPercent, unit.Officers[0].OverCapacity));
        Assert.Equal(north.Id, unit.Officers[1].TeamId);
        Assert.Equal(Math.Max(unit.Officers[1].PointsCapacityPercent!.Value, unit.Officers[1].TimeCapacityPercent!.Value), unit.Officers[1].CapacityPercent);
        var southLine = unit.Teams.Single(t => t.TeamId == south.Id);
        Assert.Equal((1, 1, 1, (decimal?)3m, 1m, (decimal?)2m, 1), (southLine.Officers, southLine.Cases, southLine.OverCapacity, southLine.CaseHoldingPosts, southLine.InPostFte, southLine.VacantFte, southLine.Unallocated));
        var northLine = unit.Teams.Single(t => t.TeamId == north.Id);
        Assert.Equal((1, 0, (decimal?)null, 0), (northLine.Officers, northLine.OverCapacity, northLine.VacantFte, northLine.Unallocated));
        Assert.Equal(1, unit.Distribution.Single(b => b.Label == "No capacity").Officers);
        Assert.Equal(2, unit.Distribution.Sum(b => b.Officers));
        Assert.Equal(12, unit.Trend.Count);
        Assert.Equal((new DateOnly(2026, 11, 23), 2, 2), (unit.Trend[^1].Date, unit.Trend[^1].Officers, unit.Trend[^1].Cases));

        var officer = await app.ClientForUserAsync(await app.CreateUserAsync(Roles.ProbationOfficer, busy.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/delivery-units/{north.DeliveryUnitId}/workload")).StatusCode);
        await (await manager.GetAsync("/api/v1/delivery-units/999999/workload")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class WorkloadApiTests_Sqlite(SqliteApp app) : WorkloadApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorkloadApiTests_Postgres(PostgresApp app) : WorkloadApiTests(app), IClassFixture<PostgresApp>;
