using Microsoft.Data.Sqlite;
using Npgsql;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, real database for one test class: a temporary SQLite file, or a new database on the PostgreSQL
/// server named by OPENPROBATION_TEST_POSTGRES (the test script starts one). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "OPENPROBATION_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>The configuration that points OpenProbation at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseSetup.ProviderKey] = Provider.ToString(),
        ["ConnectionStrings:" + DatabaseSetup.ConnectionStringName] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = $"op_test_{Guid.NewGuid():N}";
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", path);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {PostgresVariable} to an admin connection string, or run the tests with ./build.sh test, which starts one.");
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(provider, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { Name, Name + "-wal", Name + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
