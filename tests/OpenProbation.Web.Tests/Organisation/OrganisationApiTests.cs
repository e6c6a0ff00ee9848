using System.Net;
using System.Text.Json;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Organisation;

/// <summary>Regions, probation delivery units and teams: the organisation that supervises cases.</summary>
public abstract class OrganisationApiTests(AppFixture app)
{
    [Fact]
    public async Task A_region_is_created_with_its_location_an_upper_case_code_and_reads_back_with_an_etag()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var code = TestData.Unique("r-");

        var response = await admin.PostJsonAsync("/api/v1/regions", new { code = code.ToLowerInvariant(), name = "  Wessex  " });

        var created = await TestData.Created<RegionDto>(response);
        Assert.Equal($"/api/v1/regions/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, created.Code);
        Assert.Equal("Wessex", created.Name);
        Assert.Equal(1, created.Version);

        var read = await admin.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<RegionDto>());
    }

    [Fact]
    public async Task A_delivery_unit_and_a_team_are_created_under_their_parents_and_read_back()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var region = await TestData.CreateRegionAsync(admin);

        var unitResponse = await admin.PostJsonAsync("/api/v1/delivery-units", new { regionId = region.Id, code = TestData.Unique("U"), name = "Birmingham North" });
        var unit = await TestData.Created<DeliveryUnitDto>(unitResponse);
        Assert.Equal($"/api/v1/delivery-units/{unit.Id}", unitResponse.Headers.Location?.OriginalString);
        Assert.Equal((region.Id, "Birmingham North", 1), (unit.RegionId, unit.Name, unit.Version));

        var teamResponse = await admin.PostJsonAsync("/api/v1/teams", new { deliveryUnitId = unit.Id, code = TestData.Unique("T"), name = "Erdington OM 2" });
        var team = await TestData.Created<TeamDto>(teamResponse);
        Assert.Equal($"/api/v1/teams/{team.Id}", teamResponse.Headers.Location?.OriginalString);
        Assert.Equal((unit.Id, "Erdington OM 2", 1), (team.DeliveryUnitId, team.Name, team.Version));

        var readUnit = await admin.GetAsync($"/api/v1/delivery-units/{unit.Id}");
        Assert.Equal("\"1\"", readUnit.Headers.ETag?.Tag);
        Assert.Equal(unit, await readUnit.ReadAsync<DeliveryUnitDto>());
        var readTeam = await admin.GetAsync($"/api/v1/teams/{team.Id}");
        Assert.Equal("\"1\"", readTeam.Headers.ETag?.Tag);
        Assert.Equal(team, await readTeam.ReadAsync<TeamDto>());
    }

    [Fact]
    public async Task Lists_come_in_pages_with_the_total_and_the_page_asked_for()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var word = "Pg" + Guid.NewGuid().ToString("N")[..8];
        var a = await TestData.CreateRegionAsync(admin, $"{word} Alpha");
        var b = await TestData.CreateRegionAsync(admin, $"{word} Bravo");
        var c = await TestData.CreateRegionAsync(admin, $"{word} Charlie");

        var first = await admin.GetAsync($"/api/v1/regions?q={word}&page=1&pageSize=2");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var shape = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            Assert.Equal(["items", "page", "pageSize", "total"], shape.RootElement.EnumerateObject().Select(p => p.Name).Order().ToArray());
        }

        var page1 = await first.ReadAsync<PagedList<RegionDto>>();
        Assert.Equal((1, 2, 3), (page1.Page, page1.PageSize, page1.Total));
        Assert.Equal([a.Id, b.Id], page1.Items.Select(r => r.Id));

        var page2 = await (await admin.GetAsync($"/api/v1/regions?q={word}&page=2&pageSize=2")).ReadAsync<PagedList<RegionDto>>();
        Assert.Equal((2, 2, 3), (page2.Page, page2.PageSize, page2.Total));
        Assert.Equal([c.Id], page2.Items.Select(r => r.Id));

        var beyond = await (await admin.GetAsync($"/api/v1/regions?q={word}&page=3&pageSize=2")).ReadAsync<PagedList<RegionDto>>();
        Assert.Empty(beyond.Items);
        Assert.Equal(3, beyond.Total);
    }

    [Fact]
    public async Task Search_text_matches_part_of_a_name_in_any_case_or_a_whole_code()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var word = "Qs" + Guid.NewGuid().ToString("N")[..8];
        var named = await TestData.CreateRegionAsync(admin, $"North {word} Region");
        var other = await TestData.CreateRegionAsync(admin, "Somewhere else");

        var byName = await (await admin.GetAsync($"/api/v1/regions?q={word.ToUpperInvariant()}")).ReadAsync<PagedList<RegionDto>>();
        Assert.Equal(named.Id, Assert.Single(byName.Items).Id);

        var byCode = await (await admin.GetAsync($"/api/v1/regions?q={other.Code.ToLowerInvariant()}")).ReadAsync<PagedList<RegionDto>>();
        Assert.Equal(other.Id, Assert.Single(byCode.Items).Id);

        var partCode = await (await admin.GetAsync($"/api/v1/regions?q={other.Code[..^2]}")).ReadAsync<PagedList<RegionDto>>();
        Assert.DoesNotContain(partCode.Items, r => r.Id == other.Id);
    }

    [Fact]
    public async Task Delivery_units_filter_by_region_and_teams_by_delivery_unit_region_and_text()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var north = await TestData.CreateRegionAsync(admin);
        var south = await TestData.CreateRegionAsync(admin);
        var n1 = await TestData.CreateDeliveryUnitAsync(admin, north.Id, "North One");
        var n2 = await TestData.CreateDeliveryUnitAsync(admin, north.Id, "North Two");
        var s1 = await TestData.CreateDeliveryUnitAsync(admin, south.Id, "South One");
        var t1 = await TestData.CreateTeamAsync(admin, n1.Id, "Alpha team");
        var t2 = await TestData.CreateTeamAsync(admin, n2.Id, "Bravo team");
        var t3 = await TestData.CreateTeamAsync(admin, s1.Id, "Charlie team");

        var northUnits = await (await admin.GetAsync($"/api/v1/delivery-units?regionId={north.Id}")).ReadAsync<PagedList<DeliveryUnitDto>>();
        Assert.Equal([n1.Id, n2.Id], northUnits.Items.Select(u => u.Id));
        var unitsByText = await (await admin.GetAsync($"/api/v1/delivery-units?regionId={north.Id}&q=two")).ReadAsync<PagedList<DeliveryUnitDto>>();
        Assert.Equal(n2.Id, Assert.Single(unitsByText.Items).Id);

        var n1Teams = await (await admin.GetAsync($"/api/v1/teams?deliveryUnitId={n1.Id}")).ReadAsync<PagedList<TeamDto>>();
        Assert.Equal(t1.Id, Assert.Single(n1Teams.Items).Id);
        var northTeams = await (await admin.GetAsync($"/api/v1/teams?regionId={north.Id}")).ReadAsync<PagedList<TeamDto>>();
        Assert.Equal([t1.Id, t2.Id], northTeams.Items.Select(t => t.Id));
        var southTeams = await (await admin.GetAsync($"/api/v1/teams?regionId={south.Id}&q=CHARLIE")).ReadAsync<PagedList<TeamDto>>();
        Assert.Equal(t3.Id, Assert.Single(southTeams.Items).Id);
        var none = await (await admin.GetAsync($"/api/v1/teams?regionId={south.Id}&q=alpha")).ReadAsync<PagedList<TeamDto>>();
        Assert.Equal(0, none.Total);
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("delivery-units")]
    [InlineData("teams")]
    public async Task An_update_with_the_current_version_saves_and_increments_it(string kind)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var (id, body) = await CreateAsync(admin, kind);
        var code = TestData.Unique("N");

        var response = await admin.PutJsonAsync($"/api/v1/{kind}/{id}", body(code, "Renamed"), version: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        using var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, saved.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("Renamed", saved.RootElement.GetProperty("name").GetString());
        Assert.Equal(code, saved.RootElement.GetProperty("code").GetString());

        var read = await admin.GetAsync($"/api/v1/{kind}/{id}");
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("delivery-units")]
    [InlineData("teams")]
    public async Task An_update_with_a_stale_version_is_refused_with_412_and_without_one_with_428(string kind)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var (id, body) = await CreateAsync(admin, kind);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/{kind}/{id}", body(TestData.Unique("N"), "First change"), version: 1)).StatusCode);

        await (await admin.PutJsonAsync($"/api/v1/{kind}/{id}", body(TestData.Unique("N"), "Lost change"), version: 1))
            .ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.PutJsonAsync($"/api/v1/{kind}/{id}", body(TestData.Unique("N"), "Blind change"), version: null))
            .ProblemAsync(HttpStatusCode.PreconditionRequired);

        using var read = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/{kind}/{id}"));
        Assert.Equal("First change", read.RootElement.GetProperty("name").GetString());
        Assert.Equal(2, read.RootElement.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("delivery-units")]
    [InlineData("teams")]
    public async Task A_code_already_in_use_in_any_case_is_refused_on_create_and_update(string kind)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var (firstId, body) = await CreateAsync(admin, kind);
        var (secondId, _) = await CreateAsync(admin, kind);
        var firstCode = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/{kind}/{firstId}")).RootElement.GetProperty("code").GetString()!;

        var duplicate = await (await admin.PostJsonAsync($"/api/v1/{kind}", body(firstCode.ToLowerInvariant(), "Copy"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code"], duplicate.ErrorFields());

        var renamed = await (await admin.PutJsonAsync($"/api/v1/{kind}/{secondId}", body(firstCode, "Copy"), version: 1)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code"], renamed.ErrorFields());

        // Keeping one's own code is not a clash.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/{kind}/{firstId}", body(firstCode, "Same code"), version: 1)).StatusCode);
    }

    [Fact]
    public async Task A_code_with_spaces_or_punctuation_is_refused()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var problem = await (await admin.PostJsonAsync("/api/v1/regions", new { code = "WM D!", name = "West Midlands" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["code"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_parent_that_does_not_exist_is_a_field_error_on_create_and_update()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var before = await CountsAsync();

        var unit = await (await admin.PostJsonAsync("/api/v1/delivery-units", new { regionId = 999_999_999, code = TestData.Unique("U"), name = "Orphan" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["regionId"], unit.ErrorFields());

        var newTeam = await (await admin.PostJsonAsync("/api/v1/teams", new { deliveryUnitId = 999_999_999, code = TestData.Unique("T"), name = "Orphan" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["deliveryUnitId"], newTeam.ErrorFields());

        var moved = await (await admin.PutJsonAsync($"/api/v1/teams/{team.Id}", new { deliveryUnitId = 999_999_999, code = team.Code, name = team.Name }, version: 1))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["deliveryUnitId"], moved.ErrorFields());

        var missing = await (await admin.PostJsonAsync("/api/v1/teams", new { code = TestData.Unique("T"), name = "No unit" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["deliveryUnitId"], missing.ErrorFields());

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(team, await (await admin.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>());
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("delivery-units")]
    [InlineData("teams")]
    public async Task An_unknown_id_in_the_route_is_not_found(string kind)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var (_, body) = await CreateAsync(admin, kind);

        await (await admin.GetAsync($"/api/v1/{kind}/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/{kind}/999999999", body(TestData.Unique("N"), "Nobody"), version: 1)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.SeniorProbationOfficer)]
    [InlineData(Roles.SystemAdministrator)]
    public async Task Managers_and_administrators_may_change_the_organisation(string role)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var unit = await TestData.CreateDeliveryUnitAsync(admin, (await TestData.CreateRegionAsync(admin)).Id);
        var manager = await app.ClientForAsync(role);

        await TestData.Created<RegionDto>(await manager.PostJsonAsync("/api/v1/regions", new { code = TestData.Unique("R"), name = "By a manager" }));
        var team = await TestData.Created<TeamDto>(await manager.PostJsonAsync("/api/v1/teams", new { deliveryUnitId = unit.Id, code = TestData.Unique("T"), name = "By a manager" }));
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync($"/api/v1/teams/{team.Id}", new { deliveryUnitId = unit.Id, code = team.Code, name = "Renamed" }, version: 1)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.ProbationOfficer)]
    [InlineData(Roles.ProbationServiceOfficer)]
    [InlineData(Roles.CaseAdministrator)]
    [InlineData(Roles.PerformanceAnalyst)]
    public async Task Other_roles_may_not_change_the_organisation(string role)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var region = await TestData.CreateRegionAsync(admin);
        var client = await app.ClientForAsync(role);
        var before = await CountsAsync();

        await (await client.PostJsonAsync("/api/v1/regions", new { code = TestData.Unique("R"), name = "Not allowed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/v1/delivery-units", new { regionId = region.Id, code = TestData.Unique("U"), name = "Not allowed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"/api/v1/regions/{region.Id}", new { code = region.Code, name = "Not allowed" }, version: 1)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(region, await (await admin.GetAsync($"/api/v1/regions/{region.Id}")).ReadAsync<RegionDto>());
    }

    [Fact]
    public async Task An_analyst_may_read_the_organisation()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var analyst = await app.ClientForAsync(Roles.PerformanceAnalyst);

        var teams = await (await analyst.GetAsync($"/api/v1/teams?deliveryUnitId={team.DeliveryUnitId}")).ReadAsync<PagedList<TeamDto>>();
        Assert.Equal(team.Id, Assert.Single(teams.Items).Id);
        Assert.Equal(team, await (await analyst.GetAsync($"/api/v1/teams/{team.Id}")).ReadAsync<TeamDto>());
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/delivery-units/{team.DeliveryUnitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/regions")).StatusCode);
    }

    /// <summary>Creates a region, unit or team and returns its id and a body builder (code, name) for that kind.</summary>
    private static async Task<(int Id, Func<string, string, object> Body)> CreateAsync(HttpClient admin, string kind)
    {
        switch (kind)
        {
            case "regions":
                return ((await TestData.CreateRegionAsync(admin)).Id, (code, name) => new { code, name });
            case "delivery-units":
                var region = await TestData.CreateRegionAsync(admin);
                return ((await TestData.CreateDeliveryUnitAsync(admin, region.Id)).Id, (code, name) => new { regionId = region.Id, code, name });
            case "teams":
                var unit = await TestData.CreateDeliveryUnitAsync(admin, (await TestData.CreateRegionAsync(admin)).Id);
                return ((await TestData.CreateTeamAsync(admin, unit.Id)).Id, (code, name) => new { deliveryUnitId = unit.Id, code, name });
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an organisation level");
        }
    }

    private Task<(int Regions, int Units, int Teams)> CountsAsync() =>
        app.WithDbAsync(db => Task.FromResult((db.Regions.Count(), db.DeliveryUnits.Count(), db.Teams.Count())));
}

public sealed class OrganisationApiTests_Sqlite(SqliteApp app) : OrganisationApiTests(app), IClassFixture<SqliteApp>;

public sealed class OrganisationApiTests_Postgres(PostgresApp app) : OrganisationApiTests(app), IClassFixture<PostgresApp>;
