using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer op_…</c> headers against the hashed tokens in the database.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OpenProbationDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed bearer token");
        }

        var hash = ApiTokens.Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.Scopes, t.ExpiresAt, t.User!.UserName, t.User.DisplayName, t.User.StaffMemberId, t.User.LockoutEnd })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null || (token.ExpiresAt is { } expires && expires <= now) || (token.LockoutEnd is { } locked && locked > now))
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token");
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == token.UserId
                           select r.Name).ToListAsync(Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(ClaimTypes.Name, token.UserName ?? token.UserId),
            new(OpenProbationClaims.DisplayName, token.DisplayName),
            new("token_id", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (token.StaffMemberId is { } staff)
        {
            claims.Add(new Claim(OpenProbationClaims.StaffMemberId, staff.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        claims.AddRange(token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim("scope", s)));
        claims.AddRange(roles.OfType<string>().Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign in required",
            "Send a bearer token in the Authorization header. Create one with: openprobation token create --user NAME");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "Your role does not allow this.");
}

/// <summary>Creating and checking API tokens.</summary>
public static class ApiTokens
{
    /// <summary>Hex SHA-256 of a token secret.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Creates a token for a user and returns the secret, which is never stored.</summary>
    public static async Task<string> CreateAsync(
        OpenProbationDbContext db, ApplicationUser user, string name, TimeSpan? lifetime, TimeProvider clock, CancellationToken ct,
        string scopes = "read write")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        var secret = "op_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = secret[..10],
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = lifetime is { } l ? now + l : null,
            Scopes = scopes,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
