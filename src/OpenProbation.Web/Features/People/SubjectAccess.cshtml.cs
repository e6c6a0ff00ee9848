using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.People;

/// <summary>
/// A person's subject-access export as a readable page (to print or save as PDF from the browser) or as JSON:
/// everything held on them. Administrators only; case access still applies; every export is recorded.
/// </summary>
[Authorize(Policy = Policies.ExportSubjectAccess)]
public sealed class SubjectAccessModel(OpenProbationDbContext db, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public SubjectAccessExport Export { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string crn, string? format, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return NotFound();
        }

        var asJson = string.Equals(format, "json", StringComparison.Ordinal);
        Export = await SubjectAccessExport.BuildAsync(db, person, clock, ct);
        AuditTrail.RecordExport(db, person.Id, AuditTrail.SubjectAccessExport, asJson ? "{\"format\":\"json\"}" : "{\"format\":\"html\"}");
        await db.SaveChangesAsync(ct);
        if (asJson)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Export, json.Value.SerializerOptions);
            return File(bytes, "application/json", $"subject-access-{person.Crn}.json");
        }

        return Page();
    }
}
