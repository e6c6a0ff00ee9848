using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>Record a contact that was not booked in advance (a call, a visit, someone who came in), with what happened.</summary>
[Authorize(Policy = Policies.EditCases)]
public sealed class RecordContactModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : AppointmentFormPage(db, policies, clock)
{
    public override bool RecordsContact => true;

    public async Task<IActionResult> OnGetAsync(string crn, int? requirementId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, ct))
        {
            return NotFound();
        }

        Defaults(requirementId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string crn, CancellationToken ct) =>
        await LoadAsync(crn, ct) ? await SaveAsync(ct) : NotFound();
}
