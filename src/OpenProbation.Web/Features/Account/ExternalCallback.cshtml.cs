using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Account;

/// <summary>
/// Where the organisation's identity provider sends the user back. The provider proves who they are; what they
/// may do comes from their OpenProbation account, which an administrator must have made.
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, OpenIdConnectSettings oidc, TimeProvider clock) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool failed)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (failed)
        {
            Problem = "Your organisation's sign-in did not complete. Try again, or sign in with your OpenProbation user name and password.";
            return Page();
        }

        var userName = external.Principal?.FindFirst(oidc.UserNameClaim)?.Value;
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName);
        if (user is null)
        {
            Problem = "Your organisation account is not set up in OpenProbation. Ask an administrator to create your account.";
            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            Problem = "Your OpenProbation account is locked. Ask an administrator to unlock it.";
            return Page();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, WebSecurity.SessionClaims(clock));
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
