using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Users;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Tests.Infrastructure;

/// <summary>
/// The real application over a real database, one per test class. Tests create the data they need with
/// unique names, so they do not depend on each other.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Fixed "now" for every test: Monday 23 November 2026, 10:00 in London.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The remote address of every test request (the test server sets none; audit events record it).</summary>
    public static readonly System.Net.IPAddress ClientAddress = System.Net.IPAddress.Parse("192.0.2.10");

    private TestDatabase? _database;

    public abstract DatabaseProvider Provider { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _ = Server; // starts the host, which migrates the database
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Settings a fixture adds to the database's.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Tests drive recalculation themselves; a background run would race them on the fixed clock.
        builder.UseSetting("OpenProbation:Tiering:DailyRecalculation", "false");
        builder.UseSetting("OpenProbation:Workload:DailySnapshot", "false");
        foreach (var (key, value) in Database.Settings.Concat(ExtraSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>A client signed in (by bearer token) as a new user with this role.</summary>
    public async Task<HttpClient> ClientForAsync(string role) => await ClientForUserAsync(await CreateUserAsync(role));

    /// <summary>A client signed in (by bearer token) as an existing user, for tests that check who did something.</summary>
    public async Task<HttpClient> ClientForUserAsync(string userName)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userName));
        return client;
    }

    public const string Password = "Test-password-1";

    public async Task<string> CreateUserAsync(string role, int? staffMemberId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var userName = $"test-{role}-{Guid.NewGuid():N}"[..40];
        await UserAccounts.CreateOrUpdateAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            userName, userName, role, Password, staffMemberId);
        return userName;
    }

    public async Task<string> TokenForAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
        var user = await UserAccounts.FindAsync(db, userName) ?? throw new InvalidOperationException("No such user");
        return await ApiTokens.CreateAsync(db, user, "test", null, Clock, CancellationToken.None);
    }

    /// <summary>Runs work against the database directly, in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<OpenProbationDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>());
    }

    public async Task WithDbAsync(Func<OpenProbationDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>());
    }
}

/// <summary>
/// A signed-in browser without the browser: a cookie-keeping client that reads pages and posts their forms with
/// the anti-forgery token, as a person's browser would.
/// </summary>
public sealed partial class PageSession(HttpClient client)
{
    public HttpClient Client => client;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Reads <paramref name="formPage"/> for the anti-forgery token of a form in its main content (a form whose token
    /// is missing fails in a browser, so it fails here too; the header's sign-out form is only used for signing out),
    /// then posts the fields to <paramref name="url"/>.
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null) =>
        await PostFromAsync(url, fields, (await GetAsync(formPage ?? url)).Html);

    /// <summary>Posts the form of a page read earlier: a user who kept the page open while someone else acted.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFromAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var main = page.IndexOf("<main", StringComparison.Ordinal);
        var token = (url == "/sign-out" ? Token(page) : main < 0 ? null : Token(page[main..]))
            ?? throw new InvalidOperationException($"No form with an anti-forgery token in the main content of the page for {url}");
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();
}

/// <summary>The application for page tests: sign-in attempts are not rate-limited (every test signs in).</summary>
public abstract class PagesAppFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["OpenProbation:Security:SignInAttemptsPerMinute"] = "100000",
    };

    /// <summary>A cookie-keeping client that does not follow redirects, so tests see them.</summary>
    public PageSession NewSession() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the sign-in page as a new user with this role (and staff record).</summary>
    public async Task<(PageSession Session, string UserName)> SignedInAsync(string role, int? staffMemberId = null)
    {
        var userName = await CreateUserAsync(role, staffMemberId);
        return (await SignInAsync(userName), userName);
    }

    public async Task<PageSession> SignInAsync(string userName)
    {
        var session = NewSession();
        var (response, _) = await session.PostAsync("/sign-in", [new("Input.UserName", userName), new("Input.Password", Password)]);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}");
        }

        return session;
    }
}

public sealed class SqlitePagesApp : PagesAppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPagesApp : PagesAppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Gives test requests a remote address, as Kestrel would.</summary>
internal sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= AppFixture.ClientAddress;
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class SqliteApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
