using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Admin;

public sealed record TeamRow(int Id, string Code, string Name, string DeliveryUnit, int Staff, decimal? CaseHoldingPosts);

public sealed class TeamInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? DeliveryUnitId { get; set; }

    public string? CaseHoldingPosts { get; set; }
}

/// <summary>Teams by delivery unit, and adding one; the rules are the API's.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class TeamsModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public TeamInput Input { get; set; } = new();

    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public IReadOnlyList<SelectListItem> DeliveryUnits { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unit = FormValues.Id(Input.DeliveryUnitId);
        var posts = FormValues.Number(ModelState, "Input.CaseHoldingPosts", Input.CaseHoldingPosts, "Case-holding posts");
        var request = new TeamRequest(unit, Input.Code, Input.Name, posts);
        ModelState.AddDomainErrors(await OrganisationApi.ValidateTeam(request, null, db, ct), "Input");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.Teams.Add(new Domain.Organisation.Team { DeliveryUnitId = unit!.Value, Code = Input.Code!.Trim().ToUpperInvariant(), Name = Input.Name!.Trim(), CaseHoldingPosts = posts });
        await db.SaveChangesAsync(ct);
        Confirmation = $"Team {Input.Name!.Trim()} added";
        return Redirect("/admin/teams");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.DeliveryUnit!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Code, t.Name, t.DeliveryUnit!.Name, t.Staff.Count(s => s.EndDate == null || s.EndDate >= today), t.CaseHoldingPosts))
            .ToListAsync(ct);
        DeliveryUnits = await db.DeliveryUnits.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct);
    }
}
