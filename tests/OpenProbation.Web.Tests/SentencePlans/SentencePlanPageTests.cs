using System.Net;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.SentencePlans;

/// <summary>The sentence plan pages: start from the record, write with the person, agree only after the meeting.</summary>
public abstract class SentencePlanPageTests(PagesAppFixture app)
{
    [Fact]
    public async Task A_plan_is_written_on_the_page_keeping_what_was_typed_and_agreed_once_the_officer_has_met_the_person()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var @case = await CreateCaseAsync(manager, officer);
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        var page = $"/people/{@case.Crn}/orders/{@case.OrderId}/sentence-plan";

        var (_, record) = await session.GetAsync($"/people/{@case.Crn}");
        Assert.Contains(page, record, StringComparison.Ordinal);
        var (_, empty) = await session.GetAsync(page);
        Assert.Contains("This order has no sentence plan yet. It is due by <strong>23 Nov 2026</strong>", empty, StringComparison.Ordinal);

        var (started, _) = await session.PostAsync($"{page}?handler=Start", [new("Input.Version", "0")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal($"{page}/edit", started.Headers.Location?.OriginalString);

        // An action for a provider without the provider's name: refused, with everything typed shown again.
        var edit = $"{page}/edit";
        List<KeyValuePair<string, string>> form =
        [
            new("Input.Version", "1"), new("Input.PersonGoals", "Keep my flat and find work"), new("Input.PersonAgreesTo", "Weekly meetings"),
            new("Input.Objectives[0].Need", "Accommodation"), new("Input.Objectives[0].Description", "Keep the tenancy"),
            new("Input.Objectives[0].AgreedOutcome", "Arrears cleared"), new("Input.Objectives[0].Actions[0].Description", "Money advice sessions"),
            new("Input.Objectives[0].Actions[0].Owner", "Provider"), new("Input.Objectives[0].Actions[0].TargetDate.Day", "29"),
            new("Input.Objectives[0].Actions[0].TargetDate.Month", "1"), new("Input.Objectives[0].Actions[0].TargetDate.Year", "2027"),
            new("Input.Objectives[1].Description", ""),
        ];
        var (refused, refusedHtml) = await session.PostAsync(edit, form, formPage: edit);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter the name of the provider or person who does it", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Objectives_0__Actions_0__OwnerName\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Money advice sessions\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Keep my flat and find work</textarea>", refusedHtml, StringComparison.Ordinal);

        form.Add(new("Input.Objectives[0].Actions[0].OwnerName", "Citizens Advice"));
        var (saved, _) = await session.PostAsync(edit, form, formPage: edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, draft) = await session.GetAsync(page);
        Assert.Contains("Citizens Advice", draft, StringComparison.Ordinal);
        Assert.Contains("29 Jan 2027", draft, StringComparison.Ordinal);

        // Without a face-to-face meeting, agreeing is refused with the reason on the page.
        var (noMeeting, noMeetingHtml) = await session.PostAsync($"{page}?handler=Agree", [new("Input.Version", "2")], formPage: page);
        Assert.Equal(HttpStatusCode.OK, noMeeting.StatusCode);
        Assert.Contains("href=\"#Meeting\"", noMeetingHtml, StringComparison.Ordinal);
        Assert.Contains("has met them face to face on this order", noMeetingHtml, StringComparison.Ordinal);

        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", new
        {
            type = "HomeVisit", startsAt = "2026-11-16T10:00:00Z", durationMinutes = 60, staffMemberId = officer.Id, orderId = @case.OrderId,
            outcome = "AttendedComplied",
        }));
        var (agreed, _) = await session.PostAsync($"{page}?handler=Agree", [new("Input.Version", "2")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var (_, inForce) = await session.GetAsync(page);
        Assert.Contains("Plan agreed with the person and in force", inForce, StringComparison.Ordinal);
        Assert.Contains("Review the plan", inForce, StringComparison.Ordinal);
        Assert.DoesNotContain("Agree the plan</button>", inForce, StringComparison.Ordinal);
    }
}

public sealed class SentencePlanPageTests_Sqlite(SqlitePagesApp app) : SentencePlanPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class SentencePlanPageTests_Postgres(PostgresPagesApp app) : SentencePlanPageTests(app), IClassFixture<PostgresPagesApp>;
