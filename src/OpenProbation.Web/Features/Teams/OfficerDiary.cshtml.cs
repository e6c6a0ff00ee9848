using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Teams;

/// <summary>An officer's diary as their manager or case administrator sees it.</summary>
[Authorize(Policy = Policies.ReadTeamCaseloads)]
public sealed class OfficerDiaryModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    public DiaryView View { get; private set; } = null!;

    public int StaffId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int staffId, string? date, string? view, CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (officer is null)
        {
            return NotFound();
        }

        StaffId = staffId;
        View = await DiaryQuery.LoadAsync(db, User, staffId, officer.FullName, false, $"/team/officers/{staffId}/diary", date, view, clock, ct);
        return Page();
    }
}
