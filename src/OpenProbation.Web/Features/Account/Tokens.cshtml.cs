using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Account;

public sealed record TokenRow(int Id, string Name, string Prefix, string Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed class TokenInput
{
    public string? Name { get; set; }

    public List<string> Scopes { get; set; } = [];

    public string? Days { get; set; }
}

/// <summary>The signed-in user's own API tokens: create (the secret is shown once), list and revoke.</summary>
[Authorize(Policy = Policies.SignedIn)]
[EnableRateLimiting(WebSecurity.SignInRateLimit)]
public sealed class TokensModel(OpenProbationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<int> Lifetimes = [30, 90, 365];

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LifetimeItems =>
        Lifetimes.Select(d => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem($"{d} days", d.ToString(CultureInfo.InvariantCulture)));

    [BindProperty]
    public TokenInput Input { get; set; } = new() { Scopes = [TokenScopes.Read], Days = "90" };

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>The new token's secret: shown on this response only, never stored.</summary>
    public string? NewSecret { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors().Required("name", Input.Name, FieldLimits.Title, "what the token is for");
        var scopes = TokenScopes.Normalise(string.Join(' ', Input.Scopes));
        if (scopes is null)
        {
            errors.Add("scopes", "Select what the token may do");
        }

        if (!int.TryParse(Input.Days, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || !Lifetimes.Contains(days))
        {
            errors.Add("days", "Select how long the token lasts");
        }

        ModelState.AddDomainErrors(errors, "Input");
        if (!ModelState.IsValid || await users.GetUserAsync(User) is not { } user)
        {
            await LoadAsync(ct);
            return Page();
        }

        NewSecret = await ApiTokens.CreateAsync(db, user, Input.Name!.Trim(), TimeSpan.FromDays(days), clock, ct, scopes!);
        ModelState.Clear();
        Input = new TokenInput { Scopes = [TokenScopes.Read], Days = "90" };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var me = users.GetUserId(User);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == me, ct);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Redirect("/account/tokens");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var me = users.GetUserId(User);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me)
            .Select(t => new TokenRow(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);
        Tokens = [.. rows.OrderByDescending(t => t.CreatedAt)];
    }
}
