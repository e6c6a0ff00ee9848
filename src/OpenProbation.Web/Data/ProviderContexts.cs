using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenProbation.Web.Data;

/// <summary>The SQLite flavour: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteOpenProbationDbContext(
    DbContextOptions<SqliteOpenProbationDbContext> options, Features.Audit.AuditActor? actor = null, TimeProvider? clock = null)
    : OpenProbationDbContext(options, actor, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset or decimal stored as text; store them as numbers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The PostgreSQL flavour for production. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresOpenProbationDbContext(
    DbContextOptions<PostgresOpenProbationDbContext> options, Features.Audit.AuditActor? actor = null, TimeProvider? clock = null)
    : OpenProbationDbContext(options, actor, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Name search is "contains" (LIKE '%word%'): a trigram index answers it without reading every person.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Domain.People.Person>().HasIndex(p => p.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

/// <summary>
/// SQLite connection settings that do not persist in the file. In write-ahead-log mode, synchronous=NORMAL is
/// durable against a crash of the process and only risks the last commits on power loss, and saves an fsync per commit.
/// </summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOpenProbationDbContext>
{
    public SqliteOpenProbationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOpenProbationDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context; no server is contacted to add a migration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOpenProbationDbContext>
{
    public PostgresOpenProbationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOpenProbationDbContext>().UseNpgsql("Host=localhost;Database=openprobation").Options);
}
