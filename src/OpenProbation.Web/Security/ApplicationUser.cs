using Microsoft.AspNetCore.Identity;

namespace OpenProbation.Web.Security;

/// <summary>A person who signs in: usually a member of staff, sometimes a partner organisation's user.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the header and on records the user makes.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The staff record of this user, when they are probation staff.</summary>
    public int? StaffMemberId { get; set; }
}

/// <summary>
/// A bearer token for an API client. Only a SHA-256 hash of the secret is stored; the secret is shown once,
/// when the token is created.
/// </summary>
public sealed class ApiToken : OpenProbation.Domain.Common.IVersioned
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>What the token is for, e.g. "court feed".</summary>
    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, to tell tokens apart in a list.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Hex SHA-256 of the secret.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Space-separated scopes (<see cref="TokenScopes"/>): "read", "write"; the older "api" means both.</summary>
    public string Scopes { get; set; } = "api";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public int Version { get; set; }

    public ApplicationUser? User { get; set; }
}
