using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>My diary: the signed-in officer's appointments for a day or a week, with what is still to record.</summary>
[Authorize(Policy = Policies.HoldCaseload)]
public sealed class DiaryModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    public DiaryView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? date, string? view, CancellationToken ct)
    {
        if (OpenProbationClaims.StaffMemberIdOf(User) is not { } staffId
            || await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct) is not { } officer)
        {
            return Page();
        }

        View = await DiaryQuery.LoadAsync(db, User, staffId, officer.FullName, true, "/diary", date, view, clock, ct);
        return Page();
    }
}
