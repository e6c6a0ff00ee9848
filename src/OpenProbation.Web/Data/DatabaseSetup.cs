using Microsoft.EntityFrameworkCore;

namespace OpenProbation.Web.Data;

/// <summary>Which database to use, from configuration.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses and prepares the database. <c>OpenProbation:Database:Provider</c> is <c>Sqlite</c> (default) or
/// <c>Postgres</c>; the connection string is <c>ConnectionStrings:OpenProbation</c>, defaulting for SQLite to
/// <c>data/openprobation.db</c> under the working directory.
/// </summary>
public static class DatabaseSetup
{
    public const string ProviderKey = "OpenProbation:Database:Provider";
    public const string ConnectionStringName = "OpenProbation";
    public const string DefaultSqliteFile = "data/openprobation.db";

    private static readonly SqlitePragmas SqlitePragmasInstance = new();

    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            || value.Equals("npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"{ProviderKey} must be Sqlite or Postgres, not '{value}'.");
    }

    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (Provider(configuration) == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Set ConnectionStrings:OpenProbation (environment variable ConnectionStrings__OpenProbation) to use PostgreSQL.")
                : configured;
        }

        return string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured;
    }

    /// <summary>
    /// Registers both provider contexts, chosen when first resolved rather than now: test hosts add their
    /// configuration after the application has registered its services.
    /// </summary>
    public static IServiceCollection AddOpenProbationDatabase(this IServiceCollection services)
    {
        services.AddDbContext<SqliteOpenProbationDbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>()), o => o.CommandTimeout(120))
                .AddInterceptors(SqlitePragmasInstance));
        services.AddDbContext<PostgresOpenProbationDbContext>((sp, options) =>
            options.UseNpgsql(ConnectionString(sp.GetRequiredService<IConfiguration>()), o => o.CommandTimeout(120)));
        services.AddScoped<OpenProbationDbContext>(sp =>
            Provider(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresOpenProbationDbContext>()
                : sp.GetRequiredService<SqliteOpenProbationDbContext>());
        return services;
    }

    /// <summary>Creates the SQLite folder if needed and applies any pending migrations.</summary>
    public static async Task MigrateAsync(OpenProbationDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(folder) && source != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while one writer saves.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>True when the database answers and has every migration applied.</summary>
    public static async Task<bool> IsReadyAsync(OpenProbationDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            return await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
#pragma warning disable CA1031 // Any failure to reach the database means "not ready".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
