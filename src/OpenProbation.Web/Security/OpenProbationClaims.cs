using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpenProbation.Web.Security;

/// <summary>Claim names shared by cookie sign-in and API tokens.</summary>
public static class OpenProbationClaims
{
    public const string DisplayName = "display_name";

    public const string StaffMemberId = "staff_member_id";

    /// <summary>The display name of the signed-in user, or their user name.</summary>
    public static string DisplayNameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
    }

    /// <summary>The staff record linked to the signed-in user, if any.</summary>
    public static int? StaffMemberIdOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return int.TryParse(user.FindFirstValue(StaffMemberId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// <summary>Adds the display name and the linked staff record to the signed-in user's claims.</summary>
internal sealed class OpenProbationClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OpenProbationClaims.DisplayName, user.DisplayName));
        if (user.StaffMemberId is { } staff)
        {
            identity.AddClaim(new Claim(OpenProbationClaims.StaffMemberId, staff.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
