using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OpenProbation.Web.Security;

/// <summary>Settings under <c>OpenProbation:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "OpenProbation:Security";

    /// <summary>A signed-in session ends after this many minutes without a request (sliding).</summary>
    public int SessionIdleMinutes { get; set; } = 20;

    /// <summary>A session ends this many hours after sign-in, however busy: a shift, not a week.</summary>
    public int SessionMaxHours { get; set; } = 10;

    /// <summary>Redirect HTTP to HTTPS, send HSTS and mark cookies Secure-only. On for any deployment behind TLS.</summary>
    public bool RequireHttps { get; set; }

    /// <summary>Sign-in attempts (and token creations) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed; with none,
    /// those headers are ignored (a client could otherwise choose its own address for the audit trail).
    /// </summary>
    public IList<string> KnownProxies { get; } = [];
}

/// <summary>Settings under <c>OpenProbation:Authentication:OpenIdConnect</c>; sign-in by OIDC is on when Authority is set.</summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "OpenProbation:Authentication:OpenIdConnect";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Label of the sign-in button, e.g. "Sign in with your HMPPS account".</summary>
    public string DisplayName { get; set; } = "Sign in with your organisation account";

    /// <summary>The claim whose value is the OpenProbation user name of the person signing in.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Only for a test or development provider without TLS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Sign-in for the staff pages (cookies), bearer tokens for the API, and the protections around both.</summary>
public static class WebSecurity
{
    /// <summary>Picks the cookie or the bearer token per request.</summary>
    public const string SmartScheme = "cookie-or-bearer";

    public const string OpenIdConnectScheme = "oidc";

    /// <summary>Rate-limit policy for sign-in and token creation.</summary>
    public const string SignInRateLimit = "sign-in";

    public const string SignInPath = "/sign-in";

    internal const string SignedInAtClaim = "signed_in_at";

    /// <summary>The claims a new session starts with.</summary>
    public static Claim[] SessionClaims(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return [new Claim(SignedInAtClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))];
    }

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed, so settings given to the host after start-up code (tests, hosting) still apply.
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SecurityOptions>>().Value);

        // Whether to offer OIDC decides which handlers exist, so it is read now.
        var oidc = configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        services.AddSingleton(oidc);
        services.AddHttpContextAccessor();

        new IdentityBuilder(typeof(ApplicationUser), typeof(IdentityRole), services).AddSignInManager();

        // Cookie keys live in the database, so every web node reads every other node's cookies and a restart signs nobody out.
        services.AddDataProtection().SetApplicationName("OpenProbation").PersistKeysToDbContext<Data.OpenProbationDbContext>();
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Request.Headers.Authorization.Count > 0
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        auth.AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((o, settings) =>
        {
            var security = settings.Value;
            o.Cookie.Name = "OpenProbation.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionIdleMinutes);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = context => EndLongSessionsAsync(context, security);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme).Configure<IOptions<SecurityOptions>>((o, settings) =>
        {
            o.Cookie.Name = "OpenProbation.External";
            o.Cookie.SecurePolicy = settings.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectScheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.CallbackPath = "/sign-in/oidc";
                o.SignedOutCallbackPath = "/sign-out/oidc";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = OpenIdConnectFailedAsync;
            });
        }

        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A locked or changed account loses its sessions within a minute; the sign-in time survives the refresh.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } signedInAt && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignedInAtClaim, signedInAt.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts (posts) count: reading the sign-in page costs nothing.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<SecurityOptions>().SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many attempts",
                    "Wait a minute before trying again."));
            };
        });

        services.AddAntiforgery(o => o.Cookie.Name = "OpenProbation.Antiforgery");
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<SecurityOptions>>((o, settings) =>
            o.Cookie.SecurePolicy = settings.Value.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        return services;
    }

    /// <summary>
    /// A refused or unverifiable answer from the provider (bad signature, wrong issuer, cancelled sign-in): logged by
    /// failure type only (token errors can quote claims), and the user told on the callback page, not an error page.
    /// </summary>
    private static Task OpenIdConnectFailedAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSecurity))
            .LogWarning("Sign-in through the identity provider failed: {FailureType}", context.Failure?.GetType().FullName);
        context.Response.Redirect("/sign-in/callback?failed=true");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>The sliding cookie alone would keep a busy session open for ever; stop it at the configured maximum.</summary>
    private static async Task EndLongSessionsAsync(CookieValidatePrincipalContext context, SecurityOptions security)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var signedIn = context.Principal?.FindFirstValue(SignedInAtClaim);
        if (signedIn is null
            || !long.TryParse(signedIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(security.SessionMaxHours))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Security headers on every response, and HTTPS when configured.</summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (security.KnownProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in security.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // The API reference is a third-party page with inline script; everything of ours runs without any.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase)
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                  + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

            // Pages and answers carry personal data: no shared or browser cache keeps them.
            if (!context.Request.Path.StartsWithSegments("/lib", StringComparison.Ordinal)
                && !context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                && !context.Request.Path.StartsWithSegments("/js", StringComparison.Ordinal)
                && !context.Request.Path.StartsWithSegments("/css", StringComparison.Ordinal))
            {
                // The exact values anti-forgery sets, so it need not override (and warn about) ours.
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
            }

            await next(context);
        });
    }
}
