using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Tiering;

/// <summary>
/// The tier pages without JavaScript: recording an assessment (errors shown with what was typed), the working, a
/// lower tier held for a reason and a manager's countersignature, and the tier on the record and the caseload.
/// </summary>
public abstract class TieringPageTests(PagesAppFixture app)
{
    private static List<KeyValuePair<string, string>> AssessmentForm(string rosh, string rsr = "1.5", string ogrs = "47", string layer = "Layer3") =>
    [
        new("Input.AssessedOn.Day", "20"), new("Input.AssessedOn.Month", "11"), new("Input.AssessedOn.Year", "2026"),
        new("Input.Layer", layer), new("Input.Complete", "yes"), new("Input.Rosh", rosh),
        new("Input.RsrPercent", rsr), new("Input.OgrsPercent", ogrs), new("Input.Needs[Accommodation]", "Standard"),
    ];

    private async Task<(string Crn, int OrderId)> CaseAsync()
    {
        var api = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(api);
        (await api.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 })).EnsureSuccessStatusCode();
        return (order.Crn, order.Id);
    }

    [Fact]
    public async Task A_wrong_assessment_is_shown_again_with_what_was_typed_and_a_right_one_sets_the_tier_with_its_working()
    {
        var (crn, _) = await CaseAsync();
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);

        var (bad, badHtml) = await session.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("", rsr: "lots", ogrs: "120"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("There is a problem", badHtml, StringComparison.Ordinal);
        Assert.Contains("RSR must be a number", badHtml, StringComparison.Ordinal);
        Assert.Contains("OGRS must be a whole percentage", badHtml, StringComparison.Ordinal);
        Assert.Contains("Select the overall risk of serious harm", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"120\"", badHtml, StringComparison.Ordinal);

        var (saved, _) = await session.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("High"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, tierHtml) = await session.GetAsync($"/people/{crn}/tier");
        Assert.Contains("Assessment recorded and the tier recalculated", tierHtml, StringComparison.Ordinal);
        Assert.Contains(">B1</strong>", tierHtml, StringComparison.Ordinal);
        Assert.Contains("ROSH: high", tierHtml, StringComparison.Ordinal);
        Assert.Contains("OGRS 47%", tierHtml, StringComparison.Ordinal);
        Assert.Contains("England and Wales tiering framework, version", tierHtml, StringComparison.Ordinal);

        var (_, recordHtml) = await session.GetAsync($"/people/{crn}");
        Assert.Contains("Tier B1", recordHtml, StringComparison.Ordinal);
        Assert.Contains("ROSH high", recordHtml, StringComparison.Ordinal);
        Assert.Contains("Tier raised", recordHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_tier_waits_for_the_officers_reason_then_a_managers_countersignature()
    {
        var (crn, _) = await CaseAsync();
        var (officer, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        await officer.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("High"));

        await officer.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("Low"));
        var (_, html) = await officer.GetAsync($"/people/{crn}/tier");
        Assert.Contains("The record now gives a lower tier, D1. The tier stays B1", html, StringComparison.Ordinal);
        Assert.Contains("Record the reason for the lower tier", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Countersign the lower tier", html, StringComparison.Ordinal);

        var pending = await app.WithDbAsync(db => db.CaseTiers.SingleAsync(t => t.Person!.Crn == crn && t.Status == CaseTierStatus.AwaitingReason));
        var (shortReason, shortHtml) = await officer.PostAsync($"/people/{crn}/tier?handler=Reason",
            [new("ReasonInput.Id", $"{pending.Id}"), new("ReasonInput.Version", $"{pending.Version}"), new("ReasonInput.Reason", "lower")], formPage: $"/people/{crn}/tier");
        Assert.Equal(HttpStatusCode.OK, shortReason.StatusCode);
        Assert.Contains("The reason must be at least 10 characters", shortHtml, StringComparison.Ordinal);
        Assert.Contains(">lower</textarea>", shortHtml, StringComparison.Ordinal);

        var (reasoned, _) = await officer.PostAsync($"/people/{crn}/tier?handler=Reason",
            [new("ReasonInput.Id", $"{pending.Id}"), new("ReasonInput.Version", $"{pending.Version}"), new("ReasonInput.Reason", "Victim has moved out of the area")],
            formPage: $"/people/{crn}/tier");
        Assert.Equal(HttpStatusCode.Redirect, reasoned.StatusCode);
        var (_, waiting) = await officer.GetAsync($"/people/{crn}/tier");
        Assert.Contains("The tier stays B1 until a manager countersigns the change to D1", waiting, StringComparison.Ordinal);

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        var (_, queue) = await manager.GetAsync("/tier-changes");
        Assert.Contains($"/people/{crn}/tier", queue, StringComparison.Ordinal);
        Assert.Contains("Victim has moved out of the area", queue, StringComparison.Ordinal);

        var waitingRow = await app.WithDbAsync(db => db.CaseTiers.AsNoTracking().SingleAsync(t => t.Id == pending.Id));
        var (noChoice, noChoiceHtml) = await manager.PostAsync($"/people/{crn}/tier?handler=Countersign",
            [new("CountersignInput.Id", $"{pending.Id}"), new("CountersignInput.Version", $"{waitingRow.Version}")], formPage: $"/people/{crn}/tier");
        Assert.Equal(HttpStatusCode.OK, noChoice.StatusCode);
        Assert.Contains("Select whether you countersign or refuse", noChoiceHtml, StringComparison.Ordinal);

        var (signed, _) = await manager.PostAsync($"/people/{crn}/tier?handler=Countersign",
            [new("CountersignInput.Id", $"{pending.Id}"), new("CountersignInput.Version", $"{waitingRow.Version}"), new("CountersignInput.Decision", "approve")],
            formPage: $"/people/{crn}/tier");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var (_, after) = await manager.GetAsync($"/people/{crn}/tier");
        Assert.Contains("Countersigned: the tier is now D1", after, StringComparison.Ordinal);
        var (_, record) = await manager.GetAsync($"/people/{crn}");
        Assert.Contains("Lower tier countersigned", record, StringComparison.Ordinal);
        Assert.Contains("Reason for lower tier", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_countersign_a_lower_tier()
    {
        var (crn, _) = await CaseAsync();
        var (officer, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        await officer.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("High"));
        await officer.PostAsync($"/people/{crn}/assessments/new", AssessmentForm("Low"));
        var pending = await app.WithDbAsync(db => db.CaseTiers.SingleAsync(t => t.Person!.Crn == crn && t.Status == CaseTierStatus.AwaitingReason));

        var (refused, _) = await officer.PostAsync($"/people/{crn}/tier?handler=Countersign",
            [new("CountersignInput.Id", $"{pending.Id}"), new("CountersignInput.Version", $"{pending.Version}"), new("CountersignInput.Decision", "approve")],
            formPage: $"/people/{crn}/tier");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var still = await app.WithDbAsync(db => db.CaseTiers.AsNoTracking().SingleAsync(t => t.Id == pending.Id));
        Assert.Equal(CaseTierStatus.AwaitingReason, still.Status);
    }

    [Fact]
    public async Task The_caseload_shows_each_cases_tier_and_rosh_and_sorts_by_tier()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id);
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var (high, highOrder) = await CaseAsync();
        var (low, lowOrder) = await CaseAsync();
        await TestData.AssignAsync(manager, highOrder, staff.Id);
        await TestData.AssignAsync(manager, lowOrder, staff.Id);
        var api = await app.ClientForAsync(Roles.ProbationOfficer);
        (await api.PostJsonAsync($"/api/v1/people/{high}/assessments", new { assessedOn = "2026-11-20", layer = "Layer1", rosh = "VeryHigh" })).EnsureSuccessStatusCode();
        (await api.PostJsonAsync($"/api/v1/people/{low}/assessments", new { assessedOn = "2026-11-20", layer = "Layer1", rosh = "Low" })).EnsureSuccessStatusCode();
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer, staff.Id);

        var (_, html) = await session.GetAsync("/caseload?sort=tier&dir=desc");

        Assert.Contains(">A2</strong>", html, StringComparison.Ordinal);
        Assert.Contains("ROSH very high", html, StringComparison.Ordinal);
        Assert.Contains(">D2</strong>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(high, StringComparison.Ordinal) < html.IndexOf(low, StringComparison.Ordinal), "the A tier case comes first when sorted by tier, highest first");
    }
}

public sealed class TieringPageTests_Sqlite(SqlitePagesApp app) : TieringPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class TieringPageTests_Postgres(PostgresPagesApp app) : TieringPageTests(app), IClassFixture<PostgresPagesApp>;
