using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Browser.Tests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port over a fresh database holding the "small" demo region, and a
/// headless Debian Chromium to drive it. Every log line the application writes is captured for the log scan.
/// </summary>
public abstract class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Overrides where Chromium is; Debian's package puts it at /usr/bin/chromium.</summary>
    public const string ChromiumVariable = "OPENPROBATION_CHROMIUM";

    /// <summary>Fixed "now", so demo data and screenshots are the same on every run: Monday 23 November 2026, 10:00 in London.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase? _database;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DemoSummary? _demo;

    public abstract DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public LogCapture Log { get; } = new();

    /// <summary>Documents that passed axe-core in this run, so a page seen again is not checked again.</summary>
    public ConcurrentDictionary<string, bool> AccessibilityPassed { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised");

    /// <summary>What the demo generator made, with the restricted cases and exclusions.</summary>
    public DemoSummary Demo => _demo ?? throw new InvalidOperationException("Not initialised");

    /// <summary>Only the SQLite run writes the screenshots in docs/, so the two databases do not both write them.</summary>
    public bool TakesScreenshots => Provider == DatabaseProvider.Sqlite;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        UseKestrel(0);
        // Off xunit's synchronisation context: starting the host blocks on async work.
        await Task.Run(StartServer); // migrates the database before it takes requests
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        await using (var scope = Services.CreateAsyncScope())
        {
            _demo = await DemoGenerator.GenerateAsync(scope.ServiceProvider, new DemoOptions(Scenario: "small"), Clock, null, CancellationToken.None);
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A new browser context (no cookies) on the application, with or without JavaScript.</summary>
    public async Task<Journey> StartJourneyAsync(Scripts scripts = Scripts.On)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = scripts == Scripts.On,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        // Generous: two cores shared with the rest of the suite.
        context.SetDefaultTimeout(30_000);
        return await Journey.StartAsync(this, context, scripts);
    }

    /// <summary>Runs work against the database directly, in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<OpenProbationDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
        return await work(db);
    }

    /// <summary>Every demo person's CRN, first and last name, for the log scan.</summary>
    public Task<List<(string Crn, string FirstName, string LastName)>> PeopleAsync() =>
        WithDbAsync(async db => (await db.People.AsNoTracking().Select(p => new { p.Crn, p.FirstName, p.LastName }).ToListAsync())
            .Select(p => (p.Crn, p.FirstName, p.LastName)).ToList());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _database!.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("OpenProbation:Database:MigrateOnStart", "true");
        builder.UseSetting("OpenProbation:Tiering:DailyRecalculation", "false");
        builder.UseSetting("OpenProbation:Workload:DailySnapshot", "false");
        // Every journey signs in from 127.0.0.1; the real limit (10 a minute) would refuse the later ones.
        builder.UseSetting("OpenProbation:Security:SignInAttemptsPerMinute", "10000");
        builder.ConfigureLogging(logging =>
        {
            // Information and above from every category the application lets through (framework categories stay at
            // the warnings the application sets, as in production), so the log scan sees what a real deployment logs.
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddProvider(Log);
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

public enum Scripts
{
    On,
    Off,
}

public sealed class SqliteBrowserApp : BrowserApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresBrowserApp : BrowserApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
