using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Admin;

public sealed record AbsenceRow(string Staff, AbsenceType Type, DateOnly StartDate, DateOnly EndDate, string? Notes);

public sealed class AbsenceInput
{
    public string? StaffMemberId { get; set; }

    public string? Type { get; set; }

    public DateParts StartDate { get; set; } = new();

    public DateParts EndDate { get; set; } = new();

    public string? Notes { get; set; }
}

/// <summary>A team's current and coming absences, and recording one: allocation reads these (PRACTICE.md section 4).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AbsencesModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    [BindProperty]
    public AbsenceInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];

    public IReadOnlyList<AbsenceRow> Absences { get; private set; } = [];

    public static IEnumerable<SelectListItem> Types => Enum.GetValues<AbsenceType>().Select(t => new SelectListItem(Wording.Absence(t), t.ToString()));

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var start = Input.StartDate.Parse("Start date", out var startError);
        var end = Input.EndDate.Parse("End date", out var endError);
        if (startError is not null)
        {
            ModelState.AddModelError("Input.StartDate", startError);
        }

        if (endError is not null)
        {
            ModelState.AddModelError("Input.EndDate", endError);
        }

        var type = FormValues.Choice<AbsenceType>(Input.Type);
        var details = new AbsenceDetails(type, start, end, Input.Notes);
        ModelState.AddDomainErrors(details.Validate(), "Input");
        int? staffId = int.TryParse(Input.StaffMemberId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
        if (staffId is null || !await db.Staff.AnyAsync(x => x.Id == staffId, ct))
        {
            ModelState.AddModelError("Input.StaffMemberId", "Select the member of staff");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var absence = new StaffAbsence { StaffMemberId = staffId!.Value };
        absence.Apply(details);
        db.Absences.Add(absence);
        await db.SaveChangesAsync(ct);
        Confirmation = $"{Wording.Absence(absence.Type)} recorded from {Wording.Date(absence.StartDate)} to {Wording.Date(absence.EndDate)}";
        var team = await db.Staff.Where(x => x.Id == staffId).Select(x => x.TeamId).SingleAsync(ct);
        return Redirect($"/admin/absences?teamId={team}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Teams = await db.Teams.AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new SelectListItem(x.Name, x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct);
        TeamId ??= Teams.Count > 0 ? int.Parse(Teams[0].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        Staff = await db.Staff.AsNoTracking().Where(x => x.TeamId == TeamId && (x.EndDate == null || x.EndDate >= today))
            .OrderBy(x => x.LastName).ThenBy(x => x.FirstName)
            .Select(x => new SelectListItem(x.FirstName + " " + x.LastName, x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(ct);
        Absences = await db.Absences.AsNoTracking()
            .Where(a => a.StaffMember!.TeamId == TeamId && a.EndDate >= today)
            .OrderBy(a => a.StartDate)
            .Select(a => new AbsenceRow(a.StaffMember!.FirstName + " " + a.StaffMember.LastName, a.Type, a.StartDate, a.EndDate, a.Notes))
            .ToListAsync(ct);
    }
}
