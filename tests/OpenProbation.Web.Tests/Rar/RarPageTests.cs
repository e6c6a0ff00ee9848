using System.Net;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Rar;

/// <summary>The RAR page: the days against the maximum with each session's part in them, linked from the record.</summary>
public abstract class RarPageTests(PagesAppFixture app)
{
    [Fact]
    public async Task The_RAR_page_shows_the_days_and_how_each_session_counted_and_arranging_starts_from_the_RAR()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var @case = await CreateCaseAsync(manager, officer);
        var rar = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = 15, status = "Active", startDate = "2026-11-02" }));
        foreach (var startsAt in new[] { "2026-11-16T10:00:00Z", "2026-11-16T14:00:00Z" })
        {
            await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", new
            {
                type = "RarSession", startsAt, durationMinutes = 90, staffMemberId = officer.Id, orderId = @case.OrderId, requirementId = rar.Id, outcome = "AttendedComplied",
            }));
        }

        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var (_, record) = await session.GetAsync($"/people/{@case.Crn}");
        Assert.Contains($"/people/{@case.Crn}/requirements/{rar.Id}/rar", record, StringComparison.Ordinal);

        var (response, html) = await session.GetAsync($"/people/{@case.Crn}/requirements/{rar.Id}/rar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("15 days", html, StringComparison.Ordinal);
        Assert.Contains("14 days", html, StringComparison.Ordinal); // still to instruct
        Assert.Contains("A RAR day delivered", html, StringComparison.Ordinal);
        Assert.Contains("Another session on a day already counted: the day counts once", html, StringComparison.Ordinal);

        var (_, form) = await session.GetAsync($"/people/{@case.Crn}/appointments/new?requirementId={rar.Id}");
        Assert.Matches($"<option[^>]*value=\"{rar.Id}\"[^>]*selected|<option[^>]*selected[^>]*value=\"{rar.Id}\"", form);

        // Once the plan names a need, arranging a RAR activity asks which, offering the plan's needs with their agreed outcomes.
        await TestData.Created<Features.SentencePlans.SentencePlanDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans", new
        {
            personGoals = "Keep my flat",
            objectives = new object[]
            {
                new { need = "Accommodation", description = "Keep the tenancy", agreedOutcome = "Tenancy kept",
                    actions = new object[] { new { description = "Housing support referral", owner = "ResponsibleOfficer" } } },
            },
        }));
        var newAppointment = $"/people/{@case.Crn}/contacts/new?requirementId={rar.Id}";
        var (_, needForm) = await session.GetAsync(newAppointment);
        Assert.Contains("<option value=\"Accommodation\">Accommodation (agreed: Tenancy kept)</option>", needForm, StringComparison.Ordinal);
        KeyValuePair<string, string>[] arrange =
        [
            new("Input.Type", "RarSession"), new("Input.Outcome", "AttendedComplied"), new("Input.Date.Day", "20"), new("Input.Date.Month", "11"), new("Input.Date.Year", "2026"), new("Input.Time", "10:00"),
            new("Input.Duration", "90"), new("Input.StaffMemberId", $"{officer.Id}"), new("Input.OrderId", $"{@case.OrderId}"), new("Input.RequirementId", $"{rar.Id}"),
            new("Input.Notes", "Housing workshop"),
        ];
        var (noNeed, noNeedHtml) = await session.PostAsync(newAppointment, arrange, formPage: newAppointment);
        Assert.Equal(HttpStatusCode.OK, noNeed.StatusCode);
        Assert.Contains("Choose the need in the sentence plan this RAR activity works on: accommodation", noNeedHtml, StringComparison.Ordinal);
        Assert.Contains(">Housing workshop</textarea>", noNeedHtml, StringComparison.Ordinal);
        var (arranged, _) = await session.PostAsync(newAppointment, [.. arrange, new("Input.PlanNeed", "Accommodation")], formPage: newAppointment);
        Assert.Equal(HttpStatusCode.Redirect, arranged.StatusCode);
        var (_, byNeed) = await session.GetAsync($"/people/{@case.Crn}/requirements/{rar.Id}/rar");
        Assert.Contains("Activities by need in the sentence plan", byNeed, StringComparison.Ordinal);
        Assert.Contains("Not linked to a need in the plan", byNeed, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Accommodation</strong>: Tenancy kept</li>", byNeed, StringComparison.Ordinal);

        // Completing on fewer days: the rationale and progress are asked for, and what was typed is kept.
        var page = $"/people/{@case.Crn}/requirements/{rar.Id}/rar";
        var (refused, refusedHtml) = await session.PostAsync($"{page}?handler=Complete",
            [new("Input.Version", $"{rar.Version}"), new("Input.CompletedOn.Day", "20"), new("Input.CompletedOn.Month", "11"), new("Input.CompletedOn.Year", "2026"),
             new("Input.OutcomeAgainstAgreed", "Tenancy kept")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The RAR is completed on 2 days of the 15 the court allowed: give the rationale", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Tenancy kept</textarea>", refusedHtml, StringComparison.Ordinal);

        var (done, _) = await session.PostAsync($"{page}?handler=Complete",
            [new("Input.Version", $"{rar.Version}"), new("Input.CompletedOn.Day", "20"), new("Input.CompletedOn.Month", "11"), new("Input.CompletedOn.Year", "2026"),
             new("Input.OutcomeAgainstAgreed", "Tenancy kept"), new("Input.Rationale", "Agreed outcome met early with the housing provider's help"),
             new("Input.Progress", "Settled in the flat and paying rent on time")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, completed) = await session.GetAsync(page);
        Assert.Contains("RAR completed on 2 days of 15", completed, StringComparison.Ordinal);
        Assert.Contains("Settled in the flat and paying rent on time", completed, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete the RAR</button>", completed, StringComparison.Ordinal);

        // Another person's RAR under this CRN is not found.
        var other = await CreateCaseAsync(manager, officer);
        var (wrong, _) = await session.GetAsync($"/people/{other.Crn}/requirements/{rar.Id}/rar");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }
}

public sealed class RarPageTests_Sqlite(SqlitePagesApp app) : RarPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class RarPageTests_Postgres(PostgresPagesApp app) : RarPageTests(app), IClassFixture<PostgresPagesApp>;
