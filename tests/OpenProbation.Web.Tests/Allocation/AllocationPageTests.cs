using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Allocation;

/// <summary>
/// The allocation pages without JavaScript: the queue, a case with its ranked officers, a refusal and an override,
/// the new officer's home page, transfer, and reallocating a leaver's caseload. Today is Monday 23 November 2026.
/// </summary>
public abstract class AllocationPageTests(PagesAppFixture app)
{
    private const string Override = "Only officer who speaks Polish; cover agreed for the week of leave";

    private static void Redirected(HttpResponseMessage response, string to)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_manager_allocates_from_the_queue_is_refused_an_officer_on_leave_then_overrides_and_the_officer_sees_the_case()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var away = await CreateOfficerAsync(admin, team.Id, firstName: "Olive", lastName: "Onleave");
        await TestData.CreateAbsenceAsync(admin, away.Id, "2026-11-30", "2026-12-04");
        var free = await CreateOfficerAsync(admin, team.Id, firstName: "Fred", lastName: "Free");
        var managerStaff = await TestData.CreateStaffAsync(admin, team.Id, grade: "SeniorProbationOfficer", firstName: "Mona", lastName: "Manager");
        var person = await TestData.CreatePersonAsync(admin, firstName: "Queued", lastName: "Person");
        var order = await TestData.CreateOrderAsync(admin, person.Crn, sentenceDate: "2026-11-23");
        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer, managerStaff.Id);
        Redirected((await manager.PostAsync($"/allocations/{order.Id}?handler=Transfer", [new("Transfer.TeamId", team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Transfer.Reason", "Lives in this team's area")], $"/allocations/{order.Id}")).Response, "/allocations");

        var (_, queue) = await manager.GetAsync("/allocations");
        Assert.Contains($"href=\"/allocations/{order.Id}\">Queued Person", queue, StringComparison.Ordinal);
        Assert.Contains("Arrived today: due today", queue, StringComparison.Ordinal);

        var (_, casePage) = await manager.GetAsync($"/allocations/{order.Id}");
        Assert.Contains("1. Fred Free", casePage, StringComparison.Ordinal);
        Assert.Contains("Available every day of the induction window to 7 December 2026", casePage, StringComparison.Ordinal);
        Assert.Contains("Olive Onleave is away 30 November 2026 to 4 December 2026 (annual leave)", casePage, StringComparison.Ordinal);
        Assert.Contains("Needs override", casePage, StringComparison.Ordinal);

        var awayId = away.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (refused, refusedHtml) = await manager.PostAsync($"/allocations/{order.Id}",
            [new("Input.Allocating", "true"), new("Input.StaffId", awayId), new("Input.HandoverNote", "Book induction for Wednesday")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is a problem", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Choose another officer, or give the reason for overriding", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Book induction for Wednesday</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Matches($"value=\"{awayId}\"[^>]*checked", refusedHtml);
        Assert.Equal(0, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrderId == order.Id)));

        var (done, _) = await manager.PostAsync($"/allocations/{order.Id}",
            [new("Input.Allocating", "true"), new("Input.StaffId", awayId), new("Input.HandoverNote", "Book induction for Wednesday"), new("Input.OverrideReason", Override)]);
        Redirected(done, "/allocations");
        var (_, after) = await manager.GetAsync("/allocations");
        Assert.Contains("Queued Person (" + person.Crn + ") allocated to Olive Onleave. The override and its reason are recorded.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/allocations/{order.Id}\"", after, StringComparison.Ordinal);
        var (_, overrides) = await manager.GetAsync("/allocations/overrides");
        Assert.Contains(Override, overrides, StringComparison.Ordinal);
        Assert.Contains("Away in the induction window", overrides, StringComparison.Ordinal);

        var (officer, _) = await app.SignedInAsync(Roles.ProbationOfficer, away.Id);
        var (_, home) = await officer.GetAsync("/");
        Assert.Contains("1 case has been allocated to you", home, StringComparison.Ordinal);
        Assert.Contains("<strong>Instructions:</strong> Book induction for Wednesday", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{person.Crn}/appointments/new\">Book the first appointment", home, StringComparison.Ordinal);
        var assignment = await app.WithDbAsync(db => db.Assignments.Where(a => a.OrderId == order.Id).Select(a => a.Id).SingleAsync());
        Redirected((await officer.PostAsync($"/?handler=Seen&assignmentId={assignment}", [], "/")).Response, "/");
        var (_, read) = await officer.GetAsync("/");
        Assert.DoesNotContain("allocated to you", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leavers_caseload_is_reallocated_from_their_workload_page_and_mistakes_keep_what_was_typed()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var leaver = await CreateOfficerAsync(admin, team.Id, firstName: "Lee", lastName: "Leaver");
        var receiver = await CreateOfficerAsync(admin, team.Id, firstName: "Rita", lastName: "Receiver");
        var one = await CreateCaseAsync(admin, leaver);
        var two = await CreateCaseAsync(admin, leaver);
        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);

        var (_, workload) = await manager.GetAsync($"/team/officers/{leaver.Id}/workload");
        Assert.Contains($"href=\"/team/officers/{leaver.Id}/reallocate\">Reallocate cases</a>", workload, StringComparison.Ordinal);
        var (_, form) = await manager.GetAsync($"/team/officers/{leaver.Id}/reallocate");
        Assert.Contains("Cases to reallocate (2)", form, StringComparison.Ordinal);
        Assert.Contains("Rita Receiver (probation officer, 0 cases, capacity 0%)", form, StringComparison.Ordinal);

        var url = $"/team/officers/{leaver.Id}/reallocate";
        var (bad, badHtml) = await manager.PostAsync(url, [new("Input.HandoverNote", "All seen this month")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Choose at least one case to reallocate", badHtml, StringComparison.Ordinal);
        Assert.Contains("Choose the officer to reallocate the cases to", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for the reallocation", badHtml, StringComparison.Ordinal);
        Assert.Contains("All seen this month</textarea>", badHtml, StringComparison.Ordinal);

        var receiverId = receiver.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (moved, _) = await manager.PostAsync(url,
        [
            new("Input.EventIds", one.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.EventIds", two.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.StaffId", receiverId),
            new("Input.Reason", "Officer leaving the service"),
            new("Input.HandoverNote", "All seen this month"),
        ]);
        Redirected(moved, $"/team/officers/{leaver.Id}/workload");
        var (_, emptied) = await manager.GetAsync($"/team/officers/{leaver.Id}/workload");
        Assert.Contains("2 cases reallocated from Lee Leaver to Rita Receiver.", emptied, StringComparison.Ordinal);
        var held = await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.StaffMemberId == receiver.Id && a.ToDate == null));
        Assert.Equal(2, held);
    }

    [Fact]
    public async Task Officers_cannot_open_the_allocation_pages()
    {
        var (officer, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        foreach (var url in new[] { "/allocations", "/allocations/1", "/allocations/overrides", "/team/officers/1/reallocate" })
        {
            var (response, _) = await officer.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var (manager, _) = await app.SignedInAsync(Roles.SeniorProbationOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/allocations/99999999")).Response.StatusCode);
    }
}

public sealed class AllocationPageTests_Sqlite(SqlitePagesApp app) : AllocationPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class AllocationPageTests_Postgres(PostgresPagesApp app) : AllocationPageTests(app), IClassFixture<PostgresPagesApp>;
