using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Caseload;

/// <summary>My caseload: the cases the signed-in officer is responsible officer for.</summary>
[Authorize(Policy = Policies.HoldCaseload)]
public sealed class IndexModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseloadFilter Filter { get; set; } = new();

    public CaseloadView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (OpenProbationClaims.StaffMemberIdOf(User) is not { } staffId
            || await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct) is not { } officer)
        {
            return Page();
        }

        var today = clock.Today();
        View = new CaseloadView(officer.FullName, true, today, await CaseloadQuery.LoadAsync(db, User, policies, staffId, clock.GetUtcNow(), ct), Filter, "/caseload")
        {
            DiaryPath = "/diary",
            WorkloadPath = "/workload",
        };
        return Page();
    }
}

/// <summary>What the caseload table shows; shared by "My caseload" and a manager's view of an officer's caseload.</summary>
public sealed record CaseloadView(string OfficerName, bool Mine, DateOnly Today, IReadOnlyList<CaseloadRow> All, CaseloadFilter Filter, string Path)
{
    public IReadOnlyList<CaseloadRow> Shown { get; } = CaseloadQuery.Apply(All, Filter);

    /// <summary>The officer's diary.</summary>
    public string? DiaryPath { get; init; }

    /// <summary>The officer's workload page, when the reader may see it.</summary>
    public string? WorkloadPath { get; init; }
}
