using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Demo;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Access;

/// <summary>
/// The demo region's restricted cases (docs/demo-data.md) show each rule to demo-po, so the browser journey "a
/// restricted case stays invisible to an excluded officer" has data to use.
/// </summary>
public abstract class DemoCaseAccessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = new(AppFixture.Now);
    private TestDatabase? _database;

    [Fact]
    public async Task The_demo_has_restricted_cases_and_an_exclusion_that_each_rule_hides_from_or_shows_to_the_demo_users()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(_database!.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddCoreServices().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
        await DatabaseSetup.MigrateAsync(db);

        var summary = await DemoGenerator.GenerateAsync(scope.ServiceProvider, new DemoOptions(People: 1200, Seed: 9, Scenario: "small"), Clock, null, default);

        Assert.Equal(5, summary.AccessCases.Count);
        var (staffMember, relative, neighbour) = (summary.AccessCases[0], summary.AccessCases[1], summary.AccessCases[2]);
        Assert.True(staffMember.Restricted && relative.Restricted && !neighbour.Restricted);
        Assert.All(summary.AccessCases.Skip(3), c => Assert.True(c.Restricted));

        async Task<HashSet<string>> SeenBy(string userName)
        {
            var role = DemoGenerator.DemoUsers.Single(u => u.UserName == userName).Role;
            var crns = summary.AccessCases.Select(c => c.Crn).ToList();
            return [.. await db.VisiblePeople(Principal(userName, role)).Where(p => crns.Contains(p.Crn)).Select(p => p.Crn).ToListAsync()];
        }

        Assert.Equal([staffMember.Crn], await SeenBy("demo-po"));
        Assert.Equal(summary.AccessCases.Select(c => c.Crn).ToHashSet(), await SeenBy("demo-spo"));
        Assert.Equal([neighbour.Crn], await SeenBy("demo-pso"));
        Assert.Equal([neighbour.Crn], await SeenBy("demo-admin"));
        Assert.Empty(await SeenBy("demo-analyst"));

        // Everyone else's view of the region is untouched: demo-pso sees all but the four restricted cases.
        Assert.Equal(1200 - 4, await db.VisiblePeople(Principal("demo-pso", Roles.ProbationServiceOfficer)).CountAsync());
        Assert.Equal(1200, await db.PeopleWhoseAccessIsManagedBy(Principal("demo-admin", Roles.SystemAdministrator)).CountAsync());
    }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static ClaimsPrincipal Principal(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}

public sealed class DemoCaseAccessTests_Sqlite() : DemoCaseAccessTests(DatabaseProvider.Sqlite);

public sealed class DemoCaseAccessTests_Postgres() : DemoCaseAccessTests(DatabaseProvider.Postgres);
