using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.SentencePlans;

public sealed class PlanActionFormInput
{
    public string? Description { get; set; }

    public string? Owner { get; set; }

    public string? OwnerName { get; set; }

    public DateParts TargetDate { get; set; } = new();

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(OwnerName) && TargetDate.IsEmpty;
}

public sealed class PlanObjectiveFormInput
{
    public string? Need { get; set; }

    public string? Description { get; set; }

    public string? AgreedOutcome { get; set; }

    public List<PlanActionFormInput> Actions { get; set; } = [];

    public bool IsBlank => string.IsNullOrWhiteSpace(Need) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(AgreedOutcome)
        && Actions.All(a => a.IsBlank);
}

public sealed class PlanEditInput
{
    public int Version { get; set; }

    public string? PersonGoals { get; set; }

    public string? PersonAgreesTo { get; set; }

    public string? PersonDisagreesWith { get; set; }

    public string? RiskManagementPlan { get; set; }

    public List<PlanObjectiveFormInput> Objectives { get; set; } = [];
}

/// <summary>
/// Writing the draft plan with the person: their own words, objectives linked to assessed needs, and for each the
/// outcome agreed and the actions (who does what, by when). Works without JavaScript: the form always offers one more
/// blank objective and one more blank action per objective, and blank ones are left out when saved.
/// </summary>
[Authorize(Policy = Policies.EditCases)]
public sealed partial class PlanEditModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    public PlanView View { get; private set; } = null!;

    /// <summary>The needs the latest complete layer 3 assessment found, to link objectives to.</summary>
    public IReadOnlyList<string> AssessedNeeds { get; private set; } = [];

    [BindProperty]
    public PlanEditInput Input { get; set; } = new();

    public string Crn => View.Crn;

    public string PlanUrl => $"/people/{View.Crn}/orders/{View.Order.Id}/sentence-plan";

    public async Task<IActionResult> OnGetAsync(string crn, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, ct))
        {
            return NotFound();
        }

        if (!View.Plan.IsDraft || !View.Order.IsLive)
        {
            return Redirect(PlanUrl);
        }

        Input = FromPlan(View.Plan);
        WithBlanks();
        await AuditTrail.RecordViewAsync(db, View.Plan.PersonId, AuditTrail.SentencePlans, ct, nameof(SentencePlan), PeopleApi.Id(View.Plan.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string crn, int orderId, string? then, CancellationToken ct)
    {
        if (!await LoadAsync(crn, orderId, ct))
        {
            return NotFound();
        }

        // Map each kept objective and action back to the boxes it came from, so errors land next to what was typed.
        var objectives = new List<PlanObjectiveDetails>();
        var objectiveRows = new List<int>();
        var actionRows = new List<List<int>>();
        for (var i = 0; i < Input.Objectives.Count; i++)
        {
            var o = Input.Objectives[i];
            if (o.IsBlank)
            {
                continue;
            }

            var actions = new List<PlanActionDetails>();
            var rows = new List<int>();
            for (var j = 0; j < o.Actions.Count; j++)
            {
                var a = o.Actions[j];
                if (a.IsBlank)
                {
                    continue;
                }

                var target = a.TargetDate.IsEmpty ? null : a.TargetDate.Parse("The target date", out var dateError) is var d && dateError is null ? d : Invalid(
                    $"Input.Objectives[{i}].Actions[{j}].TargetDate", dateError);
                actions.Add(new PlanActionDetails(a.Description, FormValues.Choice<PlanActionOwner>(a.Owner), a.OwnerName, target));
                rows.Add(j);
            }

            objectives.Add(new PlanObjectiveDetails(FormValues.Choice<NeedArea>(o.Need), o.Description, o.AgreedOutcome, actions));
            objectiveRows.Add(i);
            actionRows.Add(rows);
        }

        var details = new SentencePlanDetails(Input.PersonGoals, Input.PersonAgreesTo, Input.PersonDisagreesWith, Input.RiskManagementPlan, objectives);
        if (!ModelState.IsValid)
        {
            var checkedOnly = details.Validate(clock.Today());
            AddErrors(checkedOnly, objectiveRows, actionRows);
            return Redisplay();
        }

        var (saved, errors) = await SentencePlanRecord.UpdateAsync(db, View.Plan, Input.Version, details, clock.GetUtcNow(), ct);
        if (saved is null && errors.IsValid)
        {
            ModelState.AddModelError("Input.PersonGoals", "Someone else changed this plan while you were writing: check it now, and make your changes again");
            return Redisplay();
        }

        if (saved is null)
        {
            AddErrors(errors, objectiveRows, actionRows);
            return Redisplay();
        }

        if (then == "continue")
        {
            return Redirect($"{PlanUrl}/edit");
        }

        TempData["Confirmation"] = "Sentence plan saved";
        return Redirect(PlanUrl);
    }

    private DateOnly? Invalid(string key, string? message)
    {
        ModelState.AddModelError(key, message!);
        return null;
    }

    private void AddErrors(Domain.Common.ValidationErrors errors, List<int> objectiveRows, List<List<int>> actionRows)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var key = FormKey(field, objectiveRows, actionRows);
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
    }

    // objectives[1].actions[0].targetDate (as the domain counts, blanks left out) → Input.Objectives[2].Actions[0].TargetDate (as the form shows).
    private static string FormKey(string field, List<int> objectiveRows, List<List<int>> actionRows)
    {
        if (ObjectiveField().Match(field) is not { Success: true } m)
        {
            return $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
        }

        var o = int.Parse(m.Groups["o"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var row = o < objectiveRows.Count ? objectiveRows[o] : o;
        if (m.Groups["a"].Success)
        {
            var a = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var actionRow = o < actionRows.Count && a < actionRows[o].Count ? actionRows[o][a] : a;
            return $"Input.Objectives[{row}].Actions[{actionRow}].{Pascal(m.Groups["af"].Value)}";
        }

        return m.Groups["f"].Value == "actions" ? $"Input.Objectives[{row}].Actions[0].Description" : $"Input.Objectives[{row}].{Pascal(m.Groups["f"].Value)}";
    }

    private static string Pascal(string name) => name.Length == 0 ? "Description" : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^objectives\[(?<o>\d+)\](\.actions\[(?<a>\d+)\]\.?(?<af>\w*)|\.(?<f>\w+))?$")]
    private static partial Regex ObjectiveField();

    private PageResult Redisplay()
    {
        Input.Version = View.Plan.Version;
        WithBlanks();
        return Page();
    }

    // One more blank objective, and one more blank action for each objective, within the limits.
    private void WithBlanks()
    {
        foreach (var o in Input.Objectives.Where(o => o.Actions.Count < SentencePlanDetails.MaxActions && (o.Actions.Count == 0 || !o.Actions[^1].IsBlank)))
        {
            o.Actions.Add(new PlanActionFormInput());
        }

        if (Input.Objectives.Count < SentencePlanDetails.MaxObjectives && (Input.Objectives.Count == 0 || !Input.Objectives[^1].IsBlank))
        {
            Input.Objectives.Add(new PlanObjectiveFormInput { Actions = [new PlanActionFormInput()] });
        }
    }

    private static PlanEditInput FromPlan(SentencePlan plan) => new()
    {
        Version = plan.Version,
        PersonGoals = plan.PersonGoals,
        PersonAgreesTo = plan.PersonAgreesTo,
        PersonDisagreesWith = plan.PersonDisagreesWith,
        RiskManagementPlan = plan.RiskManagementPlan,
        Objectives = [.. plan.Objectives.OrderBy(o => o.Position).Select(o => new PlanObjectiveFormInput
        {
            Need = o.Need?.ToString(),
            Description = o.Description,
            AgreedOutcome = o.AgreedOutcome,
            Actions = [.. o.Actions.OrderBy(a => a.Position).Select(a => new PlanActionFormInput
            {
                Description = a.Description, Owner = a.Owner.ToString(), OwnerName = a.OwnerName, TargetDate = DateParts.From(a.TargetDate),
            })],
        })],
    };

    private async Task<bool> LoadAsync(string crn, int orderId, CancellationToken ct)
    {
        if (await PeopleApi.FindAsync(db, User, crn, track: false, ct) is not { } person)
        {
            return false;
        }

        var plan = await SentencePlanRecord.Visible(db, User).Where(p => p.OrderId == orderId && p.PersonId == person.Id)
            .OrderByDescending(p => p.PlanNumber).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return false;
        }

        View = await SentencePlanRecord.ViewAsync(db, plan, clock.GetUtcNow(), ct);
        var assessment = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PersonId == person.Id && a.IsComplete && a.Layer == AssessmentLayer.Layer3)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        AssessedNeeds = assessment is null ? [] : [.. assessment.Needs().Select(n => $"{NeedAreas.Label(n.Key)} ({(n.Value == NeedSeverity.Severe ? "severe" : "standard")})")];
        return true;
    }
}
