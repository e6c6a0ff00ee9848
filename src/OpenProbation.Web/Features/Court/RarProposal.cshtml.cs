using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using OpenProbation.Domain.Rar;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Court;

public sealed class RarProposalInput
{
    public string? OgrsPercent { get; set; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public string? SexualOffence { get; set; }

    public string? ProposedDays { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// The RAR proposal helper for a pre-sentence report: the guideline days for the OGRS score, and a reason asked for
/// where the proposal rests on the author's judgement (a sexual offence, OGRS under 25%, days outside the band).
/// Nothing is stored and no case is read.
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class RarProposalModel : PageModel
{
    [BindProperty]
    public RarProposalInput Input { get; set; } = new();

    /// <summary>The guideline for what was entered, once it could be worked out.</summary>
    public RarGuideline? Guideline { get; private set; }

    /// <summary>The days proposed, once they and their reason pass the checks.</summary>
    public int? Proposed { get; private set; }

    public bool? Within { get; private set; }

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public static IReadOnlyList<RarGuidelineBand> Bands => RarProposal.Bands;

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var ogrs = FormValues.WholeNumber(ModelState, "Input.OgrsPercent", Input.OgrsPercent?.Trim().TrimEnd('%'), "The OGRS score");
        var days = FormValues.WholeNumber(ModelState, "Input.ProposedDays", Input.ProposedDays, "The days proposed");
        bool? sexual = Input.SexualOffence switch { "yes" => true, "no" => false, _ => null };
        // A score or number of days that is not a whole number is already reported; AddDomainErrors leaves those fields alone.
        var (guideline, errors) = RarProposalApi.Check(ogrs, sexual, days, Input.Reason);
        ModelState.AddDomainErrors(errors, "Input");
        Guideline = guideline;
        if (ModelState.IsValid && guideline is not null)
        {
            Proposed = days;
            Within = RarProposalApi.WithinGuideline(guideline, days);
        }

        return Page();
    }
}
