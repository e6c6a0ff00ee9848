using OpenProbation.Domain.Orders;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Orders;

/// <summary>
/// Requirements against the clock (immutable line 8): the officer sees weeks ahead that a RAR can no longer be
/// delivered before the order ends, with the options, and a requirement not commenced past its target. Today is 23 November 2026.
/// </summary>
public abstract class RequirementCheckTests(PagesAppFixture app)
{
    [Fact]
    public async Task A_rar_that_cannot_finish_before_the_order_ends_and_a_late_commencement_are_flagged_with_the_options_on_the_record_and_in_the_api()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager), sentenceDate: "2026-01-05");
        var late = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = 15, status = "NotStarted" }));
        var unpaid = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements",
            new { type = "UnpaidWork", unpaidWorkHours = 100, status = "Active", startDate = "2026-01-08" }));
        var onTime = await AddOrderAsync(manager, @case.Crn, @case.Officer, sentenceDate: "2026-11-02");
        var fine = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{onTime.Id}/requirements",
            new { type = "Rar", rarMaxDays = 10, status = "Active", startDate = "2026-11-05" }));

        var checks = (await (await manager.GetAsync($"/api/v1/orders/{@case.OrderId}/delivery")).ReadAsync<PagedList<RequirementCheckDto>>()).Items;
        var rar = checks.Single(c => c.RequirementId == late.Id);
        Assert.Equal((DeliveryStatus.CannotFinish, CommencementStatus.Overdue, true), (rar.Delivery, rar.Commencement, rar.NeedsAction));
        Assert.NotEmpty(rar.Options);
        var work = checks.Single(c => c.RequirementId == unpaid.Id);
        Assert.Equal(((DeliveryStatus?)null, CommencementStatus.Met), (work.Delivery, work.Commencement));
        Assert.Contains("unpaid work sessions are recorded", work.NotMeasured, StringComparison.Ordinal);
        var good = (await (await manager.GetAsync($"/api/v1/orders/{onTime.Id}/delivery")).ReadAsync<PagedList<RequirementCheckDto>>()).Items.Single(c => c.RequirementId == fine.Id);
        Assert.Equal((DeliveryStatus.OnTrack, CommencementStatus.Met, false), (good.Delivery, good.Commencement, good.NeedsAction));

        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var (_, record) = await session.GetAsync($"/people/{@case.Crn}");
        Assert.Contains("Act now", record, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(rar.DeliveryWords!), record, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(rar.CommencementWords!), record, StringComparison.Ordinal);
        await (await manager.GetAsync("/api/v1/orders/999999/delivery")).ProblemAsync(System.Net.HttpStatusCode.NotFound);

        // The manager's list across the team: the late RAR, not the one on track.
        var (managerSession, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, list) = await managerSession.GetAsync($"/requirements-at-risk?teamId={@case.Officer.TeamId}");
        Assert.Contains("1 requirement</strong> needing action", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{@case.Crn}#orders\"", list, StringComparison.Ordinal);
        var (_, unknownTeam) = await managerSession.GetAsync("/requirements-at-risk?teamId=999999");
        Assert.Contains("Page not found", unknownTeam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_responsible_officer_is_told_on_their_home_page_and_sees_only_their_own_cases_in_the_list_and_the_api()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var mine = await CreateCaseAsync(manager, officer, sentenceDate: "2026-01-05");
        await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{mine.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = 15, status = "NotStarted" }));
        var colleague = await CreateOfficerAsync(manager, officer.TeamId, firstName: "Sam");
        var theirs = await CreateCaseAsync(manager, colleague, sentenceDate: "2026-01-05");
        await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{theirs.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = 15, status = "NotStarted" }));

        var (session, userName) = await app.SignedInAsync(Roles.ProbationOfficer, officer.Id);
        var (_, home) = await session.GetAsync("/");
        Assert.Contains("1 requirement on your cases needs action while there is still time", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{mine.Crn}#orders\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Crn, home, StringComparison.Ordinal);

        // Without a team role the list is the officer's own cases, whatever team is asked for.
        var (_, list) = await session.GetAsync($"/requirements-at-risk?teamId={officer.TeamId}");
        Assert.Contains("1 requirement</strong> needing action", list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Crn, list, StringComparison.Ordinal);
        var api = await app.ClientForUserAsync(userName);
        var items = (await (await api.GetAsync("/api/v1/requirements-at-risk")).ReadAsync<PagedList<RequirementNeedingActionDto>>()).Items;
        Assert.Equal([mine.Crn], items.Select(i => i.Crn));
        Assert.True(items[0].Check.NeedsAction);

        // A manager chooses: the team shows both, "mine" neither (they hold no cases).
        var team = (await (await manager.GetAsync($"/api/v1/requirements-at-risk?teamId={officer.TeamId}")).ReadAsync<PagedList<RequirementNeedingActionDto>>()).Items;
        Assert.Equal(new[] { mine.Crn, theirs.Crn }.Order(StringComparer.Ordinal), team.Select(i => i.Crn).Order(StringComparer.Ordinal));
        Assert.Empty((await (await manager.GetAsync("/api/v1/requirements-at-risk?mine=true")).ReadAsync<PagedList<RequirementNeedingActionDto>>()).Items);
        var bad = await (await manager.GetAsync("/api/v1/requirements-at-risk?teamId=999999")).ProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(["teamId"], bad.ErrorFields());
    }
}

public sealed class RequirementCheckTests_Sqlite(SqlitePagesApp app) : RequirementCheckTests(app), IClassFixture<SqlitePagesApp>;

public sealed class RequirementCheckTests_Postgres(PostgresPagesApp app) : RequirementCheckTests(app), IClassFixture<PostgresPagesApp>;
