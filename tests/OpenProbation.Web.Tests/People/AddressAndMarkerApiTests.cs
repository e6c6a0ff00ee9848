using System.Net;
using OpenProbation.Domain.People;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.People;

/// <summary>A person's addresses (history kept) and markers (ended, never deleted).</summary>
public abstract class AddressAndMarkerApiTests(AppFixture app)
{
    [Fact]
    public async Task An_address_is_recorded_with_its_location_and_reads_back_with_an_etag()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", new
        {
            type = "ApprovedPremises",
            line1 = " 12 Hostel Road ",
            line2 = "",
            town = "Coventry",
            county = "West Midlands",
            postcode = "cv1 2aa",
            startDate = "2026-10-01",
        });

        var created = await TestData.Created<AddressDto>(response);
        Assert.Equal($"/api/v1/people/{person.Crn}/addresses/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            new AddressDto(created.Id, AddressType.ApprovedPremises, "12 Hostel Road", null, "Coventry", "West Midlands", "CV1 2AA", new DateOnly(2026, 10, 1), null, 1),
            created);
        var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<AddressDto>());
    }

    [Fact]
    public async Task A_new_current_address_ends_the_previous_one_on_the_day_before_the_move_and_history_is_kept()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var old = await TestData.CreateAddressAsync(client, person.Crn, startDate: "2025-03-01", postcode: "B1 1AA");
        var earlier = await TestData.CreateAddressAsync(client, person.Crn, startDate: "2020-01-01", postcode: "B2 4QA", endDate: "2024-12-31");

        var moved = await TestData.CreateAddressAsync(client, person.Crn, startDate: "2026-06-15", postcode: "B5 4BU");

        var list = await (await client.GetAsync($"/api/v1/people/{person.Crn}/addresses")).ReadAsync<PagedList<AddressDto>>();
        Assert.Equal([moved.Id, old.Id, earlier.Id], list.Items.Select(a => a.Id));
        Assert.Null(list.Items[0].EndDate);
        Assert.Equal(new DateOnly(2026, 6, 14), list.Items[1].EndDate);
        Assert.Equal(2, list.Items[1].Version);
        Assert.Equal(earlier, list.Items[2]);

        var current = (await (await client.GetAsync($"/api/v1/people/{person.Crn}")).ReadAsync<PersonDto>()).CurrentAddress;
        Assert.Equal(moved, current);
    }

    [Fact]
    public async Task A_new_current_address_cannot_start_on_or_before_the_current_one()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var current = await TestData.CreateAddressAsync(client, person.Crn, startDate: "2026-06-15");

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(postcode: "B5 4BU", startDate: "2026-06-15")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["startDate"], problem.ErrorFields());
        var list = await (await client.GetAsync($"/api/v1/people/{person.Crn}/addresses")).ReadAsync<PagedList<AddressDto>>();
        Assert.Equal([current], list.Items);
    }

    [Theory]
    [InlineData("b11aa", "B1 1AA")]
    [InlineData(" sw1a  1aa ", "SW1A 1AA")]
    [InlineData("M11AE", "M1 1AE")]
    [InlineData("cr2 6xh", "CR2 6XH")]
    [InlineData("DN55 1PT", "DN55 1PT")]
    public async Task A_postcode_is_stored_in_capitals_with_one_space_before_the_last_three_characters(string sent, string stored)
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var address = await TestData.CreateAddressAsync(client, person.Crn, postcode: sent);

        Assert.Equal(stored, address.Postcode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("B1 1A")]
    [InlineData("B1 1AAA")]
    [InlineData("not a postcode")]
    [InlineData("1B 1AA")]
    public async Task A_postcode_that_is_not_the_shape_of_a_uk_postcode_is_refused(string postcode)
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(postcode: postcode))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["postcode"], problem.ErrorFields());
    }

    [Fact]
    public async Task No_fixed_abode_needs_no_postcode_but_a_home_does()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var home = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(type: "Home", postcode: null))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["postcode"], home.ErrorFields());

        var nfa = await TestData.Created<AddressDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(type: "NoFixedAbode", postcode: null)));
        Assert.Equal((AddressType.NoFixedAbode, null), (nfa.Type, nfa.Postcode));
    }

    [Fact]
    public async Task An_address_cannot_start_in_the_future_or_end_before_it_starts()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var future = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(startDate: app.Today.AddDays(1).ToString("yyyy-MM-dd"))))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startDate"], future.ErrorFields());

        var backwards = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/addresses", AddressBody(startDate: "2026-03-01", endDate: "2026-02-28")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["endDate"], backwards.ErrorFields());
    }

    [Fact]
    public async Task An_address_is_corrected_with_the_version_it_was_read_at()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var address = await TestData.CreateAddressAsync(client, person.Crn);
        var url = $"/api/v1/people/{person.Crn}/addresses/{address.Id}";
        var corrected = AddressBody(postcode: "b11bb", startDate: "2025-03-01");

        await (await client.PutJsonAsync(url, corrected, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await client.PutJsonAsync(url, corrected, version: 1)).ReadAsync<AddressDto>();
        Assert.Equal(("B1 1BB", 2), (saved.Postcode, saved.Version));
        await (await client.PutJsonAsync(url, corrected, version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task An_address_or_marker_reached_through_another_person_or_an_unknown_crn_is_not_found()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var other = await TestData.CreatePersonAsync(client);
        var address = await TestData.CreateAddressAsync(client, person.Crn);
        var marker = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "ChildProtection", startDate = "2026-01-01" }));

        await (await client.GetAsync($"/api/v1/people/{other.Crn}/addresses/{address.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutJsonAsync($"/api/v1/people/{other.Crn}/addresses/{address.Id}", AddressBody(), version: 1)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/people/{other.Crn}/markers/{marker.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutJsonAsync($"/api/v1/people/{other.Crn}/markers/{marker.Id}", new { type = "ChildProtection", startDate = "2026-01-01" }, version: 1))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/people/Z999999/addresses", AddressBody())).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/people/Z999999/markers", new { type = "ChildProtection", startDate = "2026-01-01" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/people/Z999999/markers")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(address, await (await client.GetAsync($"/api/v1/people/{person.Crn}/addresses/{address.Id}")).ReadAsync<AddressDto>());
        Assert.Equal(marker, await (await client.GetAsync($"/api/v1/people/{person.Crn}/markers/{marker.Id}")).ReadAsync<MarkerDto>());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public async Task A_mappa_marker_with_a_level_from_1_to_3_and_a_category_from_1_to_4_is_recorded(int level, int category)
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var marker = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new
        {
            type = "Mappa", mappaLevel = level, mappaCategory = category, startDate = "2026-09-01",
        }));

        Assert.Equal((MarkerType.Mappa, level, category), (marker.Type, marker.MappaLevel, marker.MappaCategory));
    }

    [Theory]
    [InlineData(null, null, new[] { "mappaCategory", "mappaLevel" })]
    [InlineData(0, 1, new[] { "mappaLevel" })]
    [InlineData(4, 1, new[] { "mappaLevel" })]
    [InlineData(1, 0, new[] { "mappaCategory" })]
    [InlineData(1, 5, new[] { "mappaCategory" })]
    [InlineData(null, 2, new[] { "mappaLevel" })]
    [InlineData(2, null, new[] { "mappaCategory" })]
    public async Task A_mappa_marker_needs_a_level_from_1_to_3_and_a_category_from_1_to_4(int? level, int? category, string[] fields)
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "Mappa", mappaLevel = level, mappaCategory = category, startDate = "2026-09-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(fields, problem.ErrorFields().Order());
    }

    [Fact]
    public async Task A_mappa_level_on_a_marker_that_is_not_mappa_is_refused()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "DomesticAbuse", mappaLevel = 2, startDate = "2026-09-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["mappaLevel"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_other_marker_needs_a_description()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "Other", description = "  ", startDate = "2026-09-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["description"], problem.ErrorFields());

        var described = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "Other", description = " Arson risk ", startDate = "2026-09-01" }));
        Assert.Equal("Arson risk", described.Description);
    }

    [Fact]
    public async Task A_marker_records_who_added_it_and_when_from_the_signed_in_user_and_the_clock()
    {
        var userName = await app.CreateUserAsync(Roles.CourtOfficer);
        var client = await app.ClientForUserAsync(userName);
        var person = await TestData.CreatePersonAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new
        {
            type = "DomesticAbuse", startDate = "2026-11-23", addedBy = "someone-else",
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest); // who added it is not the client's to say
        Assert.Equal(["addedBy"], problem.ErrorFields());

        var marker = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "DomesticAbuse", startDate = "2026-11-23" }));
        Assert.Equal(userName, marker.AddedBy);
        Assert.Equal(AppFixture.Now, marker.AddedAt);
        var read = await (await client.GetAsync($"/api/v1/people/{person.Crn}/markers/{marker.Id}")).ReadAsync<MarkerDto>();
        Assert.Equal(userName, read.AddedBy);
    }

    [Fact]
    public async Task A_marker_is_ended_not_deleted_and_the_active_filter_leaves_ended_markers_out()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var url = $"/api/v1/people/{person.Crn}/markers";
        var childProtection = await TestData.Created<MarkerDto>(await client.PostJsonAsync(url, new { type = "ChildProtection", startDate = "2025-01-10" }));
        var domesticAbuse = await TestData.Created<MarkerDto>(await client.PostJsonAsync(url, new { type = "DomesticAbuse", startDate = "2025-06-01" }));
        var endsToday = await TestData.Created<MarkerDto>(await client.PostJsonAsync(url, new { type = "Safeguarding", startDate = "2025-07-01", endDate = "2026-11-23" }));

        var ended = await (await client.PutJsonAsync($"{url}/{domesticAbuse.Id}", new { type = "DomesticAbuse", startDate = "2025-06-01", endDate = "2026-11-22" }, version: 1))
            .ReadAsync<MarkerDto>();
        Assert.Equal((new DateOnly(2026, 11, 22), 2), (ended.EndDate, ended.Version));

        var active = await (await client.GetAsync($"{url}?active=true")).ReadAsync<PagedList<MarkerDto>>();
        Assert.Equal([childProtection.Id, endsToday.Id], active.Items.Select(m => m.Id));
        var inactive = await (await client.GetAsync($"{url}?active=false")).ReadAsync<PagedList<MarkerDto>>();
        Assert.Equal(domesticAbuse.Id, Assert.Single(inactive.Items).Id);
        var all = await (await client.GetAsync(url)).ReadAsync<PagedList<MarkerDto>>();
        Assert.Equal([childProtection.Id, domesticAbuse.Id, endsToday.Id], all.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_marker_cannot_start_in_the_future_or_end_before_it_starts()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var future = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "ChildProtection", startDate = "2026-11-24" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startDate"], future.ErrorFields());
        var backwards = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/markers", new { type = "ChildProtection", startDate = "2026-03-01", endDate = "2026-02-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["endDate"], backwards.ErrorFields());
    }

    [Fact]
    public async Task The_person_record_shows_the_current_address_and_only_the_active_markers()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        Assert.Null(person.CurrentAddress);
        Assert.Empty(person.ActiveMarkers);
        var url = $"/api/v1/people/{person.Crn}";
        await TestData.CreateAddressAsync(client, person.Crn, startDate: "2024-01-01");
        var current = await TestData.CreateAddressAsync(client, person.Crn, startDate: "2026-02-01", postcode: "WS1 1AB");
        await TestData.Created<MarkerDto>(await client.PostJsonAsync($"{url}/markers", new { type = "Safeguarding", startDate = "2024-01-01", endDate = "2025-12-31" }));
        var mappa = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"{url}/markers", new { type = "Mappa", mappaLevel = 2, mappaCategory = 1, startDate = "2026-03-01" }));
        var domesticAbuse = await TestData.Created<MarkerDto>(await client.PostJsonAsync($"{url}/markers", new { type = "DomesticAbuse", startDate = "2025-04-01" }));

        var read = await (await client.GetAsync(url)).ReadAsync<PersonDto>();

        Assert.Equal(current, read.CurrentAddress);
        Assert.Equal([domesticAbuse, mappa], read.ActiveMarkers);
    }

    [Fact]
    public async Task A_person_whose_only_address_has_ended_has_no_current_address()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        await TestData.CreateAddressAsync(client, person.Crn, startDate: "2024-01-01", endDate: "2026-11-22");

        var read = await (await client.GetAsync($"/api/v1/people/{person.Crn}")).ReadAsync<PersonDto>();

        Assert.Null(read.CurrentAddress);
    }

    [Fact]
    public async Task An_analyst_may_not_read_addresses_or_markers()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var analyst = await app.ClientForAsync(Roles.PerformanceAnalyst);

        await (await analyst.GetAsync($"/api/v1/people/{person.Crn}/addresses")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await analyst.GetAsync($"/api/v1/people/{person.Crn}/markers")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Dictionary<string, object?> AddressBody(string type = "Home", string? postcode = "B1 1AA", string startDate = "2025-03-01", string? endDate = null) => new()
    {
        ["type"] = type,
        ["line1"] = "1 Test Street",
        ["town"] = "Birmingham",
        ["postcode"] = postcode,
        ["startDate"] = startDate,
        ["endDate"] = endDate,
    };
}

public sealed class AddressAndMarkerApiTests_Sqlite(SqliteApp app) : AddressAndMarkerApiTests(app), IClassFixture<SqliteApp>;

public sealed class AddressAndMarkerApiTests_Postgres(PostgresApp app) : AddressAndMarkerApiTests(app), IClassFixture<PostgresApp>;
