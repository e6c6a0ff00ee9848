using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Workload;

/// <summary>What an officer types to challenge their figure.</summary>
public sealed class ChallengeInput
{
    public string? Reason { get; set; }
}

/// <summary>The signed-in officer's own workload by both models, what is coming in the next four weeks, and their challenges to it.</summary>
[Authorize(Policy = Policies.HoldCaseload)]
public sealed class MineModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    public OfficerWorkload? Workload { get; private set; }

    public OfficerOutlook? Outlook { get; private set; }

    public IReadOnlyList<WorkloadChallengeDto> Challenges { get; private set; } = [];

    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>"This is wrong because…": recorded with the figures as they stand, for the officer's manager to answer.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Workload is null)
        {
            return Forbid();
        }

        var (challenge, errors) = await WorkloadChallenges.RaiseAsync(db, Workload, Input.Reason, User.Identity?.Name ?? "unknown", clock, ct);
        if (challenge is null)
        {
            ModelState.AddDomainErrors(errors, "Input");
            return Page();
        }

        Confirmation = "Your challenge has been sent to your manager. Their answer will appear here.";
        return Redirect("/workload#challenges");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            var today = clock.Today();
            Workload = (await OfficerWorkloads.LoadAsync(db, User, policies, contacts, [me], today, ct)).SingleOrDefault();
            if (Workload is not null)
            {
                Outlook = await OfficerOutlook.LoadAsync(db, User, me, today, ct);
                Challenges = await WorkloadChallenges.Listed(db, db.WorkloadChallenges.Where(c => c.StaffMemberId == me)).ToListAsync(ct);
            }
        }
    }
}

/// <summary>An officer's workload as their manager, an administrator or an analyst sees it.</summary>
[Authorize(Policy = Policies.ReadWorkloads)]
public sealed class OfficerModel(
    OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public OfficerWorkload? Workload { get; private set; }

    public OfficerOutlook? Outlook { get; private set; }

    public IReadOnlyList<WorkloadChallengeDto> Challenges { get; private set; } = [];

    /// <summary>True when the reader may reallocate the officer's cases.</summary>
    public bool CanReallocate { get; private set; }

    /// <summary>True when the reader may answer the officer's challenges (a manager).</summary>
    public bool CanAnswer { get; private set; }

    /// <summary>True when the reader may record and change the officer's reductions.</summary>
    public bool CanManageReductions { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int staffId, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct))
        {
            return NotFound();
        }

        var today = clock.Today();
        Workload = (await OfficerWorkloads.LoadAsync(db, User, policies, contacts, [staffId], today, ct)).Single();
        Outlook = await OfficerOutlook.LoadAsync(db, User, staffId, today, ct);
        Challenges = await WorkloadChallenges.Listed(db, db.WorkloadChallenges.Where(c => c.StaffMemberId == staffId)).ToListAsync(ct);
        CanReallocate = (await authorization.AuthorizeAsync(User, Policies.AllocateCases)).Succeeded;
        CanAnswer = (await authorization.AuthorizeAsync(User, Policies.AnswerWorkloadChallenges)).Succeeded;
        CanManageReductions = (await authorization.AuthorizeAsync(User, Policies.ManageReductions)).Succeeded;
        return Page();
    }
}

/// <summary>
/// Every case-holding officer in a team with both capacities, red above 100% or with cases and no capacity at all, and
/// the team's distribution; an officer's row links to their workload.
/// </summary>
[Authorize(Policy = Policies.ReadWorkloads)]
public sealed class TeamModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    public Domain.Organisation.Team? Team { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<OfficerWorkload> Officers { get; private set; } = [];

    public int Cases { get; private set; }

    public Establishment Establishment { get; private set; } = Vacancies.Of(null, []);

    /// <summary>Live orders in the team's allocation queue (named for this team) with no responsible officer.</summary>
    public int Unallocated { get; private set; }

    /// <summary>The team's officers' challenges to their figures still waiting for an answer, oldest first.</summary>
    public IReadOnlyList<WorkloadChallengeDto> Challenges { get; private set; } = [];

    public IReadOnlyList<CapacityBand> Distribution { get; private set; } = [];

    public IReadOnlyList<TrendWeek> Trend { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        var teamId = TeamId;
        if (teamId is null && OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            teamId = await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.TeamId).SingleOrDefaultAsync(ct);
        }

        teamId ??= Teams.Count > 0 ? Teams[0].Id : null;
        Team = teamId is null ? null : await db.Teams.AsNoTracking().Include(t => t.DeliveryUnit).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (Team is null)
        {
            return TeamId is null ? Page() : NotFound();
        }

        var ids = await OfficerWorkloads.TeamOfficersAsync(db, Team.Id, today, ct);
        Officers = await OfficerWorkloads.LoadAsync(db, User, policies, contacts, ids, today, ct);
        Cases = Officers.SelectMany(o => o.Cases).Select(c => c.PersonId).Distinct().Count();
        Establishment = Vacancies.Of(Team.CaseHoldingPosts, Officers.Select(o => o.Officer.ContractedHours));
        Unallocated = await db.Orders.CountAsync(
            o => o.AllocationTeamId == Team.Id && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached) && !o.Assignments.Any(a => a.ToDate == null), ct);
        Challenges = [.. (await WorkloadChallenges.Listed(db, WorkloadChallenges.WaitingInTeam(db, Team.Id)).ToListAsync(ct)).OrderBy(c => c.Id)];
        Distribution = CapacityDistribution.Of(Officers.Select(o => WorkloadCapacity.Percent(o.Points, o.Time)));
        Trend = await WorkloadTrend.WeeksAsync(db, [Team.Id], today, ct);
        return Page();
    }
}

