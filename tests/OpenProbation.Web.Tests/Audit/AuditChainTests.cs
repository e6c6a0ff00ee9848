using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Tests.Cli;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Audit;

/// <summary>
/// The hash chain (issue: events are hash-chained; <c>openprobation audit verify</c> reports the first broken link
/// after any tampering). Each test has its own database, since tampering breaks the chain for everything after.
/// </summary>
public abstract class AuditChainTests(DatabaseProvider provider)
{
    private const int Regions = 12;

    [Fact]
    public async Task Verify_reports_an_untouched_trail_intact_with_its_event_count()
    {
        var (database, cli) = await SeededAsync();
        await using var _ = database;

        var result = await cli.RunAsync("audit", "verify");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Audit trail intact: {Regions + 1} events", result.Output.Trim());
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_event()
    {
        var (database, _) = await SeededAsync();
        await using var __ = database;
        await using var db = Open(database);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 3"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3"));
        Assert.Equal(Regions + 1, await db.AuditEvents.CountAsync());
        Assert.True((await AuditChain.VerifyAsync(db, null, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Changing_a_field_of_a_middle_event_is_reported_as_a_hash_mismatch_at_that_event()
    {
        var (database, cli) = await SeededAsync();
        await using var _ = database;
        var id = await TamperAsync(database, "UPDATE \"AuditEvents\" SET \"After\" = 'forged' WHERE \"Sequence\" = 5");

        var result = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Audit trail broken at sequence 5 (event id {id}): hash mismatch.", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 events before it are intact.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_event_and_recomputing_its_hash_is_reported_as_a_broken_link_at_the_next_event()
    {
        var (database, cli) = await SeededAsync();
        await using var _ = database;
        await using (var db = Open(database))
        {
            var forged = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 5);
            forged.Actor = "mallory";
            await TamperAsync(database, $"UPDATE \"AuditEvents\" SET \"Actor\" = 'mallory', \"Hash\" = '{AuditChain.ComputeHash(forged)}' WHERE \"Sequence\" = 5");
        }

        var id = await IdOfAsync(database, 6);
        var result = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Audit trail broken at sequence 6 (event id {id}): broken link.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_middle_event_is_reported_as_a_sequence_gap_at_the_event_after_it()
    {
        var (database, cli) = await SeededAsync();
        await using var _ = database;
        await TamperAsync(database, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 7");
        var id = await IdOfAsync(database, 8);

        var result = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"Audit trail broken at sequence 8 (event id {id}): sequence gap. Expected sequence 7, found 8", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_last_event_is_reported_as_a_hash_mismatch_and_deleting_it_as_a_head_mismatch()
    {
        var (database, cli) = await SeededAsync();
        await using var _ = database;
        const int Last = Regions + 1;
        var id = await TamperAsync(database, $"UPDATE \"AuditEvents\" SET \"Source\" = '203.0.113.9' WHERE \"Sequence\" = {Last}");

        var changed = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, changed.ExitCode);
        Assert.StartsWith($"Audit trail broken at sequence {Last} (event id {id}): hash mismatch.", changed.Output, StringComparison.Ordinal);

        await TamperAsync(database, $"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {Last}");
        var deleted = await cli.RunAsync("audit", "verify");
        Assert.Equal(1, deleted.ExitCode);
        Assert.StartsWith($"Audit trail broken at sequence {Last}: head mismatch.", deleted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_whose_audit_event_cannot_be_written_is_not_saved_either()
    {
        var (database, _) = await SeededAsync();
        await using var __ = database;
        await using var db = Open(database);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditChainHeads\"");

        db.Regions.Add(new Region { Code = "LOST", Name = "Never saved" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var check = Open(database);
        Assert.False(await check.Regions.AnyAsync(r => r.Code == "LOST"));
    }

    /// <summary>A migrated database whose chain is one summary event and <see cref="Regions"/> region creations.</summary>
    private async Task<(TestDatabase Database, CliRunner Cli)> SeededAsync()
    {
        var (database, cli) = await CliRunner.CreateAsync(provider);
        Assert.Equal(0, (await cli.RunAsync("migrate")).ExitCode);
        await using var db = Open(database);
        AuditTrail.RecordBulkLoad(db, "test", new Dictionary<string, int> { ["rows"] = 0 });
        await db.SaveChangesAsync();
        for (var i = 0; i < Regions; i++)
        {
            db.Regions.Add(new Region { Code = $"R{i}", Name = $"Region {i}" });

            // Both ways of saving write to the same chain.
            if (i % 2 == 0)
            {
                db.SaveChanges();
            }
            else
            {
                await db.SaveChangesAsync();
            }
        }

        return (database, cli);
    }

    /// <summary>Runs SQL as an attacker with database rights would: with the append-only triggers out of the way.</summary>
    private async Task<long> TamperAsync(TestDatabase database, string sql)
    {
        await using var db = Open(database);
        var sequence = long.Parse(System.Text.RegularExpressions.Regex.Match(sql, "\"Sequence\" = (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var id = await IdOfAsync(database, sequence);
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEvents_no_update\"; DROP TRIGGER IF EXISTS \"AuditEvents_no_delete\";");
        }

#pragma warning disable EF1002 // Test-only SQL written above, not user input.
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(sql));
#pragma warning restore EF1002
        return id;
    }

    private static async Task<long> IdOfAsync(TestDatabase database, long sequence)
    {
        await using var db = Open(database);
        return await db.AuditEvents.Where(e => e.Sequence == sequence).Select(e => e.Id).SingleAsync();
    }

    internal static OpenProbationDbContext Open(TestDatabase database) =>
        database.Provider == DatabaseProvider.Postgres
            ? new PostgresOpenProbationDbContext(new DbContextOptionsBuilder<PostgresOpenProbationDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteOpenProbationDbContext(new DbContextOptionsBuilder<SqliteOpenProbationDbContext>().UseSqlite(database.ConnectionString).Options);
}

public sealed class AuditChainTests_Sqlite() : AuditChainTests(DatabaseProvider.Sqlite);

public sealed class AuditChainTests_Postgres() : AuditChainTests(DatabaseProvider.Postgres);

/// <summary>Writers on several connections at once keep one gapless, intact chain (the head row serialises them).</summary>
public abstract class AuditConcurrencyTests(AppFixture app)
{
    [Fact]
    public async Task Eight_parallel_writers_of_twenty_changes_each_leave_an_intact_gapless_chain()
    {
        const int Writers = 8, Changes = 20;
        var before = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        var prefix = TestData.Unique("C")[..8];
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Changes; i++)
            {
                await app.WithDbAsync(async db =>
                {
                    db.Regions.Add(new Region { Code = $"{prefix}{w}-{i}", Name = "Concurrent region" });
                    await db.SaveChangesAsync();
                });
            }
        })));

        await app.WithDbAsync(async db =>
        {
            var sequences = await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal(before + (Writers * Changes), sequences.Count);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
            Assert.Equal(Writers * Changes, await db.AuditEvents.CountAsync(e => e.EntityType == "Region" && e.After!.Contains(prefix)));
            var verification = await AuditChain.VerifyAsync(db, null, CancellationToken.None);
            Assert.True(verification.Intact, verification.Detail);
            Assert.Equal(sequences.Count, verification.Events);
        });
    }
}

public sealed class AuditConcurrencyTests_Sqlite(SqliteApp app) : AuditConcurrencyTests(app), IClassFixture<SqliteApp>;

public sealed class AuditConcurrencyTests_Postgres(PostgresApp app) : AuditConcurrencyTests(app), IClassFixture<PostgresApp>;
