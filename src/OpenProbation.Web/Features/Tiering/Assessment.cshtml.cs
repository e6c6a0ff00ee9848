using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Tiering;

public sealed class AssessmentInput
{
    public DateParts AssessedOn { get; set; } = new();

    public string? Layer { get; set; }

    public string? Complete { get; set; } = "yes";

    public string? Rosh { get; set; }

    public string? RoshChildren { get; set; }

    public string? RoshPublic { get; set; }

    public string? RoshKnownAdult { get; set; }

    public string? RoshStaff { get; set; }

    public string? RoshPrisoners { get; set; }

    public string? RsrPercent { get; set; }

    public string? OgrsPercent { get; set; }

    /// <summary>Severity chosen for each need area, keyed by the area's name; empty means no need.</summary>
    public Dictionary<string, string?> Needs { get; set; } = [];

    public bool ParentingResponsibilities { get; set; }

    public bool ImpulsivityOrTemperControl { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Record an OASys assessment. The tier is recalculated from it at once; a lower tier waits for a reason.</summary>
[Authorize(Policy = Policies.EditCases)]
public sealed class AssessmentModel(OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public static IEnumerable<SelectListItem> Layers =>
    [
        new("Layer 3: the full assessment, with needs", nameof(AssessmentLayer.Layer3)),
        new("Layer 1: the short assessment", nameof(AssessmentLayer.Layer1)),
    ];

    public static IEnumerable<SelectListItem> Completeness => [new("Complete", "yes"), new("Not complete", "no")];

    public static IEnumerable<SelectListItem> RoshLevelItems =>
        Enum.GetValues<RoshLevel>().Select(l => new SelectListItem(RoshLevels.Label(l), l.ToString()));

    public static IEnumerable<SelectListItem> Severities =>
    [
        new("No need", ""),
        new("Standard", nameof(NeedSeverity.Standard)),
        new("Severe", nameof(NeedSeverity.Severe)),
    ];

    public async Task<IActionResult> OnGetAsync(string crn, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, User, crn, track: false, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        Input.AssessedOn = DateParts.From(clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string crn, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, User, crn, track: false, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        var on = Input.AssessedOn.Parse("The assessment date", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.AssessedOn", dateError);
        }

        var needs = new Dictionary<NeedArea, NeedSeverity>();
        foreach (var area in Enum.GetValues<NeedArea>())
        {
            if (FormValues.Choice<NeedSeverity>(Input.Needs.GetValueOrDefault(area.ToString())) is { } severity)
            {
                needs[area] = severity;
            }
        }

        var details = new RiskAssessmentDetails(
            on,
            FormValues.Choice<AssessmentLayer>(Input.Layer),
            Input.Complete != "no",
            FormValues.Choice<RoshLevel>(Input.Rosh),
            FormValues.Choice<RoshLevel>(Input.RoshChildren),
            FormValues.Choice<RoshLevel>(Input.RoshPublic),
            FormValues.Choice<RoshLevel>(Input.RoshKnownAdult),
            FormValues.Choice<RoshLevel>(Input.RoshStaff),
            FormValues.Choice<RoshLevel>(Input.RoshPrisoners),
            FormValues.Number(ModelState, "Input.RsrPercent", Input.RsrPercent, "RSR"),
            FormValues.WholeNumber(ModelState, "Input.OgrsPercent", Input.OgrsPercent?.TrimEnd('%'), "OGRS"),
            needs,
            Input.ParentingResponsibilities,
            Input.ImpulsivityOrTemperControl,
            Input.Notes);
        var errors = details.Validate(clock.Today(), person.DateOfBirth);
        ModelState.AddDomainErrors(errors, "Input", new Dictionary<string, string> { ["needs"] = "Needs", ["parentingResponsibilities"] = "ParentingResponsibilities" });
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await TieringApi.RecordAssessmentAsync(db, person.Id, details, User.Identity!.Name!, clock, ct);
        var outcome = await CaseTiers.RecalculateAsync(db, policies, person.Id, CaseTiers.AssessmentRecorded, clock.Today(), clock.GetUtcNow(), ct);
        Confirmation = outcome switch
        {
            RecalculationOutcome.DowngradeProposed => "Assessment recorded. It gives a lower tier: record the reason below before it applies",
            RecalculationOutcome.Applied => "Assessment recorded and the tier recalculated",
            _ => "Assessment recorded. The tier is unchanged",
        };
        return Redirect($"/people/{person.Crn}/tier");
    }
}
