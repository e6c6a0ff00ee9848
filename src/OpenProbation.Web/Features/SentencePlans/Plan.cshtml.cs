using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.SentencePlans;

public sealed class PlanActionInput
{
    public int Version { get; set; }

    /// <summary>Countersign: "yes" to countersign, "no" to send back.</summary>
    public string? Approve { get; set; }

    public string? Note { get; set; }

    /// <summary>Review: why.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// An order's sentence plan: the version in force or being written, the person's own words, objectives and actions;
/// agreeing it with the person (refused until the responsible officer has met them face to face on the order),
/// countersigning a high ROSH plan, and starting a review. Earlier versions are listed and kept as they were.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class PlanModel(OpenProbationDbContext db, IAuthorizationService authorization, ContactPolicies policies, TimeProvider clock) : PageModel
{
    public Order Order { get; private set; } = null!;

    public IReadOnlyList<SentencePlan> Versions { get; private set; } = [];

    /// <summary>The version shown; nothing when the order has no plan yet.</summary>
    public PlanView? View { get; private set; }

    public DateOnly Today { get; private set; }

    public DateOnly FirstDue { get; private set; }

    public bool CanEdit { get; private set; }

    public bool CanCountersign { get; private set; }

    [BindProperty]
    public PlanActionInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public string Crn => Order.Person!.Crn;

    public string PlanUrl => $"/people/{Crn}/orders/{Order.Id}/sentence-plan";

    public async Task<IActionResult> OnGetAsync(string crn, int orderId, int? number, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, number, ct))
        {
            return NotFound();
        }

        Input = new PlanActionInput { Version = View?.Plan.Version ?? 0 };
        await AuditTrail.RecordViewAsync(db, Order.PersonId, AuditTrail.SentencePlans, ct, View is null ? "Order" : nameof(SentencePlan),
            PeopleApi.Id(View?.Plan.Id ?? orderId));
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string crn, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, null, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var (plan, errors) = await SentencePlanRecord.StartAsync(db, policies, Order, null, User.Identity!.Name!, clock.GetUtcNow(), ct);
        if (plan is null)
        {
            return Redisplay(errors, "");
        }

        return Redirect($"{PlanUrl}/edit");
    }

    public async Task<IActionResult> OnPostAgreeAsync(string crn, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, null, ct) || View is null)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var (agreed, errors) = await SentencePlanRecord.AgreeAsync(db, policies, View, Input.Version, User.Identity!.Name!, clock.GetUtcNow(), ct);
        if (agreed is null)
        {
            return Redisplay(errors, "The plan was changed by someone else while you were reading it: check it now, then agree it again");
        }

        Confirmation = agreed.Status == SentencePlanStatus.AwaitingCountersignature
            ? "Plan agreed with the person: it goes to a manager to countersign, as the ROSH is high or very high"
            : "Plan agreed with the person and in force";
        return Redirect(PlanUrl);
    }

    public async Task<IActionResult> OnPostCountersignAsync(string crn, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, null, ct) || View is null)
        {
            return NotFound();
        }

        if (!CanCountersign)
        {
            return Forbid();
        }

        if (Input.Approve is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.Approve", "Say whether you countersign the plan or send it back");
            return Page();
        }

        var (signed, errors) = await SentencePlanRecord.CountersignAsync(db, View.Plan, Input.Version, Input.Approve == "yes", Input.Note, User.Identity!.Name!,
            clock.GetUtcNow(), ct);
        if (signed is null)
        {
            return Redisplay(errors, "The plan was changed by someone else while you were reading it: check it now, then countersign again");
        }

        Confirmation = signed.Status == SentencePlanStatus.Agreed ? "Plan countersigned and in force" : "Plan sent back to the responsible officer with your note";
        return Redirect(PlanUrl);
    }

    public async Task<IActionResult> OnPostReviewAsync(string crn, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, null, ct) || View is null)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Input.Version != View.Plan.Version)
        {
            return Redisplay(new ValidationErrors(), "The plan was changed by someone else while you were reading it: check it now, then start the review again");
        }

        var details = new PlanReviewDetails(FormValues.Choice<PlanReviewReason>(Input.Reason), Input.Note);
        var (next, errors) = await SentencePlanRecord.StartReviewAsync(db, policies, View, details, User.Identity!.Name!, clock.GetUtcNow(), ct);
        if (next is null)
        {
            return Redisplay(errors, "");
        }

        Confirmation = $"Review started: version {next.PlanNumber} is a draft, and version {View.Plan.PlanNumber} stays in force until it is agreed";
        return Redirect($"{PlanUrl}/edit");
    }

    private PageResult Redisplay(ValidationErrors errors, string stale)
    {
        if (errors.IsValid)
        {
            ModelState.AddModelError("Input.Version", stale);
        }
        else
        {
            // The refusal to agree is about the plan, not a field on this page: it is shown beside the agree button.
            foreach (var (field, messages) in errors.ToDictionary())
            {
                var key = field switch
                {
                    "meeting" => "Meeting",
                    "personGoals" => "Goals",
                    "riskManagementPlan" => "RiskManagementPlan",
                    "approve" => "Input.Approve",
                    "note" => "Input.Note",
                    "reason" => "Input.Reason",
                    _ when field.StartsWith("objectives", StringComparison.Ordinal) => "Objectives",
                    _ => "Input.Version",
                };
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }
        }

        Input.Version = View?.Plan.Version ?? 0;
        return Page();
    }

    private async Task<bool> LoadAsync(string crn, int orderId, int? number, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person
            || await SentencePlanRecord.VersionsAsync(db, User, orderId, ct) is not { } found || found.Order.PersonId != person.Id)
        {
            return false;
        }

        Order = found.Order;
        Versions = found.Versions;
        var now = clock.GetUtcNow();
        Today = UkTime.DateOf(now);
        FirstDue = SentencePlanRecord.FirstPlanDue(Order, policies);
        var shown = number is { } n ? Versions.FirstOrDefault(v => v.PlanNumber == n) : (Versions.Count > 0 ? Versions[0] : null);
        if (number is not null && shown is null)
        {
            return false;
        }

        if (shown is not null)
        {
            // Changes go through a tracked copy, so the version check compares against the row as it is now.
            var tracked = await db.SentencePlans.SingleAsync(p => p.Id == shown.Id, ct);
            View = await SentencePlanRecord.ViewAsync(db, tracked, now, ct);
        }

        CanEdit = Order.IsLive && (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        CanCountersign = (await authorization.AuthorizeAsync(User, Policies.CountersignRiskDecisions)).Succeeded;
        return true;
    }
}
