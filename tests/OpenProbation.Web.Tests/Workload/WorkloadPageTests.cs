using System.Net;
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
}

public sealed class WorkloadPageTests_Sqlite(SqlitePagesApp app) : WorkloadPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class WorkloadPageTests_Postgres(PostgresPagesApp app) : WorkloadPageTests(app), IClassFixture<PostgresPagesApp>;
