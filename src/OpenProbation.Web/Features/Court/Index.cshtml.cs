using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Search;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

/// <summary>
/// Step one of a court outcome: find the person who was sentenced, or add them. Searching first is what keeps
/// one person from becoming two records.
/// </summary>
[Authorize(Policy = Policies.EnterCourtOutcomes)]
public sealed class IndexModel(OpenProbationDbContext db, IAuthorizationService authorization) : PageModel
{
    /// <summary>Shows the link to the court feedback report to those who may read it.</summary>
    public bool CanReadCourtFeedback { get; private set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchResult>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanReadCourtFeedback = (await authorization.AuthorizeAsync(User, Policies.ReadCourtFeedback)).Succeeded;
        if (Search.IndexModel.SearchText(this, Q) is not { } text)
        {
            return;
        }

        Results = await PeopleApi.WhereMatches(db.VisiblePeople(User).AsNoTracking(), text)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Take(50)
            .Select(p => new SearchResult(p.Crn, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.Gender))
            .ToListAsync(ct);
    }
}
