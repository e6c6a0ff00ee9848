using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenProbation.Web.Data;

/// <summary>The SQLite flavour: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteOpenProbationDbContext(DbContextOptions<SqliteOpenProbationDbContext> options) : OpenProbationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset or decimal stored as text; store them as numbers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The PostgreSQL flavour for production. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresOpenProbationDbContext(DbContextOptions<PostgresOpenProbationDbContext> options) : OpenProbationDbContext(options);

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
