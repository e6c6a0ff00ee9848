using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Pages;

/// <summary>
/// Sign-in through the organisation's identity provider (a stub here: no real one can run in the build): the
/// provider proves who someone is; whether they may sign in, and as what, comes from their OpenProbation account
/// (PRACTICE.md section 7, line 9).
/// </summary>
public abstract partial class OpenIdConnectSignInTests(OpenIdConnectPagesApp app)
{
    [Fact]
    public async Task The_sign_in_page_offers_the_organisation_account_as_configured()
    {
        var (response, html) = await app.NewSession().GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(OpenIdConnectPagesApp.ButtonLabel, html, StringComparison.Ordinal);
        Assert.Contains("action=\"/sign-in?handler=External\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_user_with_a_local_account_lands_on_home_with_the_local_role_and_not_the_providers()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var (session, callback) = await SignInAtProviderAsync(userName);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        Assert.Contains("issued for " + userName, app.IdentityProvider.TokenRequests);
        var (home, html) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains($"Signed in as <strong>{userName}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/caseload\"", html, StringComparison.Ordinal);
        // The provider's id_token says SystemAdministrator; the local account says probation officer.
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/admin/users")).Response.StatusCode);
    }

    [Fact]
    public async Task A_provider_user_without_a_local_account_is_told_it_is_not_set_up_and_is_not_signed_in()
    {
        var userName = "nobody-" + Guid.NewGuid().ToString("N");
        var (session, callback) = await SignInAtProviderAsync(userName);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("Your organisation account is not set up in OpenProbation", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("issued for " + userName, app.IdentityProvider.TokenRequests);
        await AssertSignedOutAsync(session);
    }

    [Fact]
    public async Task A_locked_local_account_is_refused_even_though_the_provider_vouches_for_it()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByNameAsync(userName);
            Assert.True((await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddYears(1))).Succeeded);
        }

        var (session, callback) = await SignInAtProviderAsync(userName);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("Your OpenProbation account is locked", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSignedOutAsync(session);
    }

    [Fact]
    public async Task An_id_token_changed_after_signing_is_rejected_and_signs_nobody_in()
    {
        var officer = await app.CreateUserAsync(Roles.ProbationOfficer);
        var administrator = await app.CreateUserAsync(Roles.SystemAdministrator);
        var (session, callback) = await SignInAtProviderAsync(officer, StubIdToken.Tampered, tamperTo: administrator);

        await AssertProviderSignInFailedAsync(session, callback);
        Assert.Contains("issued for " + officer, app.IdentityProvider.TokenRequests);
        await AssertSignedOutAsync(session);
    }

    [Fact]
    public async Task An_id_token_signed_with_a_key_the_provider_does_not_publish_is_rejected()
    {
        var userName = await app.CreateUserAsync(Roles.ProbationOfficer);
        var (session, callback) = await SignInAtProviderAsync(userName, StubIdToken.WrongKey);

        await AssertProviderSignInFailedAsync(session, callback);
        Assert.Contains("issued for " + userName, app.IdentityProvider.TokenRequests);
        await AssertSignedOutAsync(session);
    }

