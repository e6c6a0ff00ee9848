using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Access;

/// <summary>
/// Case-level access through the API (PRACTICE.md section 7 line 9; issue 3 part 3): a restricted person is
/// invisible to everyone not on the allow-list, and an excluded user never sees the case, on every path: search,
/// the record and everything under it, lists and their totals, caseloads, and updates. Invisible is "not found",
/// worded exactly as for a record that does not exist.
/// </summary>
public abstract class CaseAccessApiTests(AppFixture app)
{
    private const int UnknownId = 999_999_999;
    private const string UnknownCrn = "Z999999";

    // ---- Search -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task Search_leaves_a_restricted_person_out_for_a_user_not_on_the_allow_list_and_finds_them_for_one_on_it()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var allowedName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var allowed = await app.ClientForUserAsync(allowedName);
        var other = await app.ClientForAsync(Roles.ProbationOfficer);
        var surname = "Zr" + Guid.NewGuid().ToString("N")[..8];
        var hidden = await TestData.CreatePersonAsync(admin, "Robin", surname, "1979-04-03");
        var open = await TestData.CreatePersonAsync(admin, "Robin", surname + "s", "1979-04-03");
        await SetAccessAsync(admin, hidden.Crn, restricted: true, allowed: [allowedName], excluded: [], version: 0);

        foreach (var query in new[] { $"q={surname}", $"q={hidden.Crn}", $"crn={hidden.Crn}", $"name={surname}&dateOfBirth=1979-04-03", $"q=03/04/1979&name={surname}" })
        {
            var seenByOther = await (await other.GetAsync($"/api/v1/people?{query}")).ReadAsync<PagedList<PersonSummaryDto>>();
            Assert.DoesNotContain(seenByOther.Items, p => p.Crn == hidden.Crn);
            Assert.Equal(seenByOther.Items.Count, seenByOther.Total);

            var seenByAllowed = await (await allowed.GetAsync($"/api/v1/people?{query}")).ReadAsync<PagedList<PersonSummaryDto>>();
            Assert.Contains(seenByAllowed.Items, p => p.Crn == hidden.Crn);
            Assert.Equal(seenByOther.Total + 1, seenByAllowed.Total);
        }

