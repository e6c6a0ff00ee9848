using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Allocation;

/// <summary>The allocation queue: a delivery unit's (or one team's) unallocated cases with their clocks, longest overdue first.</summary>
[Authorize(Policy = Policies.AllocateCases)]
public sealed class QueueModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    public IReadOnlyList<QueuedCase> Cases { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    /// <summary>What the queue shows, in words: "Eastgate team" or "Northshire delivery unit".</summary>
    public string Scope { get; private set; } = "";

    public AllocationSettings Settings => policies.Allocation;

    /// <summary>How the cases that arrived in the last four weeks did against the target, for the same teams.</summary>
    public AllocationTargetView? Target { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unit = await Allocations.UserDeliveryUnitAsync(db, User, ct);
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        List<int>? teams = null;
        if (TeamId is { } t)
        {
            if (!Teams.Any(x => x.Id == t))
            {
                return NotFound();
            }

            teams = [t];
            Scope = Teams.First(x => x.Id == t).Name;
        }
        else if (unit is { } u)
        {
            teams = await Allocations.TeamsOfUnitAsync(db, u, ct);
            Scope = await db.DeliveryUnits.Where(d => d.Id == u).Select(d => d.Name).SingleAsync(ct);
        }
        else
        {
            Scope = "every team";
        }

        Cases = await Allocations.QueueAsync(db, User, policies, contacts, teams, clock.Today(), ct);
        Target = await AllocationTargetView.ForPageAsync(db, policies, contacts, teams, clock.Today(), ct);
        return Page();
    }
}

public sealed class AllocationInput
{
    public string? StaffId { get; set; }

    public string? HandoverNote { get; set; }

    public string? OverrideReason { get; set; }

    public string? Reason { get; set; }

    /// <summary>"true" when the form was shown for an unallocated case, so an allocation made meanwhile is not silently replaced.</summary>
    public string? Allocating { get; set; }
}

public sealed class TransferInput
{
    public string? TeamId { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// One case: its risk, tier, markers, requirements and dates, the ranked officers with their reasons, and the allocation
/// (or, for a case that has an officer, reallocation) form; the hard rules refuse a choice unless a manager gives an
/// override reason. An unallocated case can be sent to another team's queue.
/// </summary>
[Authorize(Policy = Policies.AllocateCases)]
public sealed class CaseModel(
    OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AllocationInput Input { get; set; } = new();

    [BindProperty]
    public TransferInput Transfer { get; set; } = new();

    public QueuedCase Case { get; private set; } = null!;

    public IReadOnlyList<AllocationSuggestion> Suggestions { get; private set; } = [];

    /// <summary>The current responsible officer, when the case has one (the form then reallocates).</summary>
    public (int Id, string Name, DateOnly From)? Current { get; private set; }

    public IReadOnlyList<SelectListItem> TeamItems { get; private set; } = [];

    public Dictionary<int, string> TeamNames { get; private set; } = [];

    public bool MayOverride { get; private set; }

    /// <summary>The rules the last choice broke, shown above the form.</summary>
    public IReadOnlyList<RuleBreach> Breaches { get; private set; } = [];

    public AllocationSettings Settings => policies.Allocation;

    public DateOnly WindowEnd => AllocationRules.WindowEnd(clock.Today(), contacts.Calendar, policies.Allocation);

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int orderId, CancellationToken ct) =>
        await LoadAsync(orderId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        var staffId = FormValues.Id(Input.StaffId);
        if (staffId is null)
        {
            ModelState.AddModelError("Input.StaffId", Current is null ? "Choose the officer to allocate the case to" : "Choose the officer to reallocate the case to");
            return Page();
        }

        var allocating = Input.Allocating == "true";
        if (!allocating && Current is not null && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Enter the reason for the reallocation");
            return Page();
        }

        var outcome = await Allocations.AllocateAsync(
            db, User, policies, contacts, new AllocationAttempt(orderId, staffId, Input.Reason, Input.HandoverNote, Input.OverrideReason, ExpectUnallocated: allocating || Current is null),
            MayOverride, User.Identity?.Name ?? "unknown", clock.GetUtcNow(), clock.Today(), ct);
        if (!outcome.Succeeded)
        {
            ShowProblems(outcome, ModelState, "Input");
            Breaches = outcome.Breaches;
            return Page();
        }

        var name = Suggestions.FirstOrDefault(s => s.Candidate.StaffMemberId == staffId)?.Candidate.Name ?? "the officer";
        var overridden = outcome.Breaches.Count > 0 ? " The override and its reason are recorded." : "";
        Confirmation = $"{Case.Name} ({Case.Crn}) allocated to {name}.{overridden} They will see the case and your note on their home page.";
        return Current is null ? Redirect("/allocations") : Redirect($"/people/{Case.Crn}");
    }

    public async Task<IActionResult> OnPostTransferAsync(int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        var (_, errors, _) = await Allocations.TransferAsync(
            db, User, orderId, FormValues.Id(Transfer.TeamId), Transfer.Reason, User.Identity?.Name ?? "unknown", clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "Transfer");
            return Page();
        }

        Confirmation = $"{Case.Name} ({Case.Crn}) sent to {TeamNames.GetValueOrDefault(FormValues.Id(Transfer.TeamId) ?? 0, "the team")}'s queue. Its clock keeps running from {Wording.Date(Case.Clock.Arrived)}.";
        return Redirect("/allocations");
    }

