using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Workload;

/// <summary>What a manager types to record or change a reduction; every field arrives as text.</summary>
public sealed class ReductionInput
{
    public int Version { get; set; }

    public string? Type { get; set; }

    public DateParts StartDate { get; set; } = new();

    public DateParts EndDate { get; set; } = new();

    public string? HoursPerWeek { get; set; }

    public string? Notes { get; set; }

    public static ReductionInput From(Reduction r) => new()
    {
        Version = r.Version,
        Type = r.Type.ToString(),
        StartDate = DateParts.From(r.StartDate),
        EndDate = DateParts.From(r.EndDate),
        HoursPerWeek = r.HoursPerWeek?.ToString("0.##", CultureInfo.InvariantCulture),
        Notes = r.Notes,
    };

    /// <summary>The details, with anything that is not a date or a number already against its field.</summary>
    public ReductionDetails Read(ModelStateDictionary state)
    {
        var start = StartDate.Parse("Start date", out var startError);
        if (startError is not null)
        {
            state.AddModelError("Input.StartDate", startError);
        }

        DateOnly? end = null;
        if (!EndDate.IsEmpty)
        {
            end = EndDate.Parse("End date", out var endError);
            if (endError is not null)
            {
                state.AddModelError("Input.EndDate", endError);
            }
        }

        var hours = FormValues.Number(state, "Input.HoursPerWeek", HoursPerWeek, "Hours a week");
        return new ReductionDetails(FormValues.Choice<ReductionType>(Type), start, end, hours, Notes);
    }
}

/// <summary>A page with the reduction form: what was typed, and the rules in force, which the form's guidance explains.</summary>
public interface IReductionFormPage
{
    ReductionInput Input { get; }

    ReductionRules Rules { get; }
}

/// <summary>A reduction as the reductions page lists it, with what it takes off today and when a stepped one runs out.</summary>
public sealed record ReductionRow(Reduction Reduction, decimal HoursToday, DateOnly? ExpiresAfter);

/// <summary>
/// An officer's reductions, current and past, and recording one (trainee, newly qualified, facility time, sickness,
/// maternity or agreed hours): the officer's available points and hours change as soon as it is saved. For managers.
/// </summary>
[Authorize(Policy = Policies.ManageReductions)]
public sealed class ReductionsModel(OpenProbationDbContext db, WorkloadPolicies policies, TimeProvider clock) : PageModel, IReductionFormPage
{
    public ReductionRules Rules { get; } = policies.Points.At(clock.Today()).Reductions;

    public StaffMember Officer { get; private set; } = null!;

    public IReadOnlyList<ReductionRow> Reductions { get; private set; } = [];

    [BindProperty]
    public ReductionInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int staffId, CancellationToken ct) => await LoadAsync(staffId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int staffId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }

        var details = Input.Read(ModelState);
        ModelState.AddDomainErrors(details.Validate(Rules, Officer.ContractedHours), "Input");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reduction = new Reduction { StaffMemberId = staffId, RecordedBy = User.Identity?.Name ?? "unknown", RecordedAt = clock.GetUtcNow() };
        reduction.Apply(details);
        db.Reductions.Add(reduction);
        await db.SaveChangesAsync(ct);
        Confirmation = ReductionForm.Saved(reduction, "recorded");
        return Redirect($"/team/officers/{staffId}/reductions");
    }

    private async Task<bool> LoadAsync(int staffId, CancellationToken ct)
    {
        if (await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct) is not { } officer)
        {
            return false;
        }

        Officer = officer;
        var today = clock.Today();
        var reductions = await db.Reductions.AsNoTracking().Where(r => r.StaffMemberId == staffId)
            .OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id).ToListAsync(ct);
        Reductions = [.. reductions.Select(r => new ReductionRow(r, Rules.HoursOn(r, officer.ContractedHours, today), r.EndDate ?? Rules.Rules[r.Type].ExpiresAfter(r.StartDate)))];
        return true;
    }
}

/// <summary>
/// Changing or ending one reduction (ending is giving it an end date). The version the manager saw travels with the form,
/// so a change someone else saved meanwhile is shown, not overwritten.
/// </summary>
[Authorize(Policy = Policies.ManageReductions)]
public sealed class ReductionModel(OpenProbationDbContext db, WorkloadPolicies policies, TimeProvider clock) : PageModel, IReductionFormPage
{
    public ReductionRules Rules { get; } = policies.Points.At(clock.Today()).Reductions;

    public const string StaleMessage = "Someone else changed this reduction while you were editing it. What is recorded now is shown: check it and save again";

    public StaffMember Officer { get; private set; } = null!;

    public Reduction Reduction { get; private set; } = null!;

    [BindProperty]
    public ReductionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int staffId, int reductionId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, reductionId, track: false, ct))
        {
            return NotFound();
        }

        Input = ReductionInput.From(Reduction);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int staffId, int reductionId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, reductionId, track: true, ct))
        {
            return NotFound();
        }

        var details = Input.Read(ModelState);
        if (Reduction.Version != Input.Version)
        {
            return Stale();
        }

        ModelState.AddDomainErrors(details.Validate(Rules, Officer.ContractedHours), "Input");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Reduction.Apply(details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(staffId, reductionId, track: false, ct);
            return Stale();
        }

        TempData["Confirmation"] = ReductionForm.Saved(Reduction, "changed");
        return Redirect($"/team/officers/{staffId}/reductions");
    }

    // What was typed stays on the form; the version moves on to what is recorded now, so saving again is a decision.
    private PageResult Stale()
    {
        ModelState.AddModelError("Input.Type", StaleMessage);
        ModelState.Remove("Input.Version");
        Input.Version = Reduction.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int staffId, int reductionId, bool track, CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        var query = track ? db.Reductions : db.Reductions.AsNoTracking();
        var reduction = await query.SingleOrDefaultAsync(r => r.Id == reductionId && r.StaffMemberId == staffId, ct);
        if (officer is null || reduction is null)
        {
            return false;
        }

        Officer = officer;
        Reduction = reduction;
        return true;
    }
}

/// <summary>What the two reduction pages share.</summary>
public static class ReductionForm
{
    public static IEnumerable<SelectListItem> Types =>
        Enum.GetValues<ReductionType>().Select(t => new SelectListItem(PointsWorkload.ReductionName(t), t.ToString()));

    /// <summary>How a type counts under the rules in force, for the form's guidance: "80% of contracted hours in months 0 to 6, …".</summary>
    public static string HowItCounts(ReductionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        if (rule.WhileItLasts is { } share)
        {
            return $"{Percent(share)} of contracted hours while it lasts";
        }

        return rule.IsHoursBased
            ? "the hours a week you enter"
            : "of contracted hours, " + string.Join(", ", rule.Steps.Select(s => $"{Percent(s.Share)} in months {s.FromMonth} to {s.ToMonth}"));
    }

    public static string Saved(Reduction r, string what) =>
        $"{PointsWorkload.ReductionName(r.Type)} {what}, from {Wording.Date(r.StartDate)}{(r.EndDate is { } end ? $" to {Wording.Date(end)}" : "")}";
}
