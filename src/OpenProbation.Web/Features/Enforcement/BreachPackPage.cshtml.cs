using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>The breach (or recall) pack for a failure on which breach action or recall was decided, ready to print.</summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class BreachPackPageModel(OpenProbationDbContext db) : PageModel
{
    public BreachPackView Pack { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string crn, int id, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person
            || await db.FailuresToComply.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.PersonId == person.Id, ct) is not { } failure
            || !BreachPack.Exists(failure))
        {
            return NotFound();
        }

        Pack = await BreachPack.AssembleAsync(db, failure, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Enforcement, ct, "BreachPack", PeopleApi.Id(id));
        return Page();
    }
}
