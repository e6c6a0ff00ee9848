using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Tiering;

public sealed class TierReasonInput
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string? Reason { get; set; }
}

public sealed class CountersignInput
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string? Decision { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A person's tier with its working (every input, its points, the policy version and the assessment), the history
/// of tiers, the assessments, and any lower tier waiting for a reason or a manager's countersignature.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class TierModel(OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public Person Person { get; private set; } = null!;

    public CaseTier? Current { get; private set; }

    public CaseTier? Pending { get; private set; }

    public IReadOnlyList<CaseTier> History { get; private set; } = [];

    public IReadOnlyList<RiskAssessment> Assessments { get; private set; } = [];

    public IReadOnlyList<NamedAssessment> NamedAssessments { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanCountersign { get; private set; }

    public string PolicyInForce { get; private set; } = "";

    [BindProperty]
    public TierReasonInput ReasonInput { get; set; } = new();

    [BindProperty]
    public CountersignInput CountersignInput { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Decisions =>
    [
        new("Yes, countersign: the lower tier applies now", "approve"),
        new("No, refuse: the tier stays as it is", "refuse"),
    ];

    public static string PolicyName(string policy) => policy switch
    {
        EnglandWalesTiering.PolicyName => "England and Wales tiering framework",
        BragTiering.PolicyName => "BRAG",
        _ => policy,
    };

    public static IReadOnlyList<TierWorkingLine> WorkingOf(CaseTier tier) => CaseTiers.Working(tier);

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        if (!await LoadAsync(crn, ct))
        {
            return NotFound();
        }

        if (Pending is not null)
        {
            ReasonInput = new TierReasonInput { Id = Pending.Id, Version = Pending.Version };
            CountersignInput = new CountersignInput { Id = Pending.Id, Version = Pending.Version };
        }

        await AuditTrail.RecordViewAsync(db, Person.Id, AuditTrail.Tier, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReasonAsync(string crn, CancellationToken ct)
    {
        if (!await LoadAsync(crn, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var proposal = await db.CaseTiers.SingleOrDefaultAsync(t => t.Id == ReasonInput.Id && t.PersonId == Person.Id, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        if (proposal.Version != ReasonInput.Version)
        {
            ModelState.AddModelError("ReasonInput.Reason", "The tier was recalculated while you were writing: read the new proposal, then give your reason");
            return Page();
        }

        var errors = await CaseTiers.GiveReasonAsync(db, proposal, ReasonInput.Reason, User.Identity!.Name!, clock.Today(), clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "ReasonInput");
            return Page();
        }

        Confirmation = proposal.Status == CaseTierStatus.Current
            ? $"Tier lowered to {Wording.Tier(proposal.Tier)}, with your reason recorded"
            : $"Your reason is recorded. The tier stays {Wording.Tier(proposal.PreviousTier ?? "")} until a manager countersigns the change to {Wording.Tier(proposal.Tier)}";
        return Redirect($"/people/{Person.Crn}/tier");
    }

    public async Task<IActionResult> OnPostCountersignAsync(string crn, CancellationToken ct)
    {
        if (!await LoadAsync(crn, ct))
        {
            return NotFound();
        }

        if (!CanCountersign)
        {
            return Forbid();
        }

        var proposal = await db.CaseTiers.SingleOrDefaultAsync(t => t.Id == CountersignInput.Id && t.PersonId == Person.Id, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        if (proposal.Version != CountersignInput.Version)
        {
            ModelState.AddModelError("CountersignInput.Decision", "The tier change was updated while you were reading it: check it again");
            return Page();
        }

        if (CountersignInput.Decision is not ("approve" or "refuse"))
        {
            ModelState.AddModelError("CountersignInput.Decision", "Select whether you countersign or refuse the lower tier");
            return Page();
        }

        var approve = CountersignInput.Decision == "approve";
        var errors = await CaseTiers.CountersignAsync(db, proposal, approve, CountersignInput.Note, User.Identity!.Name!, clock.Today(), clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            ModelState.AddDomainErrors(errors, "CountersignInput", new Dictionary<string, string> { ["approve"] = "Decision" });
            return Page();
        }

        Confirmation = approve ? $"Countersigned: the tier is now {Wording.Tier(proposal.Tier)}" : "Refused: the tier stays as it was";
        return Redirect($"/people/{Person.Crn}/tier");
    }

    private async Task<bool> LoadAsync(string crn, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, User, crn, track: false, ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        History = await db.CaseTiers.AsNoTracking().Where(t => t.PersonId == person.Id).OrderByDescending(t => t.CalculatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        Current = History.FirstOrDefault(t => t.Status == CaseTierStatus.Current);
        Pending = History.FirstOrDefault(t => t.IsPending);
        Assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToListAsync(ct);
        NamedAssessments = await db.NamedAssessments.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.AssessedOn).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        CanCountersign = (await authorization.AuthorizeAsync(User, Policies.CountersignRiskDecisions)).Succeeded;
        PolicyInForce = PolicyName(policies.Schedule.At(clock.Today()).Name);
        return true;
    }
}