        var byName = await (await other.GetAsync($"/api/v1/people?q={surname}")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal([open.Crn], byName.Items.Select(p => p.Crn));

        // The administrator who restricted the case is not on its allow-list, so does not find it either.
        var byAdmin = await (await admin.GetAsync($"/api/v1/people?q={surname}")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal([open.Crn], byAdmin.Items.Select(p => p.Crn));
    }

    // ---- Every read and write of the case -----------------------------------------------------------------------

    [Fact]
    public async Task Every_read_of_a_restricted_case_is_not_found_for_a_user_not_on_the_allow_list_exactly_as_a_case_that_does_not_exist()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var record = await CreateCaseAsync(admin);
        var allowedName = await app.CreateUserAsync(Roles.ProbationServiceOfficer);
        await SetAccessAsync(admin, record.Crn, restricted: true, allowed: [allowedName], excluded: [], version: 0);

        await AssertEveryReadAsync(await app.ClientForUserAsync(allowedName), record, HttpStatusCode.OK);
        foreach (var role in new[] { Roles.ProbationOfficer, Roles.SeniorProbationOfficer, Roles.CaseAdministrator, Roles.CourtOfficer, Roles.SystemAdministrator })
        {
            await AssertEveryReadAsync(await app.ClientForAsync(role), record, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Every_read_of_a_case_is_not_found_for_an_excluded_user_while_everyone_else_still_sees_it()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var record = await CreateCaseAsync(admin);
        var excludedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        await SetAccessAsync(admin, record.Crn, restricted: false, allowed: [], excluded: [excludedName], version: 0);

        await AssertEveryReadAsync(await app.ClientForUserAsync(excludedName), record, HttpStatusCode.NotFound);
        await AssertEveryReadAsync(await app.ClientForAsync(Roles.ProbationOfficer), record, HttpStatusCode.OK);
        await AssertEveryReadAsync(admin, record, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Updates_and_creates_under_a_case_the_user_may_not_see_are_not_found_and_change_nothing()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var record = await CreateCaseAsync(admin);
        var excludedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        await SetAccessAsync(admin, record.Crn, restricted: true, allowed: [], excluded: [excludedName], version: 0);
        var team = await TestData.CreateTeamAsync(admin);
        var newOfficer = await TestData.CreateStaffAsync(admin, team.Id);
        var before = await VersionsAsync(record);

        // An SPO can edit and allocate any case they can see: only case-level access stands in the way here.
        foreach (var client in new[] { await app.ClientForUserAsync(excludedName), await app.ClientForAsync(Roles.SeniorProbationOfficer) })
        {
            var person = new { firstName = "Changed", lastName = "Name", dateOfBirth = "1990-05-17", gender = "Male" };
            var address = new { type = "Home", line1 = "2 Other Street", town = "Walsall", postcode = "WS1 1AA", startDate = "2026-06-01" };
            var marker = new { type = "Other", description = "Changed", startDate = "2026-01-01" };
            var order = new { type = "CommunityOrder", court = "Walsall Magistrates' Court", offence = "Theft", sentenceDate = "2026-11-02", length = 6, lengthUnit = "Months" };
            var requirement = new { type = "Rar", rarMaxDays = 5 };
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/people/{record.Crn}", person, 1), "Person");
            await AssertNotFoundAsync(await client.PostJsonAsync($"/api/v1/people/{record.Crn}/addresses", address), "Person");
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/people/{record.Crn}/addresses/{record.AddressId}", address, 1), "Address");
            await AssertNotFoundAsync(await client.PostJsonAsync($"/api/v1/people/{record.Crn}/markers", marker), "Person");
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/people/{record.Crn}/markers/{record.MarkerId}", marker, 1), "Marker");
            await AssertNotFoundAsync(await client.PostJsonAsync($"/api/v1/people/{record.Crn}/orders", order), "Person");
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/orders/{record.OrderId}", order, 1), "Order");
            await AssertNotFoundAsync(await client.PostJsonAsync($"/api/v1/orders/{record.OrderId}/requirements", requirement), "Order");
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/requirements/{record.RequirementId}", requirement, 1), "Requirement");
            await AssertNotFoundAsync(await client.PostJsonAsync($"/api/v1/orders/{record.OrderId}/assignments", new { staffMemberId = newOfficer.Id, reason = "Transfer" }), "Order");
            await AssertNotFoundAsync(await client.PutJsonAsync($"/api/v1/assignments/{record.AssignmentId}", new { reason = "Changed" }, 1), "Assignment");
        }

        Assert.Equal(before, await VersionsAsync(record));
    }

    // ---- Lists and caseloads ------------------------------------------------------------------------------------

    [Fact]
    public async Task Order_lists_and_caseloads_leave_out_and_do_not_count_the_cases_the_viewer_may_not_see()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var records = new List<CaseRecord>();
        for (var i = 0; i < 3; i++)
        {
            records.Add(await CreateCaseAsync(admin, officer.Id));
        }

        var allowedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var excludedName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        await SetAccessAsync(admin, records[0].Crn, restricted: true, allowed: [allowedName], excluded: [], version: 0);
        await SetAccessAsync(admin, records[1].Crn, restricted: false, allowed: [], excluded: [excludedName], version: 0);
        var allowed = await app.ClientForUserAsync(allowedName);
        var excluded = await app.ClientForUserAsync(excludedName);
        var other = await app.ClientForAsync(Roles.SeniorProbationOfficer);

        // The caseload: "caseload counts shown to them" leave out what they may not see.
        var caseload = $"/api/v1/assignments?staffMemberId={officer.Id}&current=true";
        Assert.Equal(Ids(records[0], records[1], records[2]), await AssignmentIdsAsync(allowed, caseload, expectedTotal: 3));
        Assert.Equal(Ids(records[1], records[2]), await AssignmentIdsAsync(other, caseload, expectedTotal: 2));
        Assert.Equal(Ids(records[2]), await AssignmentIdsAsync(excluded, caseload, expectedTotal: 1));
        Assert.Equal(Ids(records[1], records[2]), await AssignmentIdsAsync(other, $"/api/v1/assignments?staffMemberId={officer.Id}", expectedTotal: 2));

        // The orders list: the same orders for each viewer, bar the hidden ones, and the totals agree.
        const string Orders = "/api/v1/orders?pageSize=200";
        var byAllowed = await OrderIdsAsync(allowed, Orders);
        var byOther = await OrderIdsAsync(other, Orders);
        var byExcluded = await OrderIdsAsync(excluded, Orders);
        Assert.Subset(byAllowed.Items.ToHashSet(), records.Select(r => r.OrderId).ToHashSet());
        Assert.Equal(byAllowed.Items.Where(id => id != records[0].OrderId).Order(), byOther.Items.Order());
        Assert.Equal(byOther.Items.Where(id => id != records[1].OrderId).Order(), byExcluded.Items.Order());
        Assert.Equal((byAllowed.Items.Count, byAllowed.Total - 1, byAllowed.Total - 2), (byAllowed.Total, byOther.Total, byExcluded.Total));

        // Filters do not bring a hidden order back.
        var filtered = await OrderIdsAsync(excluded, "/api/v1/orders?unallocated=false&status=Active&type=CommunityOrder&endingFrom=2027-11-01&pageSize=200");
        Assert.DoesNotContain(records[0].OrderId, filtered.Items);
        Assert.DoesNotContain(records[1].OrderId, filtered.Items);
        Assert.Contains(records[2].OrderId, filtered.Items);
        Assert.Equal(filtered.Items.Count, filtered.Total);
    }

    // ---- An exclusion beats everything --------------------------------------------------------------------------

    [Fact]
    public async Task An_exclusion_wins_over_the_allow_list_and_over_being_the_responsible_officer()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id);
        var officerName = await app.CreateUserAsync(Roles.ProbationOfficer, staff.Id);
        var officer = await app.ClientForUserAsync(officerName);
        var record = await CreateCaseAsync(admin, staff.Id);
        var caseload = $"/api/v1/assignments?staffMemberId={staff.Id}&current=true";
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{record.Crn}")).StatusCode);

        // Restricted with the responsible officer on the allow-list: they still see their case.
        await SetAccessAsync(admin, record.Crn, restricted: true, allowed: [officerName], excluded: [], version: 0);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{record.Crn}")).StatusCode);
        Assert.Equal(Ids(record), await AssignmentIdsAsync(officer, caseload, expectedTotal: 1));

        // Excluded as well: on the allow-list and responsible officer, and still the case is gone.
        var access = await SetAccessAsync(admin, record.Crn, restricted: true, allowed: [officerName], excluded: [officerName], version: 1);
        Assert.Equal([officerName], access.AllowedUsers);
        Assert.Equal([officerName], access.ExcludedUsers);
        await AssertEveryReadAsync(officer, record, HttpStatusCode.NotFound);
        Assert.Empty(await AssignmentIdsAsync(officer, caseload, expectedTotal: 0));

        // Lifting the restriction does not lift the exclusion.
        await SetAccessAsync(admin, record.Crn, restricted: false, allowed: [officerName], excluded: [officerName], version: 2);
        await AssertEveryReadAsync(officer, record, HttpStatusCode.NotFound);

        // Lifting the exclusion gives the officer their case back.
        await SetAccessAsync(admin, record.Crn, restricted: false, allowed: [officerName], excluded: [], version: 3);
        await AssertEveryReadAsync(officer, record, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_restricted_case_goes_only_to_an_officer_on_its_allow_list_and_never_to_an_excluded_one()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var spoName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var spo = await app.ClientForUserAsync(spoName);
        var team = await TestData.CreateTeamAsync(admin);
        var staff = await TestData.CreateStaffAsync(admin, team.Id, firstName: "Kim", lastName: "Holder");
        var officerName = await app.CreateUserAsync(Roles.ProbationOfficer, staff.Id);
        var restricted = await TestData.CreatePersonWithOrderAsync(admin);
        var excludedFrom = await TestData.CreatePersonWithOrderAsync(admin);
        await SetAccessAsync(admin, restricted.Crn, restricted: true, allowed: [spoName], excluded: [], version: 0);
        await SetAccessAsync(admin, excludedFrom.Crn, restricted: false, allowed: [], excluded: [officerName], version: 0);

        foreach (var order in new[] { restricted, excludedFrom })
        {
            var refused = await spo.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = staff.Id, reason = "Allocation" });
            var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(
                "Kim Holder cannot hold this case: access to it is restricted. Ask a system administrator.",
                problem.GetProperty("errors").GetProperty("staffMemberId")[0].GetString());
        }

