using System.Globalization;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Rar;

/// <summary>What an officer records to complete a RAR.</summary>
/// <param name="CompletedOn">The day it was completed.</param>
/// <param name="OutcomeAgainstAgreed">The outcome against the outcomes agreed in the sentence plan.</param>
/// <param name="Rationale">Why it is complete on fewer days than the maximum; required then.</param>
/// <param name="Progress">The progress made, when completed on fewer days; required then.</param>
public sealed record RarCompletionDetails(DateOnly? CompletedOn, string? OutcomeAgainstAgreed, string? Rationale, string? Progress)
{
    /// <summary>The shortest rationale and progress note, in characters: a sentence, not a tick.</summary>
    public const int MinimumExplanationLength = 20;

    /// <summary>
    /// Checks the completion against the RAR as it stands (PRACTICE.md section 2): the outcome against the agreed
    /// outcomes always; on fewer days than the maximum, the rationale and the progress as well. Nothing can be completed
    /// while days are still instructed and to come, or before the last day delivered, or in the future.
    /// </summary>
    public ValidationErrors Validate(RarProgress progress, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var errors = new ValidationErrors()
            .Present("completedOn", CompletedOn, "Enter the date the RAR was completed")
            .Required("outcomeAgainstAgreed", OutcomeAgainstAgreed, FieldLimits.Note, "the outcome against the outcomes agreed in the sentence plan");
        if (CompletedOn is { } on)
        {
            if (on > today)
            {
                errors.Add("completedOn", "The completion date must be today or in the past");
            }
            else if (progress.CompletedDays.Count > 0 && on < progress.CompletedDays[^1])
            {
                errors.Add("completedOn", $"The completion date cannot be before the last RAR day delivered, {progress.CompletedDays[^1].ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
            }
        }

        if (progress.DaysPlanned > 0)
        {
            errors.Add("completedOn", $"{RarDays.Days(progress.DaysPlanned)} still instructed: hold or cancel those sessions before completing the RAR");
        }

        if (progress.DaysCompleted < progress.MaximumDays)
        {
            var fewer = $"completed on {RarDays.Days(progress.DaysCompleted)} of the {progress.MaximumDays} the court allowed";
            Explained(errors, "rationale", Rationale, $"The RAR is {fewer}: give the rationale");
            Explained(errors, "progress", Progress, $"The RAR is {fewer}: describe the progress made");
        }

        return errors;
    }

    private static void Explained(ValidationErrors errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length < MinimumExplanationLength)
        {
            errors.Add(field, $"{message}, in at least {MinimumExplanationLength} characters");
        }
        else
        {
            errors.MaxLength(field, value, FieldLimits.Note, $"the {field}");
        }
    }
}
