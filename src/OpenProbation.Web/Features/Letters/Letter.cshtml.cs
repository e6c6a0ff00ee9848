using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Letters;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Letters;

public sealed class LetterSentInput
{
    public int Version { get; set; }

    public DateParts SentOn { get; set; } = new();

    public string? How { get; set; }
}

/// <summary>A letter as it was written, its PDF, and recording the day it was sent and how (once).</summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class LetterModel(OpenProbationDbContext db, IAuthorizationService authorization, LetterTemplateSettings settings, TimeProvider clock) : PageModel
{
    public Letter Letter { get; private set; } = null!;

    public string Crn { get; private set; } = "";

    public string ServiceName => settings.ServiceName;

    public bool CanEdit { get; private set; }

    [BindProperty]
    public LetterSentInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<SelectListItem> HowItems =>
        Enum.GetValues<LetterDelivery>().Select(h => new SelectListItem(LetterRecord.How(h), h.ToString()));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new LetterSentInput { Version = Letter.Version, SentOn = DateParts.From(clock.Today()) };
        await AuditTrail.RecordViewAsync(db, Letter.PersonId, AuditTrail.Letters, ct, nameof(Letter), PeopleApi.Id(id));
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await AuditTrail.RecordViewAsync(db, Letter.PersonId, AuditTrail.Letters, ct, nameof(Letter), PeopleApi.Id(id));
        return File(LetterPdf.Render(Letter, settings.ServiceName), "application/pdf", $"letter-{Letter.Id}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var sentOn = Input.SentOn.Parse("the date sent", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.SentOn", dateError);
            return Page();
        }

        var (sent, errors) = await LetterRecord.RecordSentAsync(db, Letter, Input.Version, sentOn, FormValues.Choice<LetterDelivery>(Input.How), User.Identity!.Name!,
            clock.GetUtcNow(), ct);
        if (sent is null)
        {
            if (errors.IsValid)
            {
                ModelState.AddModelError("Input.Version", "The letter was changed by someone else while you were reading it: check it now");
            }

            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == "how" ? "Input.How" : "Input.SentOn", message);
                }
            }

            Input.Version = Letter.Version;
            return Page();
        }

        Confirmation = $"Recorded as sent on {Wording.Date(sent.SentOn!.Value)}, {LetterRecord.How(sent.SentHow!.Value).ToLowerInvariant()}";
        return Redirect($"/letters/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var people = db.VisiblePeople(User).Select(p => p.Id);
        if (await db.Letters.Where(l => people.Contains(l.PersonId)).SingleOrDefaultAsync(l => l.Id == id, ct) is not { } letter)
        {
            return false;
        }

        Letter = letter;
        Crn = await db.People.Where(p => p.Id == letter.PersonId).Select(p => p.Crn).SingleAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        return true;
    }
}
