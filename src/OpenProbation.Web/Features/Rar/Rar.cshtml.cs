using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Rar;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Rar;

public sealed class RarCompletionInput
{
    public int Version { get; set; }

    public DateParts CompletedOn { get; set; } = new();

    public string? OutcomeAgainstAgreed { get; set; }

    public string? Rationale { get; set; }

    public string? Progress { get; set; }
}

public sealed class NoSuitableActivityInput
{
    public string? Need { get; set; }

    public string? Reason { get; set; }

    public string? WhatWasConsidered { get; set; }
}

/// <summary>
/// A RAR's days with their working: each session and what it did for the count, against the court's maximum; and
/// completing it, with the outcome against the agreed outcomes and, on fewer days, the rationale and progress.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class RarModel(OpenProbationDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;

    public RarView Rar { get; private set; } = null!;

    /// <summary>May arrange sessions and complete: edits cases, and the RAR is still open.</summary>
    public bool CanEdit { get; private set; }

    [BindProperty]
    public RarCompletionInput Input { get; set; } = new();

    [BindProperty]
    public NoSuitableActivityInput Gap { get; set; } = new();

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> NeedItems =>
        Enum.GetValues<Domain.Risk.NeedArea>().Select(n => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Domain.Risk.NeedAreas.Label(n), n.ToString()));

    /// <summary>The records that no suitable activity exists for a need.</summary>
    public IReadOnlyList<NoSuitableActivity> NoSuitableActivities { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string crn, int requirementId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, requirementId, ct))
        {
            return NotFound();
        }

        Input = new RarCompletionInput { Version = Rar.Requirement.Version };
        await AuditTrail.RecordViewAsync(db, Person.Id, AuditTrail.Requirements, ct, nameof(Requirement), PeopleApi.Id(requirementId));
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(string crn, int requirementId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, requirementId, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded ? Page() : Forbid();
        }

        var completedOn = Input.CompletedOn.Parse("The completion date", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.CompletedOn", dateError);
        }

        var details = new RarCompletionDetails(completedOn, Input.OutcomeAgainstAgreed, Input.Rationale, Input.Progress);
        var (completed, errors) = await RarRecord.CompleteAsync(db, Rar, Input.Version, details, User.Identity!.Name!, clock, ct);
        if (completed is null && errors.IsValid)
        {
            ModelState.AddModelError("Input.OutcomeAgainstAgreed", "Someone else changed this RAR while you were working on it: check the days now, then complete it again");
            Input.Version = Rar.Requirement.Version;
            return Page();
        }

        // A date typed wrongly is already reported; AddDomainErrors leaves a field that has its error.
        ModelState.AddDomainErrors(errors, "Input");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Confirmation = $"RAR completed on {RarDays.Days(completed!.Progress.DaysCompleted)} of {completed.Progress.MaximumDays}";
        return Redirect($"/people/{Person.Crn}/requirements/{requirementId}/rar");
    }

    public async Task<IActionResult> OnPostNoSuitableActivityAsync(string crn, int requirementId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, requirementId, ct))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded)
        {
            return Forbid();
        }

        Input = new RarCompletionInput { Version = Rar.Requirement.Version };
        var details = new NoSuitableActivityDetails(FormValues.Choice<Domain.Risk.NeedArea>(Gap.Need), Gap.Reason, Gap.WhatWasConsidered);
        var (recorded, errors) = await RarRecord.RecordNoSuitableActivityAsync(db, Rar, details, User.Identity!.Name!, clock.GetUtcNow(), ct);
        if (recorded is null)
        {
            ModelState.AddDomainErrors(errors, "Gap");
            return Page();
        }

        Confirmation = "Recorded that no suitable activity exists for this need, with your reason";
        return Redirect($"/people/{Person.Crn}/requirements/{requirementId}/rar");
    }

    private async Task<bool> LoadAsync(string crn, int requirementId, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person
            || await RarRecord.LoadAsync(db, User, requirementId, ct) is not { } rar || rar.PersonId != person.Id)
        {
            return false;
        }

        Person = person;
        Rar = rar;
        NoSuitableActivities = await RarRecord.NoSuitableActivitiesAsync(db, requirementId, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCases)).Succeeded
            && rar.Requirement.Status is not (RequirementStatus.Completed or RequirementStatus.Terminated);
        return true;
    }
}
