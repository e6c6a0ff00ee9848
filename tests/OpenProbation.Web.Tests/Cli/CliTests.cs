using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;
using OpenProbation.Web.Features.Transfer;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Cli;

public abstract class CliTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Migrate_creates_the_database_and_then_reports_it_up_to_date()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;

        var first = await cli.RunAsync("migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied", first.Output, StringComparison.Ordinal);

        var second = await cli.RunAsync("migrate");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_creates_a_user_per_role_and_token_create_prints_only_a_working_token()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;

        var demo = await cli.RunAsync("demo", "--scenario", "small", "--people", "150", "--seed", "3");
        Assert.True(demo.ExitCode == 0, demo.Error);

        await using (var db = Open(database))
        {
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               join u in db.Users on ur.UserId equals u.Id
                               select new { u.UserName, r.Name }).ToListAsync();
            foreach (var (user, role) in DemoGenerator.DemoUsers)
            {
                Assert.Contains(roles, x => x.UserName == user && x.Name == role);
            }

            Assert.Equal(Roles.All.Order(), roles.Select(r => r.Name!).Distinct().Order());
            Assert.Equal(150, await db.People.CountAsync());
        }

        var token = await cli.RunAsync("token", "create", "--user", "demo-po");
        Assert.Equal(0, token.ExitCode);
        var lines = token.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var secret = Assert.Single(lines).Trim();
        Assert.StartsWith("op_", secret, StringComparison.Ordinal);

        await using (var db = Open(database))
        {
            var hash = ApiTokens.Hash(secret);
            Assert.True(await db.ApiTokens.AnyAsync(t => t.TokenHash == hash && t.User!.UserName == "demo-po"));
        }

        var listed = await cli.RunAsync("token", "list", "--user", "demo-po");
        Assert.Contains(secret[..10], listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_create_for_an_unknown_user_fails_and_prints_nothing_on_standard_output()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        var result = await cli.RunAsync("token", "create", "--user", "nobody");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("nobody", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_refuses_a_database_that_already_holds_data_unless_reset()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        Assert.Equal(0, (await cli.RunAsync("demo", "--scenario", "small", "--people", "40")).ExitCode);

        var again = await cli.RunAsync("demo", "--scenario", "small", "--people", "60");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds data", again.Error, StringComparison.Ordinal);
        await using (var db = Open(database))
        {
            Assert.Equal(40, await db.People.CountAsync());
        }

        var reset = await cli.RunAsync("demo", "--scenario", "small", "--people", "60", "--reset");
        Assert.True(reset.ExitCode == 0, reset.Error);
        await using (var db = Open(database))
        {
            Assert.Equal(60, await db.People.CountAsync());
        }
    }

    [Fact]
    public async Task Demo_rejects_an_unknown_scenario_and_a_bad_size()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        Assert.Equal(2, (await cli.RunAsync("demo", "--scenario", "atlantis")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("demo", "--people", "0")).ExitCode);
    }

    [Fact]
    public async Task Token_create_records_the_scope_asked_for_and_refuses_an_unknown_one()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        Assert.Equal(0, (await cli.RunAsync("user", "create", "--user", "reader", "--role", "probation-officer", "--password", "Long-enough-pw-1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("token", "create", "--user", "reader", "--scope", "read")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("token", "create", "--user", "reader")).ExitCode);
        var unknown = await cli.RunAsync("token", "create", "--user", "reader", "--scope", "admin");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("", unknown.Output);

        var listed = await cli.RunAsync("token", "list", "--user", "reader");
        Assert.Contains("\tread\t", listed.Output, StringComparison.Ordinal);
        Assert.Contains("\tread write\t", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_create_makes_an_account_that_can_be_given_a_token()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        var created = await cli.RunAsync("user", "create", "--user", "jo.bloggs", "--role", "senior-probation-officer", "--password", "Long-enough-pw-1");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal(0, (await cli.RunAsync("token", "create", "--user", "jo.bloggs")).ExitCode);

        var weak = await cli.RunAsync("user", "create", "--user", "weak", "--role", "probation-officer", "--password", "short");
        Assert.Equal(1, weak.ExitCode);
        var badRole = await cli.RunAsync("user", "create", "--user", "x", "--role", "wizard", "--password", "Long-enough-pw-1");
        Assert.Equal(2, badRole.ExitCode);
    }

    [Fact]
    public async Task Demo_is_deterministic_the_same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        var (first, cliA) = await CliRunner.CreateAsync(provider);
        var (second, cliB) = await CliRunner.CreateAsync(provider);
        var (third, cliC) = await CliRunner.CreateAsync(provider);
        await using var a = first;
        await using var b = second;
        await using var c = third;
        using var folder = new TempFolder();

        Assert.Equal(0, (await cliA.RunAsync("demo", "--scenario", "small", "--people", "400", "--seed", "42")).ExitCode);
        Assert.Equal(0, (await cliB.RunAsync("demo", "--scenario", "small", "--people", "400", "--seed", "42")).ExitCode);
        Assert.Equal(0, (await cliC.RunAsync("demo", "--scenario", "small", "--people", "400", "--seed", "43")).ExitCode);
        Assert.Equal(0, (await cliA.RunAsync("export", "--out", folder.Path("a"))).ExitCode);
        Assert.Equal(0, (await cliB.RunAsync("export", "--out", folder.Path("b"))).ExitCode);
        Assert.Equal(0, (await cliC.RunAsync("export", "--out", folder.Path("c"))).ExitCode);

        foreach (var file in CsvTransfer.Files)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(folder.Path("a"), file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path("b"), file))),
                $"{file} differs between two runs with the same seed");
        }

        Assert.NotEqual(File.ReadAllText(Path.Combine(folder.Path("a"), "people.csv")), File.ReadAllText(Path.Combine(folder.Path("c"), "people.csv")));
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_then_export_again_loses_nothing()
    {
        var (source, cliA) = await CliRunner.CreateAsync(provider);
        var (target, cliB) = await CliRunner.CreateAsync(provider);
        await using var a = source;
        await using var b = target;
        using var folder = new TempFolder();

        Assert.Equal(0, (await cliA.RunAsync("demo", "--scenario", "small", "--people", "500", "--seed", "5")).ExitCode);
        var exported = await cliA.RunAsync("export", "--out", folder.Path("first"));
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("people.csv", exported.Output, StringComparison.Ordinal);

        var imported = await cliB.RunAsync("import", "--from", folder.Path("first"));
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(0, (await cliB.RunAsync("export", "--out", folder.Path("second"))).ExitCode);

        foreach (var file in CsvTransfer.Files)
        {
            var before = File.ReadAllBytes(Path.Combine(folder.Path("first"), file));
            Assert.True(before.Length > 0);
            Assert.True(before.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path("second"), file))), $"{file} changed in the round trip");
        }

        // Importing the same people again is refused as a whole, with the reasons on standard error.
        var again = await cliB.RunAsync("import", "--from", folder.Path("first"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("people.csv line 2, crn", again.Error, StringComparison.Ordinal);
    }

    /// <summary>The demo region has the shape the sources describe (PRACTICE.md section 4: PO 18–102, PSO 14–168).</summary>
    [Fact]
    public async Task The_demo_region_has_realistic_caseloads_markers_and_allocation()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        await using var _ = database;
        Assert.Equal(0, (await cli.RunAsync("demo", "--people", "3000", "--seed", "11")).ExitCode);

        await using var db = Open(database);
        var caseloads = await db.Assignments.Where(a => a.ToDate == null)
            .GroupBy(a => new { a.StaffMemberId, a.StaffMember!.Grade })
            .Select(g => new { g.Key.Grade, People = g.Select(a => a.Order!.PersonId).Distinct().Count() })
            .ToListAsync();
        var po = caseloads.Where(c => c.Grade == Domain.Organisation.StaffGrade.ProbationOfficer).Select(c => c.People).ToList();
        var pso = caseloads.Where(c => c.Grade == Domain.Organisation.StaffGrade.ProbationServiceOfficer).Select(c => c.People).ToList();
        Assert.NotEmpty(po);
        Assert.NotEmpty(pso);
        Assert.True(po.Max() <= 102, $"PO caseload {po.Max()}");
        Assert.True(pso.Max() <= 168, $"PSO caseload {pso.Max()}");
        Assert.True(pso.Max() > 80, "PSO caseloads should reach the high levels the sources describe");

        var people = await db.People.CountAsync();
        var unallocated = await db.Orders.CountAsync(o => (o.Status == Domain.Orders.OrderStatus.Active || o.Status == Domain.Orders.OrderStatus.Breached)
            && !o.Assignments.Any(a => a.ToDate == null));
        Assert.InRange(unallocated, 1, people / 20);

        var domesticAbuse = await db.Markers.CountAsync(m => m.Type == Domain.People.MarkerType.DomesticAbuse);
        Assert.InRange(domesticAbuse, people / 5, people * 2 / 5);

        // Higher-risk markers go to probation officers first.
        var riskyToPso = await db.Assignments.CountAsync(a => a.ToDate == null
            && a.StaffMember!.Grade != Domain.Organisation.StaffGrade.ProbationOfficer
            && a.Order!.Person!.Markers.Any(m => m.Type == Domain.People.MarkerType.Mappa));
        var risky = await db.Assignments.CountAsync(a => a.ToDate == null && a.Order!.Person!.Markers.Any(m => m.Type == Domain.People.MarkerType.Mappa));
        Assert.True(riskyToPso * 4 < risky, $"{riskyToPso} of {risky} MAPPA cases are held by non-POs");

        var absentToday = await db.Absences.CountAsync(a => a.StartDate <= new DateOnly(2026, 11, 23) && a.EndDate >= new DateOnly(2026, 11, 23));
        Assert.True(absentToday > 0);
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("openprobation-cli-").FullName;

        public string Path(string name) => System.IO.Path.Combine(_root, name);

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }

    private static OpenProbationDbContext Open(TestDatabase database) =>
        database.Provider == DatabaseProvider.Postgres
            ? new PostgresOpenProbationDbContext(new DbContextOptionsBuilder<PostgresOpenProbationDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteOpenProbationDbContext(new DbContextOptionsBuilder<SqliteOpenProbationDbContext>().UseSqlite(database.ConnectionString).Options);
}

public sealed class CliTests_Sqlite() : CliTests(DatabaseProvider.Sqlite);

public sealed class CliTests_Postgres() : CliTests(DatabaseProvider.Postgres);
