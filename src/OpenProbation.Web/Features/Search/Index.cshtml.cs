using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Search;

public sealed record SearchResult(string Crn, string FirstName, string? MiddleNames, string LastName, DateOnly DateOfBirth, Gender Gender);

/// <summary>Find a person by CRN, name or date of birth. People the user may not see are not found, nor counted.</summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class IndexModel(OpenProbationDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<SearchResult>? Results { get; private set; }

    /// <summary>
    /// The text to search for, or null: no <c>q</c> at all is the empty page, and "?q=" (an empty search) gets a
    /// message on the page's Q field. Shared by every page with the one search box.
    /// </summary>
    internal static string? SearchText(PageModel page, string? q)
    {
        if (!page.Request.Query.ContainsKey("q"))
        {
            return null;
        }

        var errors = new ValidationErrors().Required("q", q, FieldLimits.Title, "a CRN, name or date of birth");
        page.ModelState.AddDomainErrors(errors, "");
        return errors.IsValid ? q!.Trim() : null;
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (SearchText(this, Q) is not { } text)
        {
            return;
        }

        // A page number from a hand-edited link is clamped, not an error.
        ModelState.Remove("page");
        var paging = Paging.Create(Math.Clamp(PageNumber, 1, 100_000), PageSize, new ValidationErrors());
        var query = PeopleApi.WhereMatches(db.VisiblePeople(User).AsNoTracking(), text);
        Results = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .ToPageAsync(paging, p => new SearchResult(p.Crn, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.Gender), ct);
    }
}
