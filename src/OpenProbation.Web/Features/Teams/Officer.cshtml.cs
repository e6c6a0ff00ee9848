using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Caseload;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Teams;

/// <summary>An officer's caseload as their manager or case administrator sees it.</summary>
[Authorize(Policy = Policies.ReadTeamCaseloads)]
public sealed class OfficerModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseloadFilter Filter { get; set; } = new();

    public CaseloadView? View { get; private set; }

    public int TeamId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int staffId, CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (officer is null)
        {
            return NotFound();
        }

        TeamId = officer.TeamId;
        var today = clock.Today();
        View = new CaseloadView(officer.FullName, false, today, await CaseloadQuery.LoadAsync(db, User, policies, staffId, clock.GetUtcNow(), ct), Filter, $"/team/officers/{staffId}")
        {
            DiaryPath = $"/team/officers/{staffId}/diary",
            WorkloadPath = $"/team/officers/{staffId}/workload",
        };
        return Page();
    }
}