/// <summary>
/// A delivery unit's workload: every case-holding officer's capacity (red above 100%), caseloads, the distribution,
/// each team with its vacancies and unallocated cases, and the trend over time. For the delivery-unit head.
/// </summary>
[Authorize(Policy = Policies.ReadWorkloads)]
public sealed class DeliveryUnitModel(OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? DeliveryUnitId { get; set; }

    public Domain.Organisation.DeliveryUnit? Unit { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    /// <summary>Every officer, highest capacity first (no capacity first of all).</summary>
    public IReadOnlyList<OfficerWorkload> Officers { get; private set; } = [];

    public IReadOnlyDictionary<int, string> TeamNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<TeamLine> Teams { get; private set; } = [];

    public int Cases { get; private set; }

    public IReadOnlyList<CapacityBand> Distribution { get; private set; } = [];

    public IReadOnlyList<TrendWeek> Trend { get; private set; } = [];

    public Allocation.AllocationTargetView? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Units = [.. (await db.DeliveryUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name))];
        var unitId = DeliveryUnitId;
        if (unitId is null && OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            unitId = await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.Team!.DeliveryUnitId).SingleOrDefaultAsync(ct);
        }

        unitId ??= Units.Count > 0 ? Units[0].Id : null;
        Unit = unitId is null ? null : await db.DeliveryUnits.AsNoTracking().Include(u => u.Region).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (Unit is null)
        {
            return DeliveryUnitId is null ? Page() : NotFound();
        }

        var unit = await DeliveryUnitWorkload.LoadAsync(db, User, policies, contacts, Unit.Id, today, ct);
        Officers = unit.Officers;
        TeamNames = unit.Teams.ToDictionary(t => t.Id, t => t.Name);
        Teams = unit.Teams;
        Cases = unit.Cases;
        Distribution = unit.Distribution;
        Trend = unit.Trend;
        Target = await Allocation.AllocationTargetView.ForPageAsync(db, policies, contacts, [.. unit.Teams.Select(t => t.Id)], today, ct);
        return Page();
    }
}

/// <summary>
/// One challenge to an officer's figure: what they said and the figures then, their figures now, and the manager's
/// answer or the form to give it. The officer themselves and workload readers see it; managers answer.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ChallengeModel(
    OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public WorkloadChallengeDto Item { get; private set; } = null!;

    public OfficerWorkload Workload { get; private set; } = null!;

    /// <summary>The reader is a manager and the challenge is unanswered: the form shows.</summary>
    public bool CanAnswer { get; private set; }

    private bool _mayAnswer;

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!_mayAnswer)
        {
            return Forbid();
        }

        var (_, errors, already) = await WorkloadChallenges.AnswerAsync(db, id, Input.Answer, User.Identity?.Name ?? "unknown", clock, ct);
        if (already)
        {
            await LoadAsync(id, ct);
            ModelState.AddModelError("Input.Answer", $"{Item.AnsweredBy} has already answered this challenge; their answer is shown above");
            return Page();
        }

        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "Input");
            return Page();
        }

        Confirmation = $"Your answer has been sent to {Item.Name}.";
        return Redirect($"/team/officers/{Item.StaffMemberId}/workload#challenges");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var challenge = await WorkloadChallenges.Listed(db, db.WorkloadChallenges.Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        if (challenge is null || !await WorkloadApi.MayReadAsync(authorization, User, challenge.StaffMemberId))
        {
            return false;
        }

        Item = challenge;
        Workload = (await OfficerWorkloads.LoadAsync(db, User, policies, contacts, [challenge.StaffMemberId], clock.Today(), ct)).Single();
        _mayAnswer = (await authorization.AuthorizeAsync(User, Policies.AnswerWorkloadChallenges)).Succeeded;
        CanAnswer = _mayAnswer && !challenge.AnsweredAt.HasValue;
        return true;
    }
}

/// <summary>What a manager types to answer a challenge.</summary>
public sealed class AnswerInput
{
    public string? Answer { get; set; }
}

/// <summary>Capacity in words and its tag colour, shared by the workload pages.</summary>
public static class WorkloadWording
{
    /// <summary>"92.5%", or "No capacity" when nothing is available.</summary>
    public static string Capacity(decimal? percent) =>
        percent is { } p ? p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "No capacity";

    /// <summary>"Capacity 104%: 2,100 of 2,020 points, 130 of 125 hours" as a challenge recorded them.</summary>
    public static string Figures(WorkloadChallengeDto c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Figures(c.CapacityPercent, c.PointsUsed, c.PointsAvailable, c.HoursRequired, c.HoursAvailable);
    }

    /// <summary>The same for a workload as it stands.</summary>
    public static string Figures(OfficerWorkload w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return Figures(WorkloadCapacity.Percent(w.Points, w.Time), w.Points.TotalPoints, w.Points.AvailablePoints, w.Time.TotalHours, w.Time.AvailableHours);
    }

    private static string Figures(decimal? percent, int pointsUsed, int pointsAvailable, decimal hoursRequired, decimal hoursAvailable)
    {
        var uk = System.Globalization.CultureInfo.InvariantCulture;
        return $"{(percent is null ? "No capacity" : "Capacity " + Capacity(percent))}: {pointsUsed.ToString("N0", uk)} of {pointsAvailable.ToString("N0", uk)} points, "
            + $"{hoursRequired.ToString("0.#", uk)} of {hoursAvailable.ToString("0.#", uk)} hours this month";
    }

    /// <summary>Red above 100% or with no capacity, orange above 90%, green otherwise.</summary>
    public static string Tag(decimal? percent) =>
        percent is null || percent > 100m ? "govuk-tag govuk-tag--red" : percent > 90m ? "govuk-tag govuk-tag--orange" : "govuk-tag govuk-tag--green";
}
