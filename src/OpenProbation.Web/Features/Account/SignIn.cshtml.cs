using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(WebSecurity.SignInRateLimit)]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, OpenIdConnectSettings oidc, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    public OpenIdConnectSettings OpenIdConnect => oidc;

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true && !SignedOut ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "Enter your user name");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = Input.UserName!.Length <= 256 ? await users.FindByNameAsync(Input.UserName.Trim()) : null;
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, WebSecurity.SessionClaims(clock));
            return LocalRedirect(SafeReturnUrl);
        }

        // Which of the two was wrong is not said, so the page cannot be used to find user names.
        ModelState.AddModelError("Input.UserName", result.IsLockedOut
            ? "Your account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it"
            : "Enter a correct user name and password");
        Input.Password = null;
        return Page();
    }

    public IActionResult OnPostExternal()
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }

        var redirect = Url.Page("/Account/ExternalCallback", new { returnUrl = SafeReturnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(WebSecurity.OpenIdConnectScheme, redirect);
        return Challenge(properties, WebSecurity.OpenIdConnectScheme);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

public sealed class SignInInput
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
