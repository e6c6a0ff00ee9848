using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Admin;

public sealed class UserInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public string? StaffCode { get; set; }

    public string? Password { get; set; }

    public bool Unlock { get; set; }

    /// <summary>Identity's concurrency stamp as read, so an edit made meanwhile by someone else is not overwritten.</summary>
    public string? ConcurrencyStamp { get; set; }
}

/// <summary>Add a user (<c>/admin/users/new</c>) or change one: role, name, staff record, password, lock.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UserModel(OpenProbationDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public bool Locked { get; private set; }

    public static IEnumerable<SelectListItem> RoleItems => Roles.All.Select(r => new SelectListItem(Wording.Role(r), r));

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        IsNew = id == "new";
        if (IsNew)
        {
            return Page();
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        Input = new UserInput
        {
            UserName = user.UserName,
            DisplayName = user.DisplayName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault(),
            StaffCode = user.StaffMemberId is { } staff ? await db.Staff.Where(s => s.Id == staff).Select(s => s.StaffCode).SingleOrDefaultAsync() : null,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        Locked = await users.IsLockedOutAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        IsNew = id == "new";
        var user = IsNew ? new ApplicationUser { LockoutEnabled = true } : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Locked = !IsNew && await users.IsLockedOutAsync(user);
        var errors = new ValidationErrors()
            .Required("displayName", Input.DisplayName, FieldLimits.Title, "the person's name")
            .MaxLength("staffCode", Input.StaffCode, FieldLimits.Code, "the staff code");
        if (IsNew)
        {
            errors.Required("userName", Input.UserName, FieldLimits.UserName, "a user name");
            if (string.IsNullOrEmpty(Input.Password))
            {
                errors.Add("password", "Enter a password");
            }
        }

        if (Input.Role is null || !Roles.All.Contains(Input.Role))
        {
            errors.Add("role", "Select a role");
        }

        int? staffId = null;
        if (!string.IsNullOrWhiteSpace(Input.StaffCode) && errors.IsValid)
        {
            var code = Input.StaffCode.Trim().ToUpperInvariant();
            staffId = await db.Staff.Where(s => s.StaffCode == code).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
            if (staffId is null)
            {
                errors.Add("staffCode", "There is no member of staff with this code");
            }
        }

        if (!IsNew && user.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            errors.Add("displayName", "Someone else changed this account while you were editing it. Reload the page to see their changes, then make yours again");
        }

        // An administrator cannot take away their own access: someone else must do it.
        if (!IsNew && user.UserName == User.Identity?.Name && Input.Role != Roles.SystemAdministrator)
        {
            errors.Add("role", "You cannot remove your own administrator role");
        }

        ModelState.AddDomainErrors(errors, "Input");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName!.Trim();
        user.StaffMemberId = staffId;
        IdentityResult result;
        if (IsNew)
        {
            user.UserName = Input.UserName!.Trim();
            result = await users.CreateAsync(user, Input.Password!);
        }
        else
        {
            result = await users.UpdateAsync(user);
            if (result.Succeeded && !string.IsNullOrEmpty(Input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                result = await users.ResetPasswordAsync(user, token, Input.Password);
            }

            if (result.Succeeded && Input.Unlock)
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.UserName"
                    : error.Code == "ConcurrencyFailure" ? "Input.DisplayName" : "Input.UserName";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Input.Role!]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Input.Role!);
        }

        Confirmation = IsNew ? $"User {user.UserName} created" : $"User {user.UserName} updated";
        return Redirect("/admin/users");
    }
}
