using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>Arrange an appointment, or a repeating series, for a person: all occurrences are saved together or none.</summary>
[Authorize(Policy = Policies.EditCases)]
public sealed class ArrangeModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : AppointmentFormPage(db, policies, clock)
{
    public override bool RecordsContact => false;

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
