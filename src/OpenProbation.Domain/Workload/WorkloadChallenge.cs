using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Workload;

/// <summary>
/// An officer's "this is wrong because…" about their own workload figure: it goes to their manager, who answers it.
/// The figures as they stood when it was raised are kept with it, so the answer is read against what the officer saw
/// (PRACTICE.md section 7, line 3: a figure nobody can question is how capacity was claimed that did not exist).
/// </summary>
public sealed class WorkloadChallenge : IVersioned
{
    /// <summary>Fewest characters in a reason or an answer: a few words, not a tick.</summary>
    public const int MinimumLength = 10;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The officer whose figure is challenged (always the one who raised it).</summary>
    public int StaffMemberId { get; set; }

    /// <summary>Why the officer thinks the figure is wrong, in their words.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Points used when it was raised.</summary>
    public int PointsUsed { get; set; }

    /// <summary>Points available when it was raised.</summary>
    public int PointsAvailable { get; set; }

    /// <summary>Hours of work needed that month when it was raised.</summary>
    public decimal HoursRequired { get; set; }

    /// <summary>Hours available that month when it was raised.</summary>
    public decimal HoursAvailable { get; set; }

    /// <summary>Capacity (the higher of the two models) when it was raised; null when nothing was available.</summary>
    public decimal? CapacityPercent { get; set; }

    /// <summary>Who raised it (user name).</summary>
    public string RaisedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>The manager's answer, once given.</summary>
    public string? Answer { get; set; }

    /// <summary>Who answered (user name).</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>True once a manager has answered.</summary>
    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Checks a reason or an answer: present, at least <see cref="MinimumLength"/> characters, within the note limit.</summary>
    /// <param name="errors">Where messages go.</param>
    /// <param name="field">The field name.</param>
    /// <param name="text">What was typed.</param>
    /// <param name="what">"why the figure is wrong" or "your answer", for the messages.</param>
    public static ValidationErrors CheckText(ValidationErrors errors, string field, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return errors.Add(field, $"Enter {what}");
        }

        if (text.Trim().Length < MinimumLength)
        {
            return errors.Add(field, $"Say {what} in at least {MinimumLength} characters");
        }

        return errors.MaxLength(field, text, FieldLimits.Note, what);
    }
}
