using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Search;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

/// <summary>
/// Step one of a court outcome: find the person who was sentenced, or add them. Searching first is what keeps
/// one person from becoming two records.
/// </summary>
[Authorize(Policy = Policies.EnterCourtOutcomes)]
public sealed class IndexModel(OpenProbationDbContext db) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchResult>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // "?q=" (an empty search) is a search: it gets a message. No q at all is the empty page.
        if (!Request.Query.ContainsKey("q"))
        {
            return;
        }

        var errors = new ValidationErrors().Required("q", Q, FieldLimits.Title, "a CRN, name or date of birth");
        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "");
            return;
        }

        Results = await PeopleApi.WhereMatches(db.VisiblePeople(User).AsNoTracking(), Q!.Trim())
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Take(50)
            .Select(p => new SearchResult(p.Crn, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.Gender))
            .ToListAsync(ct);
    }
}
