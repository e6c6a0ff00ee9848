using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Users;

/// <summary>Creating sign-in accounts, shared by the demo and the command line.</summary>
public static class UserAccounts
{
    /// <summary>Creates the role rows once.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>Creates a user with one role, or updates the role, display name and password of an existing one.</summary>
    public static async Task<ApplicationUser> CreateOrUpdateAsync(
        UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, string userName, string displayName, string role,
        string password, int? staffMemberId)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}", nameof(role));
        }

        await EnsureRolesAsync(roles);
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new ApplicationUser { UserName = userName, DisplayName = displayName, StaffMemberId = staffMemberId, LockoutEnabled = true };
            Check(await users.CreateAsync(user, password), $"user {userName}");
        }
        else
        {
            user.DisplayName = displayName;
            user.StaffMemberId = staffMemberId;
            Check(await users.UpdateAsync(user), $"user {userName}");
            Check(await users.RemovePasswordAsync(user), $"password of {userName}");
            Check(await users.AddPasswordAsync(user, password), $"password of {userName}");
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current), $"roles of {userName}");
        }

        Check(await users.AddToRoleAsync(user, role), $"role of {userName}");
        return user;
    }

    /// <summary>Finds a user by name, case-insensitively as Identity normalises names.</summary>
    public static Task<ApplicationUser?> FindAsync(OpenProbationDbContext db, string userName)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalised = userName.ToUpperInvariant();
        return db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalised);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not save {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
