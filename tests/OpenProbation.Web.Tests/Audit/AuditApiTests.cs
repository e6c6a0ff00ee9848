using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Audit;

/// <summary>
/// The audit trail as users meet it (issue: every change and every read of sensitive data is audited; a manager
/// or administrator reads a case's history; an administrator exports everything held on a person).
/// </summary>
public abstract class AuditApiTests(AppFixture app)
{
    [Fact]
    public async Task Creating_and_updating_a_person_through_the_api_records_who_when_where_and_the_changed_values()
    {
        var officer = await app.CreateUserAsync(Roles.ProbationOfficer);
        var client = await app.ClientForUserAsync(officer);
        var created = await TestData.CreatePersonAsync(client, "Avery", "Audited");
        var updated = await client.PutJsonAsync($"/api/v1/people/{created.Crn}", new
        {
            firstName = "Avery", lastName = "Auditedson", dateOfBirth = "1990-05-17", gender = "Male", phone = "07700 900123",
        }, created.Version);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var events = await EventsForAsync(created.Crn);
        var create = Assert.Single(events, e => e.Action == AuditAction.Create && e.EntityType == "Person");
        Assert.Equal(officer, create.Actor);
        Assert.Equal(AuditChannel.Api, create.Channel);
        Assert.Equal(AppFixture.ClientAddress.ToString(), create.Source);
        Assert.Equal(AuditTrail.PersonRecord, create.Section);
        Assert.Equal(AuditChain.Normalise(app.Clock.GetUtcNow()), create.OccurredAt);
        Assert.Null(create.Before);
        using (var after = JsonDocument.Parse(create.After!))
        {
            Assert.Equal(created.Crn, after.RootElement.GetProperty("crn").GetString());
            Assert.Equal("Audited", after.RootElement.GetProperty("lastName").GetString());
            Assert.Equal("1990-05-17", after.RootElement.GetProperty("dateOfBirth").GetString());
            Assert.Equal(create.EntityId, after.RootElement.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(after.RootElement.TryGetProperty("version", out _), "The concurrency version is not audited");
        }

        var update = Assert.Single(events, e => e.Action == AuditAction.Update && e.EntityType == "Person");
        Assert.Equal(create.EntityId, update.EntityId);
        Assert.True(update.Sequence > create.Sequence);
        Assert.Equal(officer, update.Actor);

        // Only what changed, before and after (the search key follows the surname).
        Assert.Equal("""{"lastName":"Audited","phone":null,"searchName":"avery audited"}""", update.Before);
        Assert.Equal("""{"lastName":"Auditedson","phone":"07700 900123","searchName":"avery auditedson"}""", update.After);
    }

    [Fact]
    public async Task Addresses_markers_orders_requirements_and_assignments_are_audited_under_the_person_they_belong_to()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id, lastName: "Allocated");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var address = await TestData.CreateAddressAsync(admin, order.Crn);
        var requirement = await TestData.Created<Features.Orders.RequirementDto>(await admin.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements",
            new { type = "Rar", rarMaxDays = 20 }));
        var assignment = await TestData.AssignAsync(admin, order.Id, staff.Id);

        var events = await EventsForAsync(order.Crn);
        Assert.Contains(events, e => e.Action == AuditAction.Create && e.EntityType == "Address" && e.EntityId == Id(address.Id) && e.Section == AuditTrail.Addresses);
        Assert.Contains(events, e => e.Action == AuditAction.Create && e.EntityType == "Order" && e.EntityId == Id(order.Id) && e.Section == AuditTrail.Orders);
        Assert.Contains(events, e => e.Action == AuditAction.Create && e.EntityType == "Requirement" && e.EntityId == Id(requirement.Id));
        Assert.Contains(events, e => e.Action == AuditAction.Create && e.EntityType == "Assignment" && e.EntityId == Id(assignment.Id));

        // Organisation records belong to no person.
        var teamEvent = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.EntityType == "Team" && e.EntityId == Id(team.Id)));
        Assert.Null(teamEvent.PersonId);
        Assert.Equal(AuditTrail.Organisation, teamEvent.Section);
    }

    [Fact]
    public async Task A_delete_records_every_value_before_and_work_without_a_request_is_recorded_as_the_system()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var address = await TestData.CreateAddressAsync(client, person.Crn, postcode: "WS1 1AA");

        await app.WithDbAsync(async db =>
        {
            db.Addresses.Remove(await db.Addresses.SingleAsync(a => a.Id == address.Id));
            await db.SaveChangesAsync();
        });

        var delete = Assert.Single(await EventsForAsync(person.Crn), e => e.Action == AuditAction.Delete);
        Assert.Equal(("system", AuditChannel.System, "system"), (delete.Actor, delete.Channel, delete.Source));
        Assert.Equal(("Address", Id(address.Id)), (delete.EntityType, delete.EntityId));
        Assert.Null(delete.After);
        using var before = JsonDocument.Parse(delete.Before!);
        Assert.Equal("WS1 1AA", before.RootElement.GetProperty("postcode").GetString());
        Assert.Equal("Home", before.RootElement.GetProperty("type").GetString());
        Assert.Equal("1 Test Street", before.RootElement.GetProperty("line1").GetString());
    }

    [Fact]
    public async Task Reading_a_person_and_their_sections_records_views_but_a_search_does_not()
    {
        var reader = await app.CreateUserAsync(Roles.CaseAdministrator);
        var client = await app.ClientForUserAsync(reader);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        var address = await TestData.CreateAddressAsync(client, order.Crn);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{order.Crn}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{order.Crn}/addresses")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{order.Crn}/addresses/{address.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{order.Crn}/markers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/orders/{order.Id}/requirements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people?crn={order.Crn}")).StatusCode);

        var views = (await EventsForAsync(order.Crn)).Where(e => e.Action == AuditAction.View).ToList();
        Assert.All(views, v => Assert.Equal((reader, AuditChannel.Api), (v.Actor, v.Channel)));
        Assert.Equal(
            [
                ("Person", AuditTrail.PersonRecord), ("Person", AuditTrail.Addresses), ("Address", AuditTrail.Addresses), ("Person", AuditTrail.Markers),
                ("Order", AuditTrail.Orders), ("Order", AuditTrail.Requirements),
            ],
            views.Select(v => (v.EntityType, v.Section)));
        Assert.Equal(Id(address.Id), views[2].EntityId);
    }

    [Fact]
    public async Task A_manager_reads_a_cases_history_newest_first_and_that_reading_is_itself_audited()
    {
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(officer);
        await officer.GetAsync($"/api/v1/people/{person.Crn}");
        var managerName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var manager = await app.ClientForUserAsync(managerName);

        var first = await manager.GetAsync($"/api/v1/people/{person.Crn}/audit");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var history = await first.ReadAsync<PagedList<AuditEventDto>>();
        Assert.Equal(2, history.Total);
        Assert.Equal([AuditAction.View, AuditAction.Create], history.Items.Select(e => e.Action));
        Assert.Equal("Alex", history.Items[1].After!.Value.GetProperty("firstName").GetString());

        var second = await (await manager.GetAsync($"/api/v1/people/{person.Crn}/audit?pageSize=1")).ReadAsync<PagedList<AuditEventDto>>();
        Assert.Equal(3, second.Total);
        var newest = Assert.Single(second.Items);
        Assert.Equal((AuditAction.View, AuditTrail.AuditHistory, managerName), (newest.Action, newest.Section, newest.Actor));

        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/people/{person.Crn}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/people/{person.Crn}/audit")).StatusCode);
        await (await manager.GetAsync("/api/v1/people/X000000/audit")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manager_excluded_from_a_case_gets_404_for_its_history_as_if_it_did_not_exist()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(admin);
        var excludedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var put = await admin.PutJsonAsync($"/api/v1/people/{person.Crn}/access", new
        {
            restricted = false, allowedUsers = Array.Empty<string>(), excludedUsers = new[] { excludedName }, reason = "Neighbour",
        }, 0);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var excluded = await app.ClientForUserAsync(excludedName);
        var problem = await (await excluded.GetAsync($"/api/v1/people/{person.Crn}/audit")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Person not found", problem.GetProperty("title").GetString());

        // The exclusion itself is in the case's history, for those who may read it.
        var history = await (await admin.GetAsync($"/api/v1/people/{person.Crn}/audit?pageSize=100")).ReadAsync<PagedList<AuditEventDto>>();
        Assert.Contains(history.Items, e => e.Action == AuditAction.Create && e.EntityType == "CaseAccessEntry" && e.Section == AuditTrail.CaseAccess);
        Assert.DoesNotContain(history.Items, e => e.Actor == excludedName);
    }

    [Fact]
    public async Task The_subject_access_export_holds_everything_on_the_person_and_is_audited_as_an_export()
    {
        var adminName = await app.CreateUserAsync(Roles.SystemAdministrator);
        var admin = await app.ClientForUserAsync(adminName);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id, firstName: "Robin", lastName: "Responsible");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        await TestData.CreateAddressAsync(admin, order.Crn, postcode: "ST1 1AA");
        await TestData.Created<MarkerDto>(await admin.PostJsonAsync($"/api/v1/people/{order.Crn}/markers", new { type = "ChildProtection", startDate = "2026-01-01" }));
        await TestData.Created<Features.Orders.RequirementDto>(await admin.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements",
            new { type = "Rar", rarMaxDays = 20 }));
        await TestData.AssignAsync(admin, order.Id, staff.Id);

        var response = await admin.GetAsync($"/api/v1/people/{order.Crn}/subject-access");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.ReadAsync<SubjectAccessExport>();
        Assert.Equal((order.Crn, "Alex", "Testperson"), (export.Person.Crn, export.Person.FirstName, export.Person.LastName));
        Assert.Equal("ST1 1AA", Assert.Single(export.Addresses).Postcode);
        Assert.Equal(Domain.People.MarkerType.ChildProtection, Assert.Single(export.Markers).Type);
        var exported = Assert.Single(export.Orders);
        Assert.Equal(order.Id, exported.Order.Id);
        Assert.Equal(20, Assert.Single(exported.Requirements).RarMaxDays);
        Assert.Equal("Robin Responsible", Assert.Single(exported.Assignments).StaffName);
        Assert.Equal(order.Crn, export.Access.Crn);
        Assert.False(export.Access.Restricted);
        Assert.Contains(export.AuditEvents, e => e.Action == AuditAction.Create && e.EntityType == "Person");
        Assert.Contains(export.AuditEvents, e => e.Action == AuditAction.Create && e.EntityType == "Assignment");

        var events = await EventsForAsync(order.Crn);
        var recorded = events[^1];
        Assert.Equal((AuditAction.Export, AuditTrail.SubjectAccessExport, adminName), (recorded.Action, recorded.Section, recorded.Actor));

        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/people/{order.Crn}/subject-access")).StatusCode);
        Assert.Equal(events.Count, (await EventsForAsync(order.Crn)).Count);
    }

    [Fact]
    public async Task A_restricted_case_is_not_exported_to_an_administrator_who_is_not_on_its_allow_list()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(admin);
        var allowed = await app.CreateUserAsync(Roles.SystemAdministrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/people/{person.Crn}/access", new
        {
            restricted = true, allowedUsers = new[] { allowed }, excludedUsers = Array.Empty<string>(), reason = "Staff member",
        }, 0)).StatusCode);

        await (await admin.GetAsync($"/api/v1/people/{person.Crn}/subject-access")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForUserAsync(allowed)).GetAsync($"/api/v1/people/{person.Crn}/subject-access")).StatusCode);
    }

    [Fact]
    public async Task Password_hashes_security_stamps_and_token_hashes_never_reach_the_audit_trail()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var secret = await app.TokenForAsync(userName);
        var (passwordHash, stamp) = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return (user.PasswordHash!, user.SecurityStamp!);
        });

        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "ApplicationUser" || e.EntityType == "ApiToken").ToListAsync());
        var text = string.Join("\n", events.Select(e => e.Before + e.After));
        Assert.Contains(userName, text, StringComparison.Ordinal);
        Assert.Contains("\"passwordHash\":\"[redacted]\"", text, StringComparison.Ordinal);
        Assert.Contains("\"tokenHash\":\"[redacted]\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(passwordHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(stamp, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiTokens.Hash(secret), text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<AuditEvent>> EventsForAsync(string crn) =>
        app.WithDbAsync(async db =>
        {
            var personId = await db.People.Where(p => p.Crn == crn).Select(p => p.Id).SingleAsync();
            return await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.Sequence).ToListAsync();
        });
}

public sealed class AuditApiTests_Sqlite(SqliteApp app) : AuditApiTests(app), IClassFixture<SqliteApp>;

public sealed class AuditApiTests_Postgres(PostgresApp app) : AuditApiTests(app), IClassFixture<PostgresApp>;
