using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Enforcement;

public sealed class EnforcementInput
{
    public int Version { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }

    public string? Proposal { get; set; }

    /// <summary>Why a warning is withdrawn.</summary>
    public string? WithdrawalReason { get; set; }
}

/// <summary>
/// A failure to comply and the responsible officer's decision on it: warn, no further action with a reason, or breach
/// (recall for a licence), with the choices the rules leave and why; withdrawing a warning with a reason; the letter
/// and, after breach or recall, the breach pack.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class FailureModel(
    OpenProbationDbContext db, IAuthorizationService authorization, ContactPolicies policies, Domain.Letters.LetterTemplateSettings letters, TimeProvider clock) : PageModel
{
    public FailureToComply Failure { get; private set; } = null!;

    public Appointment Appointment { get; private set; } = null!;

    public Order Order { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public string Crn { get; private set; } = "";

    public EnforcementChoice? Choice { get; private set; }

    /// <summary>The letters this failure's decisions made.</summary>
    public IReadOnlyList<Domain.Letters.Letter> Letters { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty]
    public EnforcementInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public string FailureUrl => $"/people/{Crn}/enforcement/{Failure.Id}";

    public IEnumerable<SelectListItem> DecisionItems => (Choice?.Allowed ?? []).Select(d => new SelectListItem(EnforcementWording.Option(d), d.ToString()));

    public async Task<IActionResult> OnGetAsync(string crn, int id, CancellationToken ct)
    {
        if (!await LoadAsync(crn, id, ct))
        {
            return NotFound();
        }

        Input = new EnforcementInput { Version = Failure.Version };
        await AuditTrail.RecordViewAsync(db, Failure.PersonId, AuditTrail.Enforcement, ct, nameof(FailureToComply), PeopleApi.Id(id));
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(string crn, int id, CancellationToken ct)
    {
        if (!await LoadAsync(crn, id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var details = new EnforcementDecisionDetails(FormValues.Choice<EnforcementDecision>(Input.Decision), Input.Reason, Input.Proposal);
        var (decided, errors) = await Enforcements.DecideAsync(db, policies, letters, Failure, Input.Version, details, User.Identity!.Name!, clock.GetUtcNow(), ct);
        if (decided is null)
        {
            return Redisplay(errors, "This failure was changed by someone else while you were reading it: check it now, then decide again");
        }

        Confirmation = decided.Decision switch
        {
            EnforcementDecision.Warning => $"Warning recorded: the person has until {Wording.Date(decided.ExcuseDueOn)} to give a reasonable excuse",
            EnforcementDecision.NoFurtherAction => "No further action recorded, with your reason",
            EnforcementDecision.Recall => "Recall decision recorded: the recall pack is ready below",
            _ => $"Breach action recorded: it must start by {Wording.Date(decided.BreachDueOn)}, and the breach pack is ready below",
        };
        return Redirect(FailureUrl);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string crn, int id, CancellationToken ct)
    {
        if (!await LoadAsync(crn, id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var (withdrawn, errors) = await Enforcements.WithdrawWarningAsync(db, policies, Failure, Input.Version, Input.WithdrawalReason, User.Identity!.Name!,
            clock.GetUtcNow(), ct);
        if (withdrawn is null)
        {
            return Redisplay(errors, "This failure was changed by someone else while you were reading it: check it now, then withdraw the warning again");
        }

        Confirmation = "Warning withdrawn, with your reason: it no longer counts towards breach";
        return Redirect(FailureUrl);
    }

    private PageResult Redisplay(ValidationErrors errors, string stale)
    {
        if (errors.IsValid)
        {
            ModelState.AddModelError("Input.Version", stale);
        }

        // The withdrawal form's reason is a different field from the decision's.
        var withdrawing = Request.Form.ContainsKey("Input.WithdrawalReason");
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var key = field switch
            {
                "decision" => "Input.Decision",
                "reason" => withdrawing ? "Input.WithdrawalReason" : "Input.Reason",
                "proposal" => "Input.Proposal",
                _ => "Input.Version",
            };
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        Input.Version = Failure.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(string crn, int id, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person
            || await db.FailuresToComply.SingleOrDefaultAsync(f => f.Id == id && f.PersonId == person.Id, ct) is not { } failure)
        {
            return false;
        }

        Failure = failure;
        Crn = person.Crn;
        PersonName = person.FullName;
        Appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == failure.AppointmentId, ct);
        Order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == failure.OrderId, ct);
        Today = clock.Today();
        if (failure.IsAwaitingDecision)
        {
            Choice = EnforcementRules.Choices(await Enforcements.ContextAsync(db, failure, ct), policies.Enforcement);
        }

        Letters = await db.Letters.AsNoTracking().Where(l => l.FailureToComplyId == failure.Id).OrderBy(l => l.Id).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded;
        return true;
    }
}
