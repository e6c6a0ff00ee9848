using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Orders;

/// <summary>One requirement needing action, for the manager's list.</summary>
public sealed record AtRiskRow(string Crn, string Name, Order Order, Requirement Requirement, RequirementCheck Check, string? ResponsibleOfficer);

/// <summary>
/// Requirements that need action across a team's caseloads: delivery at risk or impossible before the order ends, or
/// commencement overdue, soonest last day to act first. The manager sees them weeks ahead, not on the day the order expires.
/// </summary>
[Authorize(Policy = Policies.ReadTeamCaseloads)]
public sealed class AtRiskModel(OpenProbationDbContext db, DeliverySettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<AtRiskRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        if (TeamId is { } team && Teams.All(t => t.Id != team))
        {
            return NotFound();
        }

        var today = clock.Today();
        var orders = db.VisibleOrders(User).AsNoTracking().Where(o => o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached)
            .Where(o => o.Requirements.Any(r => r.Status == RequirementStatus.NotStarted || r.Status == RequirementStatus.Active));
        if (TeamId is { } t)
        {
            var held = db.Assignments.Where(a => a.ToDate == null && a.StaffMember!.TeamId == t).Select(a => a.OrderId);
            orders = orders.Where(o => held.Contains(o.Id));
        }

        var loaded = await orders.Include(o => o.Requirements).Include(o => o.Person).ToListAsync(ct);
        var checks = await RequirementChecks.ForOrdersAsync(db, loaded, settings, today, ct);
        var officers = await ResponsibleOfficers.ForOrdersAsync(db, [.. loaded.Select(o => o.Id)], ct);
        Rows = [.. loaded.SelectMany(o => o.Requirements.Select(r => (o, r)))
            .Where(x => checks[x.r.Id].NeedsAction)
            .Select(x => new AtRiskRow(x.o.Person!.Crn, x.o.Person.FullName, x.o, x.r, checks[x.r.Id], officers.GetValueOrDefault(x.o.Id)?.Name))
            .OrderBy(x => x.Check.Delivery?.ActBy ?? x.Check.Commencement?.Due ?? DateOnly.MaxValue).ThenBy(x => x.Crn, StringComparer.Ordinal)];
        return Page();
    }
}
