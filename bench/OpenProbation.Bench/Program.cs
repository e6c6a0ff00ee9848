using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenProbation.Web;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;
using OpenProbation.Web.Features.Users;
using OpenProbation.Web.Security;

// Load run: generate the demo region into a fresh database, then measure person search and single-person reads
// over HTTP against the real application on loopback. Prints one Markdown row per measure.
//   dotnet run -c Release --project bench/OpenProbation.Bench -- --people 13500 --provider Sqlite
//   dotnet run -c Release --project bench/OpenProbation.Bench -- --people 250000 --provider Postgres --connection "Host=...;Username=..."
var people = Arg("--people") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 13_500;
var provider = Enum.Parse<DatabaseProvider>(Arg("--provider") ?? "Sqlite", ignoreCase: true);
var requests = Arg("--requests") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 400;
var adminConnection = Arg("--connection");

var name = $"op_bench_{people}_{DateTime.UtcNow:HHmmss}";
string connectionString;
if (provider == DatabaseProvider.Sqlite)
{
    connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
}
else
{
    ArgumentException.ThrowIfNullOrWhiteSpace(adminConnection, "--connection");
    await using (var connection = new NpgsqlConnection(adminConnection))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name }.ConnectionString;
}

var builder = OpenProbationApp.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    [DatabaseSetup.ProviderKey] = provider.ToString(),
    ["ConnectionStrings:OpenProbation"] = connectionString,
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
await using var app = OpenProbationApp.Build(builder);

// 1. Generate and load.
TimeSpan loadTime;
string token;
List<(string Crn, string LastName, DateOnly DateOfBirth)> sample;
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
    var watch = Stopwatch.StartNew();
    await DatabaseSetup.MigrateAsync(db);
    var summary = await DemoGenerator.GenerateAsync(scope.ServiceProvider, new DemoOptions(People: people), TimeProvider.System, null, CancellationToken.None);
    loadTime = watch.Elapsed;
    Console.Error.WriteLine($"Loaded {summary.People:N0} people, {summary.Orders:N0} orders, {summary.Requirements:N0} requirements, {summary.Staff:N0} staff in {loadTime.TotalSeconds:N1} s");
    var user = await UserAccounts.FindAsync(db, "demo-po") ?? throw new InvalidOperationException("demo-po missing");
    token = await ApiTokens.CreateAsync(db, user, "bench", null, TimeProvider.System, CancellationToken.None);
    var random = new Random(1);
    var total = await db.People.CountAsync();
    sample = [];
    for (var i = 0; i < requests; i++)
    {
        var row = await db.People.AsNoTracking().OrderBy(x => x.Id).Skip(random.Next(total))
            .Select(x => new { x.Crn, x.LastName, x.DateOfBirth }).FirstAsync();
        sample.Add((row.Crn, row.LastName, row.DateOfBirth));
    }
}

await app.StartAsync();
var address = app.Urls.First();
using var client = new HttpClient { BaseAddress = new Uri(address) };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

async Task<double[]> Measure(Func<int, string> url)
{
    // Warm-up: JIT, connection pool, query plans.
    for (var i = 0; i < 20; i++)
    {
        (await client.GetAsync(url(i % sample.Count))).EnsureSuccessStatusCode();
    }

    var times = new double[sample.Count];
    for (var i = 0; i < sample.Count; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(url(i));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return times;
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

var measures = new (string Name, Func<int, string> Url)[]
{
    ("search by surname (partial, lower case)", i => $"/api/v1/people?q={Uri.EscapeDataString(sample[i].LastName[..Math.Min(4, sample[i].LastName.Length)].ToLowerInvariant())}"),
    ("search by CRN", i => $"/api/v1/people?q={sample[i].Crn}"),
    ("search by surname and date of birth", i => $"/api/v1/people?name={Uri.EscapeDataString(sample[i].LastName)}&dateOfBirth={sample[i].DateOfBirth:yyyy-MM-dd}"),
    ("read one person", i => $"/api/v1/people/{sample[i].Crn}"),
};

Console.WriteLine($"| {provider} | {people:N0} | load | {loadTime.TotalSeconds:N1} s | | |");
foreach (var (label, url) in measures)
{
    var times = await Measure(url);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {people:N0} | {label} | {Percentile(times, 0.5):N1} ms | {Percentile(times, 0.95):N1} ms | {times.Length} requests |"));
}

await app.StopAsync();
if (provider == DatabaseProvider.Sqlite)
{
    SqliteConnection.ClearAllPools();
    foreach (var file in Directory.GetFiles(Path.GetTempPath(), name + ".db*"))
    {
        File.Delete(file);
    }
}

string? Arg(string flag)
{
    var index = Array.IndexOf(args, flag);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