    /// <summary>Puts an allocation's errors and broken rules on the form, next to the field they concern.</summary>
    internal static void ShowProblems(AllocationOutcome outcome, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, string? lead = null)
    {
        var rename = new Dictionary<string, string> { ["staffMemberId"] = "StaffId", ["reason"] = "Reason", ["fromDate"] = "StaffId", ["overrideReason"] = "OverrideReason" };
        if (lead is null)
        {
            state.AddDomainErrors(outcome.Errors, prefix, rename);
        }
        else
        {
            foreach (var (field, messages) in outcome.Errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    state.AddModelError($"{prefix}.{rename.GetValueOrDefault(field, "StaffId")}", $"{lead}: {message}");
                }
            }
        }

        if (outcome.NotFound)
        {
            state.AddModelError($"{prefix}.StaffId", $"{lead ?? "The case"}: not found");
        }

        if (outcome.AlreadyAllocatedTo is { } holder)
        {
            state.AddModelError($"{prefix}.StaffId", $"The case has just been allocated to {holder} by someone else: reallocate it if it should move");
        }

        if (outcome.Errors.IsValid && outcome.Breaches.Count > 0)
        {
            var why = string.Join("; ", outcome.Breaches.Select(b => b.Message));
            state.AddModelError(
                outcome.OverrideNotAllowed ? $"{prefix}.StaffId" : $"{prefix}.OverrideReason",
                (lead is null ? "" : lead + ": ") + (outcome.OverrideNotAllowed
                    ? $"{why}. Only a manager can override this: choose another officer"
                    : $"{why}. Choose another officer, or give the reason for overriding"));
        }
    }

    private async Task<bool> LoadAsync(int orderId, CancellationToken ct)
    {
        var today = clock.Today();
        if (await Allocations.FindAsync(db, User, policies, contacts, orderId, today, ct) is not { } found)
        {
            return false;
        }

        Case = found;
        var current = await db.Assignments.AsNoTracking().Where(a => a.OrderId == orderId && a.ToDate == null)
            .Select(a => new { a.StaffMemberId, a.StaffMember!.FirstName, a.StaffMember.LastName, a.FromDate }).SingleOrDefaultAsync(ct);
        Current = current is null ? null : (current.StaffMemberId, $"{current.FirstName} {current.LastName}", current.FromDate);
        MayOverride = await AllocationApi.MayOverrideAsync(authorization, User);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        TeamNames = teams.ToDictionary(t => t.Id, t => t.Name);
        TeamItems = [.. teams.Where(t => t.Id != Case.TeamId).Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        Suggestions = await Allocations.SuggestAsync(db, User, policies, contacts, Case, today, ct);
        return true;
    }
}

/// <summary>Allocations made by overriding a hard rule, for the delivery-unit head: who, which case, which rule and why.</summary>
[Authorize(Policy = Policies.AllocateCases)]
public sealed class OverridesModel(OpenProbationDbContext db) : PageModel
{
    /// <summary>The most overrides the page lists; the API pages through all.</summary>
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public int? DeliveryUnitId { get; set; }

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<AllocationDto> Overrides { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = [.. (await db.DeliveryUnits.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name))];
        if (DeliveryUnitId is { } requested && !Units.Any(u => u.Id == requested))
        {
            return NotFound();
        }

        DeliveryUnitId ??= await Allocations.UserDeliveryUnitAsync(db, User, ct);
        var query = AllocationApi.OverridesQuery(db, User, DeliveryUnitId, null, null);
        Total = await query.CountAsync(ct);
        Overrides = await AllocationApi.ProjectAsync(query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(Shown), ct);
        return Page();
    }
}

public sealed class ReallocationInput
{
    public List<int> EventIds { get; set; } = [];

