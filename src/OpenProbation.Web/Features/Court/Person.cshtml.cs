using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

public sealed class NewPersonInput
{
    public string? FirstName { get; set; }

    public string? MiddleNames { get; set; }

    public string? LastName { get; set; }

    public DateParts DateOfBirth { get; set; } = new();

    public string? Gender { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Ticked when the court officer has checked that a possible match is someone else.</summary>
    public bool ConfirmedNew { get; set; }
}

/// <summary>Add a person sentenced at court who has no record; a likely duplicate is shown before one is made.</summary>
[Authorize(Policy = Policies.EnterCourtOutcomes)]
public sealed class PersonModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewPersonInput Input { get; set; } = new();

    public IReadOnlyList<(string Crn, string Name)> PossibleMatches { get; private set; } = [];

    public static IEnumerable<SelectListItem> Genders =>
        Enum.GetValues<Gender>().Select(g => new SelectListItem(Wording.Gender(g), g.ToString()));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var dob = Input.DateOfBirth.Parse("Date of birth", out var dobError);
        var gender = FormValues.Choice<Gender>(Input.Gender);
        var details = new PersonDetails(Input.FirstName, Input.MiddleNames, Input.LastName, null, dob, gender, Input.Phone, Input.Email);
        if (dobError is not null)
        {
            ModelState.AddModelError("Input.DateOfBirth", dobError);
        }

        ModelState.AddDomainErrors(details.Validate(today), "Input");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!Input.ConfirmedNew)
        {
            var last = details.LastName!.Trim().ToLowerInvariant();
            var born = dob!.Value;
            // Only people the officer may see: a restricted record is not revealed, even as a possible match.
            var matches = await db.VisiblePeople(User).AsNoTracking()
                .Where(p => p.DateOfBirth == born && p.LastName.ToLower() == last)
                .Select(p => new { p.Crn, p.FirstName, p.LastName }).Take(10).ToListAsync(ct);
            if (matches.Count > 0)
            {
                PossibleMatches = [.. matches.Select(m => (m.Crn, $"{m.FirstName} {m.LastName}"))];
                return Page();
            }
        }

        var person = new Person { CreatedAt = clock.GetUtcNow() };
        person.Apply(details);
        person.Crn = await PeopleApi.NewCrnAsync(db, ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return Redirect($"/court/{person.Crn}/order");
    }
}
