using System.Net;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Enforcement;

/// <summary>
/// Enforcement in the browser: the failure on the record, the decision with the rules' choices and reasons, the
/// manager's list of decisions awaiting, and the breach pack assembled from the record. Today is Monday 23 November 2026.
/// </summary>
public abstract class EnforcementPageTests(PagesAppFixture app)
{
    private static object Absence(SupervisedCase @case, string startsAt, string notes) => new
    {
        type = "HomeVisit", startsAt, durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, isEnforceable = true,
        outcome = "UnacceptableAbsence", outcomeNotes = notes,
    };

    [Fact]
    public async Task An_absence_is_warned_on_the_page_then_a_second_failure_requires_breach_and_the_breach_pack_sets_out_the_record()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts",
            Absence(@case, "2026-11-16T10:00:00Z", "Not at home at the arranged time; neighbour says away")));
        var (session, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);

        var (_, record) = await session.GetAsync($"/people/{@case.Crn}");
        var failureId = (await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items[0].Id;
        var page = $"/people/{@case.Crn}/enforcement/{failureId}";
        Assert.Contains($"href=\"{page}\"", record, StringComparison.Ordinal);
        Assert.Contains("Decision overdue", record, StringComparison.Ordinal);

        var (_, list) = await session.GetAsync($"/enforcement?teamId={@case.Officer.TeamId}&overdue=true");
        Assert.Contains($"href=\"{page}\"", list, StringComparison.Ordinal);
        Assert.Contains("1 decision</strong> awaiting, all overdue", list, StringComparison.Ordinal);

        var (_, open) = await session.GetAsync(page);
        Assert.Contains("No warning in the last 12 months on this order", open, StringComparison.Ordinal);
        Assert.Contains("Not at home at the arranged time", open, StringComparison.Ordinal);

        // No further action needs a reason: refused, what was typed kept.
        var (refused, refusedHtml) = await session.PostAsync($"{page}?handler=Decide",
            [new("Input.Version", "1"), new("Input.Decision", "NoFurtherAction"), new("Input.Reason", "Unwell")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Input_Reason\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Unwell</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"NoFurtherAction\" checked", refusedHtml, StringComparison.Ordinal);

        var (warned, _) = await session.PostAsync($"{page}?handler=Decide", [new("Input.Version", "1"), new("Input.Decision", "Warning")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, warned.StatusCode);
        var (_, warnedHtml) = await session.GetAsync(page);
        Assert.Contains("Warning recorded: the person has until 30 Nov 2026 to give a reasonable excuse", warnedHtml, StringComparison.Ordinal);
        Assert.Contains("Withdraw the warning", warnedHtml, StringComparison.Ordinal);
        var (_, emptied) = await session.GetAsync($"/enforcement?teamId={@case.Officer.TeamId}");
        Assert.Contains("0 decisions</strong> awaiting", emptied, StringComparison.Ordinal);

        // Before breach is decided there is no pack.
        await (await manager.GetAsync($"/api/v1/breach-packs/{failureId}")).ProblemAsync(HttpStatusCode.Conflict);
        var (noPack, _) = await session.GetAsync($"{page}/breach-pack");
        Assert.Equal(HttpStatusCode.NotFound, noPack.StatusCode);

        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts",
            Absence(@case, "2026-11-23T08:00:00Z", "Did not attend the home visit; phone off")));
        var second = (await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items[0];
        var secondPage = $"/people/{@case.Crn}/enforcement/{second.Id}";
        var (_, secondHtml) = await session.GetAsync(secondPage);
        Assert.Contains("breach action is required", secondHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Warning\"", secondHtml, StringComparison.Ordinal);

        var (breached, _) = await session.PostAsync($"{secondPage}?handler=Decide",
            [new("Input.Version", second.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Decision", "Breach"),
             new("Input.Proposal", "Continue the order with an added curfew requirement")], formPage: secondPage);
        Assert.Equal(HttpStatusCode.Redirect, breached.StatusCode);
        var (_, decided) = await session.GetAsync(secondPage);
        Assert.Contains("Breach action recorded: it must start by 7 Dec 2026", decided, StringComparison.Ordinal);
        Assert.Contains($"href=\"{secondPage}/breach-pack\"", decided, StringComparison.Ordinal);

        var (_, pack) = await session.GetAsync($"{secondPage}/breach-pack");
        Assert.Contains("Breach pack", pack, StringComparison.Ordinal);
        Assert.Contains("Not at home at the arranged time; neighbour says away", pack, StringComparison.Ordinal);
        Assert.Contains("Did not attend the home visit; phone off", pack, StringComparison.Ordinal);
        Assert.Contains("Warned on 23 Nov 2026 for the failure of 16 Nov 2026", pack, StringComparison.Ordinal);
        Assert.Contains("Continue the order with an added curfew requirement", pack, StringComparison.Ordinal);

        var dto = await (await manager.GetAsync($"/api/v1/breach-packs/{second.Id}")).ReadAsync<BreachPackDto>();
        Assert.Equal([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], dto.Failures.Select(f => f.FailureDate));
        Assert.Equal((1, 2, 2, false), (dto.Warnings.Count, dto.Compliance.Failures, dto.Compliance.Enforceable, dto.Recall));
        Assert.Equal(EnforcementStatus.BreachAction, dto.Failures[1].Status);
        Assert.Equal("Continue the order with an added curfew requirement", dto.Proposal);
    }

    [Fact]
    public async Task A_proposal_is_refused_with_a_warning_and_a_warning_is_withdrawn_with_a_reason_on_the_page()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts",
            Absence(@case, "2026-11-19T10:00:00Z", "Not at home")));
        var failure = (await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items[0];
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var page = $"/people/{@case.Crn}/enforcement/{failure.Id}";

        var (refused, refusedHtml) = await session.PostAsync($"{page}?handler=Decide",
            [new("Input.Version", "1"), new("Input.Decision", "Warning"), new("Input.Proposal", "Add a curfew")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Input_Proposal\"", refusedHtml, StringComparison.Ordinal);

        var (stale, staleHtml) = await session.PostAsync($"{page}?handler=Decide", [new("Input.Version", "7"), new("Input.Decision", "Warning")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", staleHtml, StringComparison.Ordinal);

        await session.PostAsync($"{page}?handler=Decide", [new("Input.Version", "1"), new("Input.Decision", "Warning")], formPage: page);
        var (tooShort, shortHtml) = await session.PostAsync($"{page}?handler=Withdraw", [new("Input.Version", "2"), new("Input.WithdrawalReason", "excuse")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("href=\"#Input_WithdrawalReason\"", shortHtml, StringComparison.Ordinal);
        Assert.Contains(">excuse</textarea>", shortHtml, StringComparison.Ordinal);

        var (withdrawn, _) = await session.PostAsync($"{page}?handler=Withdraw",
            [new("Input.Version", "2"), new("Input.WithdrawalReason", "A hospital letter for the day arrived in time")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (_, html) = await session.GetAsync(page);
        Assert.Contains("Warning withdrawn", html, StringComparison.Ordinal);
        Assert.Contains("A hospital letter for the day arrived in time", html, StringComparison.Ordinal);
    }
}

public sealed class EnforcementPageTests_Sqlite(SqlitePagesApp app) : EnforcementPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class EnforcementPageTests_Postgres(PostgresPagesApp app) : EnforcementPageTests(app), IClassFixture<PostgresPagesApp>;