    /// <summary>
    /// The browser's part: the organisation button, the provider's sign-in (as <paramref name="providerUser"/>),
    /// the provider's answer posted back to <c>/sign-in/oidc</c>, then OpenProbation's own callback page.
    /// Returns the response of the last step the flow reached.
    /// </summary>
    private async Task<(PageSession Session, HttpResponseMessage Callback)> SignInAtProviderAsync(
        string providerUser, StubIdToken idToken = StubIdToken.Valid, string tamperTo = "")
    {
        var session = app.NewSession();
        var (challenge, _) = await session.PostAsync("/sign-in?handler=External", [], formPage: "/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(StubOpenIdProvider.Issuer + "/authorize?", authorize.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsign-in%2Foidc", authorize.Query, StringComparison.Ordinal);

        using var browser = app.IdentityProvider.CreateBrowser();
        using var atProvider = await browser.GetAsync(new Uri(authorize.AbsoluteUri
            + $"&{StubOpenIdProvider.UserParameter}={Uri.EscapeDataString(providerUser)}"
            + $"&{StubOpenIdProvider.IdTokenParameter}={idToken}&{StubOpenIdProvider.TamperToParameter}={Uri.EscapeDataString(tamperTo)}"));
        Assert.Equal(HttpStatusCode.OK, atProvider.StatusCode);

        // The handler asks for response_mode=form_post: the provider's page posts the code and state back.
        var page = await atProvider.Content.ReadAsStringAsync();
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value));
        Assert.Equal("/sign-in/oidc", action.AbsolutePath);
        var fields = HiddenField().Matches(page).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        using var answer = new FormUrlEncodedContent(fields);
        var returned = await session.Client.PostAsync(new Uri(action.PathAndQuery, UriKind.Relative), answer);
        if (returned.StatusCode != HttpStatusCode.Redirect || returned.Headers.Location!.OriginalString.Contains("failed", StringComparison.Ordinal))
        {
            return (session, returned);
        }

        Assert.StartsWith("/sign-in/callback", returned.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return (session, await session.Client.GetAsync(returned.Headers.Location));
    }

    private static async Task AssertProviderSignInFailedAsync(PageSession session, HttpResponseMessage returned)
    {
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal("/sign-in/callback?failed=true", returned.Headers.Location!.OriginalString);
        var (page, html) = await session.GetAsync(returned.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your organisation&#x27;s sign-in did not complete", html, StringComparison.Ordinal);
    }

    private static async Task AssertSignedOutAsync(PageSession session)
    {
        var (home, _) = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/sign-in", home.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}

/// <summary>The page application with OpenID Connect sign-in turned on, pointing at a <see cref="StubOpenIdProvider"/>.</summary>
public abstract class OpenIdConnectPagesApp : PagesAppFixture
{
    public const string ButtonLabel = "Sign in with your Test Probation Region account";

    protected OpenIdConnectPagesApp()
    {
        // Cookies the handler sets (correlation, nonce) expire by the app's clock, and the test browser drops expired
        // ones by the real clock; the provider's tokens are checked by the real clock too. So this app runs at real time.
        Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
    }

    public StubOpenIdProvider IdentityProvider { get; } = StubOpenIdProvider.Start();

    /// <summary>
    /// The keys exactly as an operator would set them. Settings given with UseSetting are in the configuration
    /// before AddWebSecurity reads it, so the oidc scheme is registered just as in production.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        [OpenIdConnectSettings.Section + ":Authority"] = StubOpenIdProvider.Issuer,
        [OpenIdConnectSettings.Section + ":ClientId"] = StubOpenIdProvider.ClientId,
        [OpenIdConnectSettings.Section + ":ClientSecret"] = StubOpenIdProvider.ClientSecret,
        [OpenIdConnectSettings.Section + ":DisplayName"] = ButtonLabel,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The one test-only wiring: the backchannel reaches the in-memory provider instead of the network.
        builder.ConfigureServices(services => services.Configure<OpenIdConnectOptions>(WebSecurity.OpenIdConnectScheme,
            o => o.BackchannelHttpHandler = IdentityProvider.CreateHandler()));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            IdentityProvider.Dispose();
        }
    }
}

public sealed class SqliteOpenIdConnectPagesApp : OpenIdConnectPagesApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresOpenIdConnectPagesApp : OpenIdConnectPagesApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class OpenIdConnectSignInTests_Sqlite(SqliteOpenIdConnectPagesApp app) : OpenIdConnectSignInTests(app), IClassFixture<SqliteOpenIdConnectPagesApp>;

public sealed class OpenIdConnectSignInTests_Postgres(PostgresOpenIdConnectPagesApp app) : OpenIdConnectSignInTests(app), IClassFixture<PostgresOpenIdConnectPagesApp>;
