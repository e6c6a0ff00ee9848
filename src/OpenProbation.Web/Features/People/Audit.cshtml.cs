using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.People;

/// <summary>Who saw and changed what on a case, newest first: for managers and administrators. Reading it is itself recorded.</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(OpenProbationDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Person Person { get; private set; } = null!;

    public PagedList<AuditEvent> Events { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        ModelState.Remove("page");
        var paging = Paging.Create(Math.Clamp(PageNumber, 1, 100_000), PageSize, new ValidationErrors());
        Events = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == person.Id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence)
            .ToPageAsync(paging, e => e, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.AuditHistory, ct);
        return Page();
    }
}
