using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Orders;

/// <summary>
/// Requirements that need action: delivery at risk or impossible before the order ends, or commencement overdue,
/// soonest last day to act first (<see cref="RequirementsNeedingAction"/>). A responsible officer sees their own cases;
/// a manager a team's, all they may see, or their own.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class AtRiskModel(OpenProbationDbContext db, IAuthorizationService authorization, DeliverySettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    /// <summary>Only the cases the user is responsible officer for.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>True for a user with a team role, who may choose whose cases.</summary>
    public bool ChoosesCases { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<AtRiskRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ChoosesCases = (await authorization.AuthorizeAsync(User, Policies.ReadTeamCaseloads)).Succeeded;
        if (ChoosesCases)
        {
            Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        }
        else
        {
            Mine = true;
            TeamId = null;
        }

        var (staffMemberId, errors) = await RequirementsNeedingAction.ScopeAsync(db, User, authorization, Mine, TeamId, ct);
        if (!errors.IsValid)
        {
            return NotFound();
        }

        Rows = await RequirementsNeedingAction.ListAsync(db, User, settings, clock.Today(), staffMemberId, Mine ? null : TeamId, ct);
        return Page();
    }
}
