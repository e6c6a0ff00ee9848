using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Tests.Infrastructure;

/// <summary>How the stub answers at the token endpoint, chosen by the test at the authorize step.</summary>
public enum StubIdToken
{
    /// <summary>A correct id_token signed with the key the provider publishes.</summary>
    Valid,

    /// <summary>A correctly signed id_token whose payload was then changed to name the user in <see cref="StubOpenIdProvider.TamperToParameter"/>.</summary>
    Tampered,

    /// <summary>A well-formed id_token signed with a key the provider does not publish.</summary>
    WrongKey,
}

/// <summary>
/// An OpenID Connect provider for tests: discovery, JWKS, authorize (code flow, PKCE S256, query or form_post
/// response) and token endpoints, signing RS256 id_tokens with a key made when the provider starts.
/// <para>
/// It runs on an in-memory <see cref="TestServer"/> rather than Kestrel: no port to find on a shared machine, and
/// its issuer can be an <c>https</c> address, so the application keeps <c>RequireHttpsMetadata</c> on as in
/// production. The application reaches discovery, JWKS and the token endpoint through its OIDC backchannel, which
/// the test fixture points at <see cref="CreateHandler"/>; the test's "browser" follows the redirect to the
/// authorize endpoint with <see cref="CreateBrowser"/>.
/// </para>
/// </summary>
public sealed class StubOpenIdProvider : IDisposable
{
    public const string Issuer = "https://idp.example.test";
    public const string ClientId = "openprobation-test";
    public const string ClientSecret = "stub-client-secret-not-for-production";

    /// <summary>The query parameter the test adds at the authorize step: the provider user who "signs in".</summary>
    public const string UserParameter = "stub_user";

    /// <summary>The query parameter choosing the <see cref="StubIdToken"/> the token endpoint will answer with.</summary>
    public const string IdTokenParameter = "stub_id_token";

    /// <summary>With <see cref="StubIdToken.Tampered"/>: the user name written into the payload after signing.</summary>
    public const string TamperToParameter = "stub_tamper_to";

    private const string KeyId = "stub-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private StubOpenIdProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
    }

    /// <summary>Each call to the token endpoint: for whom it issued tokens, or why it refused. Tests check that the code exchange happened.</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public static StubOpenIdProvider Start()
    {
        var provider = new StubOpenIdProvider();
        provider._app.Start();
        provider.Server.BaseAddress = new Uri(Issuer + "/");
        return provider;
    }

    private TestServer Server => _app.GetTestServer();

    /// <summary>The application's backchannel to the provider.</summary>
    public HttpMessageHandler CreateHandler() => Server.CreateHandler();

    /// <summary>A browser at the provider: it does not follow redirects, so the test carries them back to the app.</summary>
    public HttpClient CreateBrowser()
    {
        var client = Server.CreateClient();
        client.BaseAddress = new Uri(Issuer + "/");
        return client;
    }

    public void Dispose()
    {
        ((IDisposable)_app).Dispose();
        _key.Dispose();
        _otherKey.Dispose();
    }

    private static IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Jwks()
    {
        // Only the public half is published.
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = KeyId });
        return Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        });
    }

    /// <summary>The provider's sign-in page, already filled in: the user named by <see cref="UserParameter"/> signs in.</summary>
    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        var redirectUri = q["redirect_uri"].ToString();
        if (q["client_id"] != ClientId || q["response_type"] != "code" || !Uri.IsWellFormedUriString(redirectUri, UriKind.Absolute)
            || string.IsNullOrEmpty(q["code_challenge"]) || q["code_challenge_method"] != "S256"
            || !q["scope"].ToString().Split(' ').Contains("openid") || string.IsNullOrEmpty(q[UserParameter]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(redirectUri, q["nonce"].ToString(), q["code_challenge"].ToString(), q[UserParameter].ToString(),
            Enum.Parse<StubIdToken>(q[IdTokenParameter].FirstOrDefault() ?? nameof(StubIdToken.Valid)), q[TamperToParameter].ToString());
        var answer = new Dictionary<string, string> { ["code"] = code, ["state"] = q["state"].ToString(), ["iss"] = Issuer };
        if (q["response_mode"] == "form_post")
        {
            // What a provider sends for form_post: a page that posts the answer back to the application.
            var fields = string.Concat(answer.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{HtmlEncoder.Default.Encode(f.Value)}\">"));
            return Results.Content($"<html><body><form method=\"post\" action=\"{HtmlEncoder.Default.Encode(redirectUri)}\">{fields}</form></body></html>", "text/html");
        }

        return Results.Redirect(redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + string.Join("&", answer.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))));
    }

    /// <summary>Exchanges a code for tokens after checking the client, the redirect URI and the PKCE verifier.</summary>
    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var known = _codes.TryRemove(form["code"].ToString(), out var pending);
        var refusal = form["grant_type"] != "authorization_code" ? "unsupported grant type"
            : form["client_id"] != ClientId || form["client_secret"] != ClientSecret ? "wrong client credentials"
            : !known || pending is null ? "unknown or used code"
            : pending.RedirectUri != form["redirect_uri"] ? "redirect_uri differs from the authorize request's"
            : !PkceMatches(form["code_verifier"].ToString(), pending.CodeChallenge) ? "code_verifier does not match the code_challenge"
            : null;
        if (refusal is not null || pending is null)
        {
            TokenRequests.Enqueue("refused: " + refusal);
            return Results.Json(new { error = "invalid_grant", error_description = refusal }, statusCode: (int)HttpStatusCode.BadRequest);
        }

        TokenRequests.Enqueue("issued for " + pending.UserName);
        return Results.Json(new
        {
            access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
            token_type = "Bearer",
            expires_in = 300,
            id_token = IdToken(pending),
        });
    }

    private static bool PkceMatches(string verifier, string challenge) =>
        verifier.Length >= 43
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge));

    private string IdToken(PendingCode pending)
    {
        // Real time, not the application's test clock: the handler checks lifetimes and the nonce against the system clock.
        var now = DateTime.UtcNow;
        var signingKey = pending.IdToken == StubIdToken.WrongKey ? _otherKey : _key;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", "subject-" + pending.UserName), new Claim("preferred_username", pending.UserName)]),
            // Roles a careless relying party might take: OpenProbation must use the local account's role instead.
            Claims = new Dictionary<string, object>
            {
                ["nonce"] = pending.Nonce,
                ["role"] = Roles.SystemAdministrator,
                ["roles"] = new[] { Roles.SystemAdministrator },
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        if (pending.IdToken != StubIdToken.Tampered)
        {
            return token;
        }

        // Keep header and signature; change who the payload says signed in.
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace($"\"{pending.UserName}\"", $"\"{pending.TamperTo}\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private sealed record PendingCode(string RedirectUri, string Nonce, string CodeChallenge, string UserName, StubIdToken IdToken, string TamperTo);
}
