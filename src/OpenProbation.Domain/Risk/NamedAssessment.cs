using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Risk;

/// <summary>Named risk tools other than OASys (PRACTICE.md section 3).</summary>
public enum AssessmentTool
{
    /// <summary>Spousal Assault Risk Assessment.</summary>
    Sara = 1,

    /// <summary>Case allocation screening at court.</summary>
    Cas,

    /// <summary>Active Risk Management System (sexual offending).</summary>
    Arms,

    /// <summary>Another named tool.</summary>
    Other,
}

/// <summary>The result band a named tool gives.</summary>
public enum RiskBand
{
    /// <summary>Low.</summary>
    Low = 1,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>A dated, attributed result of a named tool such as SARA. Kept as history, never edited.</summary>
public sealed class NamedAssessment : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person assessed.</summary>
    public int PersonId { get; set; }

    /// <summary>Which tool.</summary>
    public AssessmentTool Tool { get; set; }

    /// <summary>The tool's name, for <see cref="AssessmentTool.Other"/>.</summary>
    public string? ToolName { get; set; }

    /// <summary>The result band.</summary>
    public RiskBand Result { get; set; }

    /// <summary>Day completed.</summary>
    public DateOnly AssessedOn { get; set; }

    /// <summary>Summary in words.</summary>
    public string? Notes { get; set; }

    /// <summary>User name of the assessor.</summary>
    public string AssessedBy { get; set; } = "";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>Copies validated details onto a new record.</summary>
    public void Apply(NamedAssessmentDetails details)
    {
        Tool = details.Tool!.Value;
        ToolName = Tool == AssessmentTool.Other ? details.ToolName?.Trim() : null;
        Result = details.Result!.Value;
        AssessedOn = details.AssessedOn!.Value;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }
}

/// <summary>What a client sends to record a named assessment.</summary>
/// <param name="Tool">Which tool.</param>
/// <param name="ToolName">Its name; required for "other".</param>
/// <param name="Result">Result band.</param>
/// <param name="AssessedOn">Day completed; not in the future.</param>
/// <param name="Notes">Summary.</param>
public sealed record NamedAssessmentDetails(AssessmentTool? Tool, string? ToolName, RiskBand? Result, DateOnly? AssessedOn, string? Notes)
{
    /// <summary>Checks the details as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Defined("tool", Tool, "an assessment tool")
            .Defined("result", Result, "a result")
            .Present("assessedOn", AssessedOn, "Enter the date the assessment was completed")
            .MaxLength("toolName", ToolName, FieldLimits.Name, "tool name")
            .MaxLength("notes", Notes, FieldLimits.Note, "notes");
        if (Tool == AssessmentTool.Other && string.IsNullOrWhiteSpace(ToolName))
        {
            errors.Add("toolName", "Enter the name of the assessment tool");
        }

        if (AssessedOn > today)
        {
            errors.Add("assessedOn", "The assessment date must be today or in the past");
        }

        return errors;
    }
}