    public string? StaffId { get; set; }

    public string? Reason { get; set; }

    public string? HandoverNote { get; set; }

    public string? OverrideReason { get; set; }
}

/// <summary>
/// Reallocate some or all of an officer's cases (when they leave, go on long-term absence or are over capacity) to
/// another officer, with a reason and a handover note; every case is checked against the hard rules and all or none move.
/// </summary>
[Authorize(Policy = Policies.AllocateCases)]
public sealed class ReallocateModel(
    OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ReallocationInput Input { get; set; } = new();

    public Domain.Organisation.StaffMember Officer { get; private set; } = null!;

    /// <summary>The officer's current cases on live orders that the user may see.</summary>
    public IReadOnlyList<(int OrderId, string Crn, string Name, OrderType Type, DateOnly ExpectedEnd)> Cases { get; private set; } = [];

    /// <summary>Cases the user may not see (restricted); an administrator reallocates those.</summary>
    public int HiddenCases { get; private set; }

    public IReadOnlyList<OfficerWorkload> Receivers { get; private set; } = [];

    public IReadOnlyList<RuleBreach> Breaches { get; private set; } = [];

    public bool MayOverride { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int staffId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }

        Input.EventIds = [.. Cases.Select(c => c.OrderId)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int staffId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }

        var receiver = FormValues.Id(Input.StaffId);
        var chosen = Input.EventIds.Distinct().Where(id => Cases.Any(c => c.OrderId == id)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("Input.EventIds", "Choose at least one case to reallocate");
        }

        if (receiver is null)
        {
            ModelState.AddModelError("Input.StaffId", "Choose the officer to reallocate the cases to");
        }

        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Enter the reason for the reallocation");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (made, failed) = await AllocationApi.ReallocateAsync(
            db, User, policies, contacts, chosen, receiver!.Value, Input.Reason!, Input.HandoverNote, Input.OverrideReason, MayOverride,
            User.Identity?.Name ?? "unknown", clock, ct);
        if (failed is { } f)
        {
            var crn = Cases.First(c => c.OrderId == chosen[f.Index]).Crn;
            CaseModel.ShowProblems(f.Outcome, ModelState, "Input", crn);
            Breaches = f.Outcome.Breaches;
            return Page();
        }

        var name = Receivers.FirstOrDefault(r => r.Officer.Id == receiver)?.Officer.FullName ?? "the officer";
        Confirmation = made.Count == 1
            ? $"1 case reallocated from {Officer.FullName} to {name}."
            : $"{made.Count} cases reallocated from {Officer.FullName} to {name}.";
        return Redirect($"/team/officers/{staffId}/workload");
    }

    private async Task<bool> LoadAsync(int staffId, CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().Include(s => s.Team).SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (officer is null)
        {
            return false;
        }

        Officer = officer;
        var today = clock.Today();
        var all = (await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null)
                .Select(a => new { a.OrderId, a.Order!.Status })
                .ToListAsync(ct))
            .Where(a => a.Status is OrderStatus.Active or OrderStatus.Breached)
            .Select(a => a.OrderId)
            .ToList();
        var visible = await db.VisibleOrders(User).AsNoTracking().Where(o => all.Contains(o.Id))
            .Select(o => new { o.Id, o.Person!.Crn, o.Person.FirstName, o.Person.LastName, o.Type, o.ExpectedEndDate })
            .ToListAsync(ct);
        Cases = [.. visible.OrderBy(o => o.LastName, StringComparer.Ordinal).ThenBy(o => o.FirstName, StringComparer.Ordinal).ThenBy(o => o.Id)
            .Select(o => (o.Id, o.Crn, $"{o.FirstName} {o.LastName}", o.Type, o.ExpectedEndDate))];
        HiddenCases = all.Count - visible.Count;
        MayOverride = await AllocationApi.MayOverrideAsync(authorization, User);
        var unit = officer.Team!.DeliveryUnitId;
        var ids = (await db.Staff.AsNoTracking()
                .Where(s => s.Team!.DeliveryUnitId == unit && s.Id != staffId && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
                .Select(s => new { s.Id, s.Grade, s.LastName, s.FirstName })
                .ToListAsync(ct))
            .Where(s => Domain.Organisation.StaffGrades.CanHoldCases(s.Grade))
            .OrderBy(s => s.LastName, StringComparer.Ordinal).ThenBy(s => s.FirstName, StringComparer.Ordinal).Select(s => s.Id).ToList();
        Receivers = await OfficerWorkloads.LoadAsync(db, User, policies, contacts, ids, today, ct);
        return true;
    }
}
