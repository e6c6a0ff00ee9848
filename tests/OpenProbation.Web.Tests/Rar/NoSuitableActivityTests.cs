using System.Net;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Rar;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Rar;

/// <summary>Recording, with reasons, that no suitable activity exists for a need on a RAR: on the page and through the API.</summary>
public abstract class NoSuitableActivityTests(PagesAppFixture app)
{
    [Fact]
    public async Task A_need_without_a_suitable_activity_is_recorded_with_its_reason_on_the_page_and_in_the_api()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var rar = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = 15, status = "Active", startDate = "2026-11-02" }));
        var api = $"/api/v1/requirements/{rar.Id}/rar/no-suitable-activity";

        var refused = await (await manager.PostJsonAsync(api, new { reason = "none" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["need", "reason"], refused.ErrorFields().Order());
        var made = await TestData.Created<NoSuitableActivityDto>(await manager.PostJsonAsync(api,
            new { need = "Accommodation", reason = "No housing provider takes referrals in this area", whatWasConsidered = "Two local services" }));
        Assert.Equal((NeedArea.Accommodation, "Two local services"), (made.Need, made.WhatWasConsidered));

        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var page = $"/people/{@case.Crn}/requirements/{rar.Id}/rar";
        var (typed, typedHtml) = await session.PostAsync($"{page}?handler=NoSuitableActivity",
            [new("Gap.Need", "EducationTrainingEmployment"), new("Gap.Reason", "Too short")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("href=\"#Gap_Reason\"", typedHtml, StringComparison.Ordinal);
        Assert.Contains(">Too short</textarea>", typedHtml, StringComparison.Ordinal);
        var (saved, _) = await session.PostAsync($"{page}?handler=NoSuitableActivity",
            [new("Gap.Need", "EducationTrainingEmployment"), new("Gap.Reason", "The only employment course has a waiting list beyond the order's end")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, html) = await session.GetAsync(page);
        Assert.Contains("No housing provider takes referrals in this area", html, StringComparison.Ordinal);
        Assert.Contains("The only employment course has a waiting list beyond the order&#x27;s end", html, StringComparison.Ordinal);

        var list = await (await manager.GetAsync(api)).ReadAsync<PagedList<NoSuitableActivityDto>>();
        Assert.Equal([NeedArea.Accommodation, NeedArea.EducationTrainingEmployment], list.Items.Select(n => n.Need));
        await (await manager.GetAsync("/api/v1/requirements/999999/rar/no-suitable-activity")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class NoSuitableActivityTests_Sqlite(SqlitePagesApp app) : NoSuitableActivityTests(app), IClassFixture<SqlitePagesApp>;

public sealed class NoSuitableActivityTests_Postgres(PostgresPagesApp app) : NoSuitableActivityTests(app), IClassFixture<PostgresPagesApp>;
