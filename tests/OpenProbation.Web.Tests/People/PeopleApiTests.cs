using System.Net;
using OpenProbation.Domain.People;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.People;

public abstract class PeopleApiTests(AppFixture app)
{
    [Fact]
    public async Task Creating_a_person_generates_a_unique_crn_and_the_record_reads_back()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var created = await TestData.CreatePersonAsync(client, "Jordan", "Createtest");

        Assert.True(Crn.IsValid(created.Crn));
        var read = await client.GetAsync($"/api/v1/people/{created.Crn}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var person = await read.ReadAsync<PersonDto>();
        Assert.Equal("Jordan", person.FirstName);
        Assert.Equal("Createtest", person.LastName);
        Assert.Equal(new DateOnly(1990, 5, 17), person.DateOfBirth);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Search_finds_people_by_partial_name_in_any_case_by_crn_and_by_date_of_birth()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var surname = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var first = await TestData.CreatePersonAsync(client, "Morgan", surname, "1985-03-12");
        var second = await TestData.CreatePersonAsync(client, "Riley", surname + "son", "1985-03-12");

        var byPartName = await (await client.GetAsync($"/api/v1/people?q={surname[..6].ToUpperInvariant()}")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal(new[] { first.Crn, second.Crn }.Order(), byPartName.Items.Select(p => p.Crn).Order());
        Assert.Equal(2, byPartName.Total);

        var byFullName = await (await client.GetAsync($"/api/v1/people?q=riley%20{surname}")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal(second.Crn, Assert.Single(byFullName.Items).Crn);

        var byCrn = await (await client.GetAsync($"/api/v1/people?q={first.Crn.ToLowerInvariant()}")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal(first.Crn, Assert.Single(byCrn.Items).Crn);

        var byDob = await (await client.GetAsync($"/api/v1/people?name={surname}&dateOfBirth=1985-03-12")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal(2, byDob.Total);

        var byUkDate = await (await client.GetAsync($"/api/v1/people?q=12/03/1985&name={surname}son")).ReadAsync<PagedList<PersonSummaryDto>>();
        Assert.Equal(second.Crn, Assert.Single(byUkDate.Items).Crn);
    }

    [Fact]
    public async Task An_update_needs_the_current_version_and_a_stale_one_is_refused_without_losing_the_first_change()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var person = await TestData.CreatePersonAsync(client, "Casey", "Versiontest");
        var change = new { firstName = "Casey", lastName = "Versiontest", dateOfBirth = "1990-05-17", gender = "Male", phone = "07700 900123" };

        var missing = await client.PutJsonAsync($"/api/v1/people/{person.Crn}", change, version: null);
        await missing.ProblemAsync((HttpStatusCode)428);

        var first = await client.PutJsonAsync($"/api/v1/people/{person.Crn}", change, version: 1);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await first.ReadAsync<PersonDto>()).Version);

        var stale = await client.PutJsonAsync($"/api/v1/people/{person.Crn}", change with { }, version: 1);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);

        var read = await (await client.GetAsync($"/api/v1/people/{person.Crn}")).ReadAsync<PersonDto>();
        Assert.Equal("07700 900123", read.Phone);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Invalid_details_get_field_level_problems_and_nothing_is_saved()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var before = await app.WithDbAsync(db => Task.FromResult(db.People.Count()));
        var response = await client.PostJsonAsync("/api/v1/people", new { firstName = "", lastName = new string('x', 101), dateOfBirth = "2030-01-01", email = "not-an-email" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["dateOfBirth", "email", "firstName", "gender", "lastName"], problem.ErrorFields().Order().ToArray());
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.People.Count())));
    }

    [Fact]
    public async Task An_unknown_or_malformed_crn_is_not_found()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        await (await client.GetAsync("/api/v1/people/Z999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/people/not-a-crn")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Calls_without_a_token_or_with_a_revoked_one_are_refused()
    {
        var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/v1/people?q=a")).ProblemAsync(HttpStatusCode.Unauthorized);

        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        await app.WithDbAsync(async db =>
        {
            foreach (var token in db.ApiTokens)
            {
                token.RevokedAt = app.Clock.GetUtcNow();
            }

            await db.SaveChangesAsync();
        });
        await (await client.GetAsync("/api/v1/people?q=a")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_analyst_cannot_read_case_records()
    {
        var client = await app.ClientForAsync(Roles.PerformanceAnalyst);
        await (await client.GetAsync("/api/v1/people?q=a")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class PeopleApiTests_Sqlite(SqliteApp app) : PeopleApiTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleApiTests_Postgres(PostgresApp app) : PeopleApiTests(app), IClassFixture<PostgresApp>;
