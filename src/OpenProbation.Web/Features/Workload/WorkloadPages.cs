using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Workload;

/// <summary>The signed-in officer's own workload by both models.</summary>
[Authorize(Policy = Policies.HoldCaseload)]
public sealed class MineModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    public OfficerWorkload? Workload { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            Workload = (await OfficerWorkloads.LoadAsync(db, User, policies, contacts, [me], clock.Today(), ct)).SingleOrDefault();
        }
    }
}

/// <summary>An officer's workload as their manager, an administrator or an analyst sees it.</summary>
[Authorize(Policy = Policies.ReadWorkloads)]
public sealed class OfficerModel(
    OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public OfficerWorkload? Workload { get; private set; }

    /// <summary>True when the reader may reallocate the officer's cases.</summary>
    public bool CanReallocate { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int staffId, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct))
        {
            return NotFound();
        }

        Workload = (await OfficerWorkloads.LoadAsync(db, User, policies, contacts, [staffId], clock.Today(), ct)).Single();
        CanReallocate = (await authorization.AuthorizeAsync(User, Policies.AllocateCases)).Succeeded;
        return Page();
    }
}

/// <summary>
/// Every case-holding officer in a team with both capacities, red above 100% or with cases and no capacity at all, and
/// the team's distribution; an officer's row links to their workload.
/// </summary>
[Authorize(Policy = Policies.ReadWorkloads)]
public sealed class TeamModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    public Domain.Organisation.Team? Team { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<OfficerWorkload> Officers { get; private set; } = [];

    public int Cases { get; private set; }

    public Establishment Establishment { get; private set; } = Vacancies.Of(null, []);

    /// <summary>Live orders in the team's allocation queue (named for this team) with no responsible officer.</summary>
    public int Unallocated { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        var teamId = TeamId;
        if (teamId is null && OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            teamId = await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.TeamId).SingleOrDefaultAsync(ct);
        }

        teamId ??= Teams.Count > 0 ? Teams[0].Id : null;
        Team = teamId is null ? null : await db.Teams.AsNoTracking().Include(t => t.DeliveryUnit).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (Team is null)
        {
            return TeamId is null ? Page() : NotFound();
        }

        var ids = await OfficerWorkloads.TeamOfficersAsync(db, Team.Id, today, ct);
        Officers = await OfficerWorkloads.LoadAsync(db, User, policies, contacts, ids, today, ct);
        Cases = Officers.SelectMany(o => o.Cases).Select(c => c.PersonId).Distinct().Count();
        Establishment = Vacancies.Of(Team.CaseHoldingPosts, Officers.Select(o => o.Officer.ContractedHours));
        Unallocated = await db.Orders.CountAsync(
            o => o.AllocationTeamId == Team.Id && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached) && !o.Assignments.Any(a => a.ToDate == null), ct);
        return Page();
    }
}

/// <summary>Capacity in words and its tag colour, shared by the workload pages.</summary>
public static class WorkloadWording
{
    /// <summary>"92.5%", or "No capacity" when nothing is available.</summary>
    public static string Capacity(decimal? percent) =>
        percent is { } p ? p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "No capacity";

    /// <summary>Red above 100% or with no capacity, orange above 90%, green otherwise.</summary>
    public static string Tag(decimal? percent) =>
        percent is null || percent > 100m ? "govuk-tag govuk-tag--red" : percent > 90m ? "govuk-tag govuk-tag--orange" : "govuk-tag govuk-tag--green";
}