        await SetAccessAsync(admin, restricted.Crn, restricted: true, allowed: [spoName, officerName], excluded: [], version: 1);
        await TestData.AssignAsync(spo, restricted.Id, staff.Id);
    }

    // ---- Managing access -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Roles.ProbationOfficer)]
    [InlineData(Roles.ProbationServiceOfficer)]
    [InlineData(Roles.TraineeProbationOfficer)]
    [InlineData(Roles.SeniorProbationOfficer)]
    [InlineData(Roles.CaseAdministrator)]
    [InlineData(Roles.CourtOfficer)]
    [InlineData(Roles.InterventionProvider)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task Only_system_administrators_manage_case_access(string role)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(admin);
        var client = await app.ClientForAsync(role);
        var body = new { restricted = true, allowedUsers = Array.Empty<string>(), excludedUsers = Array.Empty<string>(), reason = "Staff member" };

        await (await client.GetAsync($"/api/v1/people/{person.Crn}/access")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"/api/v1/people/{person.Crn}/access", body, 0)).ProblemAsync(HttpStatusCode.Forbidden);

        var access = await (await admin.GetAsync($"/api/v1/people/{person.Crn}/access")).ReadAsync<CaseAccessDto>();
        Assert.False(access.Restricted);
        Assert.Equal(0, access.Version);
    }

    [Fact]
    public async Task An_administrator_manages_a_restricted_case_without_seeing_it_and_cannot_put_themselves_on_its_allow_list()
    {
        var firstName = await app.CreateUserAsync(Roles.SystemAdministrator);
        var first = await app.ClientForUserAsync(firstName);
        var second = await app.ClientForAsync(Roles.SystemAdministrator);
        var person = await TestData.CreatePersonAsync(first);

        await SetAccessAsync(first, person.Crn, restricted: true, allowed: [], excluded: [], version: 0);
        await AssertNotFoundAsync(await first.GetAsync($"/api/v1/people/{person.Crn}"), "Person");
        Assert.True((await (await first.GetAsync($"/api/v1/people/{person.Crn}/access")).ReadAsync<CaseAccessDto>()).Restricted);

        var selfGrant = await first.PutJsonAsync($"/api/v1/people/{person.Crn}/access",
            new { restricted = true, allowedUsers = new[] { firstName.ToUpperInvariant() }, excludedUsers = Array.Empty<string>(), reason = "Subject access request" }, 1);
        Assert.Equal(["allowedUsers"], (await selfGrant.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        // A second administrator may, and then the first sees the case and learns it is restricted.
        await SetAccessAsync(second, person.Crn, restricted: true, allowed: [firstName], excluded: [], version: 1);
        var read = await (await first.GetAsync($"/api/v1/people/{person.Crn}")).ReadAsync<PersonDto>();
        Assert.True(read.Restricted);
    }

    [Fact]
    public async Task An_excluded_administrator_can_neither_see_nor_change_who_may_see_the_case()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var excludedName = await app.CreateUserAsync(Roles.SystemAdministrator);
        var excluded = await app.ClientForUserAsync(excludedName);
        var person = await TestData.CreatePersonAsync(admin);
        await SetAccessAsync(admin, person.Crn, restricted: false, allowed: [], excluded: [excludedName], version: 0);

        await AssertNotFoundAsync(await excluded.GetAsync($"/api/v1/people/{person.Crn}/access"), "Person");
        var lift = new { restricted = false, allowedUsers = Array.Empty<string>(), excludedUsers = Array.Empty<string>(), reason = "Lifting my own exclusion" };
        await AssertNotFoundAsync(await excluded.PutJsonAsync($"/api/v1/people/{person.Crn}/access", lift, 1), "Person");
        Assert.Equal([excludedName], (await (await admin.GetAsync($"/api/v1/people/{person.Crn}/access")).ReadAsync<CaseAccessDto>()).ExcludedUsers);
    }

    [Fact]
    public async Task Access_changes_need_the_current_version_a_reason_and_real_user_names_and_keep_their_history()
    {
        var adminName = await app.CreateUserAsync(Roles.SystemAdministrator);
        var admin = await app.ClientForUserAsync(adminName);
        var person = await TestData.CreatePersonAsync(admin);
        var userA = await app.CreateUserAsync(Roles.ProbationOfficer);
        var userB = await app.CreateUserAsync(Roles.ProbationOfficer);
        var url = $"/api/v1/people/{person.Crn}/access";

        var missingVersion = await admin.PutJsonAsync(url, Body(true, [userA], [], "Staff member"), null);
        await missingVersion.ProblemAsync((HttpStatusCode)428);
        await (await admin.PutJsonAsync(url, Body(true, [userA], [], "Staff member"), 3)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        var noReason = await admin.PutJsonAsync(url, Body(true, [userA], [], null), 0);
        Assert.Equal(["reason"], (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var unknown = await admin.PutJsonAsync(url, Body(true, [userA, "no.such.user"], ["nor.this.one"], "Staff member"), 0);
        var unknownProblem = await unknown.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["allowedUsers", "excludedUsers"], unknownProblem.ErrorFields().Order());
        Assert.Equal("There is no user called no.such.user", unknownProblem.GetProperty("errors").GetProperty("allowedUsers")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseAccessEntries.CountAsync(e => e.Person!.Crn == person.Crn)));

        // Names are matched in any case and stored as the account spells them.
        var first = await admin.PutJsonAsync(url, Body(true, [userA.ToUpperInvariant()], [], "Staff member"), 0);
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        var afterFirst = await first.ReadAsync<CaseAccessDto>();
        Assert.Equal([userA], afterFirst.AllowedUsers);
        Assert.Equal(("Staff member", adminName, AppFixture.Now), (afterFirst.Reason, afterFirst.ChangedBy, afterFirst.ChangedAt!.Value));

        // Sending it again unchanged needs no reason and writes nothing.
        var same = await (await admin.PutJsonAsync(url, Body(true, [userA], [], null), 1)).ReadAsync<CaseAccessDto>();
        Assert.Equal(1, same.Version);

        var second = await (await admin.PutJsonAsync(url, Body(true, [userB], [userA], "Moved to the same office"), 1)).ReadAsync<CaseAccessDto>();
        Assert.Equal(2, second.Version);
        Assert.Equal([userB], second.AllowedUsers);
        Assert.Equal([userA], second.ExcludedUsers);
        Assert.Equal(
            [
                new CaseAccessEntryDto(Domain.People.CaseAccessKind.Allowed, userA, "Staff member", adminName, AppFixture.Now, adminName, AppFixture.Now),
                new CaseAccessEntryDto(Domain.People.CaseAccessKind.Allowed, userB, "Moved to the same office", adminName, AppFixture.Now, null, null),
                new CaseAccessEntryDto(Domain.People.CaseAccessKind.Excluded, userA, "Moved to the same office", adminName, AppFixture.Now, null, null),
            ],
            second.Entries.OrderBy(e => e.RemovedAt is null).ThenBy(e => e.Kind).ToList());

        var read = await admin.GetAsync(url);
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
        Assert.Equal(JsonSerializer.Serialize(second, Json.Options), JsonSerializer.Serialize(await read.ReadAsync<CaseAccessDto>(), Json.Options));
        await (await admin.PutJsonAsync(url, Body(false, [], [], "Restriction no longer needed"), 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_person_s_access_for_an_unknown_or_malformed_crn_is_not_found()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        await AssertNotFoundAsync(await admin.GetAsync($"/api/v1/people/{UnknownCrn}/access"), "Person");
        await AssertNotFoundAsync(await admin.GetAsync("/api/v1/people/not-a-crn/access"), "Person");
    }

    // ---- Helpers -------------------------------------------------------------------------------------------------

    private sealed record CaseRecord(string Crn, int AddressId, int MarkerId, int OrderId, int RequirementId, int AssignmentId);

    private static object Body(bool restricted, string[] allowed, string[] excluded, string? reason) =>
        new { restricted, allowedUsers = allowed, excludedUsers = excluded, reason };

    private static async Task<CaseAccessDto> SetAccessAsync(HttpClient admin, string crn, bool restricted, string[] allowed, string[] excluded, int version)
    {
        var response = await admin.PutJsonAsync($"/api/v1/people/{crn}/access", Body(restricted, allowed, excluded, "Test: " + (restricted ? "restricted" : "exclusion")), version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Setting access: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CaseAccessDto>();
    }

    /// <summary>A person with an address, a marker, a community order with a requirement, and a responsible officer.</summary>
    private static async Task<CaseRecord> CreateCaseAsync(HttpClient admin, int? officerId = null)
    {
        var person = await TestData.CreatePersonAsync(admin);
        var address = await TestData.CreateAddressAsync(admin, person.Crn);
        var marker = await TestData.Created<MarkerDto>(await admin.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "DomesticAbuse", startDate = "2026-01-01" }));
        var order = await TestData.CreateOrderAsync(admin, person.Crn);
        var requirement = await TestData.Created<RequirementDto>(await admin.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 }));
        if (officerId is null)
        {
            var team = await TestData.CreateTeamAsync(admin);
            officerId = (await TestData.CreateStaffAsync(admin, team.Id)).Id;
        }

        var assignment = await TestData.AssignAsync(admin, order.Id, officerId.Value);
        return new CaseRecord(person.Crn, address.Id, marker.Id, order.Id, requirement.Id, assignment.Id);
    }

    /// <summary>Every GET of the case and what is under it answers <paramref name="expected"/>; a 404 is worded as for a record that does not exist.</summary>
    private static async Task AssertEveryReadAsync(HttpClient client, CaseRecord r, HttpStatusCode expected)
    {
        (string Url, string Unknown, string What)[] reads =
        [
            ($"/api/v1/people/{r.Crn}", $"/api/v1/people/{UnknownCrn}", "Person"),
            ($"/api/v1/people/{r.Crn}/addresses", $"/api/v1/people/{UnknownCrn}/addresses", "Person"),
            ($"/api/v1/people/{r.Crn}/addresses/{r.AddressId}", $"/api/v1/people/{r.Crn}/addresses/{UnknownId}", "Address"),
            ($"/api/v1/people/{r.Crn}/markers", $"/api/v1/people/{UnknownCrn}/markers", "Person"),
            ($"/api/v1/people/{r.Crn}/markers?active=true", $"/api/v1/people/{UnknownCrn}/markers?active=true", "Person"),
            ($"/api/v1/people/{r.Crn}/markers/{r.MarkerId}", $"/api/v1/people/{r.Crn}/markers/{UnknownId}", "Marker"),
            ($"/api/v1/people/{r.Crn}/orders", $"/api/v1/people/{UnknownCrn}/orders", "Person"),
            ($"/api/v1/orders/{r.OrderId}", $"/api/v1/orders/{UnknownId}", "Order"),
            ($"/api/v1/orders/{r.OrderId}/requirements", $"/api/v1/orders/{UnknownId}/requirements", "Order"),
            ($"/api/v1/requirements/{r.RequirementId}", $"/api/v1/requirements/{UnknownId}", "Requirement"),
            ($"/api/v1/orders/{r.OrderId}/assignments", $"/api/v1/orders/{UnknownId}/assignments", "Order"),
            ($"/api/v1/assignments/{r.AssignmentId}", $"/api/v1/assignments/{UnknownId}", "Assignment"),
        ];
        foreach (var (url, unknown, what) in reads)
        {
            var response = await client.GetAsync(url);
            Assert.True(expected == response.StatusCode, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            if (expected == HttpStatusCode.NotFound)
            {
                var hidden = await AssertNotFoundAsync(response, what);
                var missing = await AssertNotFoundAsync(await client.GetAsync(unknown), what);
                Assert.Equal(Comparable(missing), Comparable(hidden));
            }
        }
    }

    private static async Task<JsonElement> AssertNotFoundAsync(HttpResponseMessage response, string what)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"{what} not found", problem.GetProperty("title").GetString());
        return problem;
    }

    /// <summary>The problem without what differs between any two requests (the path, the trace id).</summary>
    private static string Comparable(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name is not ("instance" or "traceId")).ToDictionary(p => p.Name, p => p.Value.ToString()));

    private static List<int> Ids(params CaseRecord[] records) => [.. records.Select(r => r.AssignmentId).Order()];

    private static async Task<List<int>> AssignmentIdsAsync(HttpClient client, string url, int expectedTotal)
    {
        var page = await (await client.GetAsync(url)).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal(expectedTotal, page.Total);
        Assert.Equal(page.Items.Count, page.Total);
        return [.. page.Items.Select(a => a.Id).Order()];
    }

    private static async Task<(List<int> Items, int Total)> OrderIdsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync<PagedList<OrderDto>>();
        return ([.. page.Items.Select(o => o.Id)], page.Total);
    }

    private Task<List<int>> VersionsAsync(CaseRecord r) => app.WithDbAsync(async db =>
    {
        var versions = new List<int>
        {
            await db.People.Where(p => p.Crn == r.Crn).Select(p => p.Version).SingleAsync(),
            await db.Addresses.Where(a => a.Person!.Crn == r.Crn).CountAsync(),
            await db.Addresses.Where(a => a.Id == r.AddressId).Select(a => a.Version).SingleAsync(),
            await db.Markers.Where(m => m.Person!.Crn == r.Crn).CountAsync(),
            await db.Markers.Where(m => m.Id == r.MarkerId).Select(m => m.Version).SingleAsync(),
            await db.Orders.Where(o => o.Person!.Crn == r.Crn).CountAsync(),
            await db.Orders.Where(o => o.Id == r.OrderId).Select(o => o.Version).SingleAsync(),
            await db.Requirements.Where(q => q.OrderId == r.OrderId).CountAsync(),
            await db.Requirements.Where(q => q.Id == r.RequirementId).Select(q => q.Version).SingleAsync(),
            await db.Assignments.Where(a => a.OrderId == r.OrderId).CountAsync(),
            await db.Assignments.Where(a => a.Id == r.AssignmentId).Select(a => a.Version).SingleAsync(),
        };
        return versions;
    });
}

public sealed class CaseAccessApiTests_Sqlite(SqliteApp app) : CaseAccessApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseAccessApiTests_Postgres(PostgresApp app) : CaseAccessApiTests(app), IClassFixture<PostgresApp>;
