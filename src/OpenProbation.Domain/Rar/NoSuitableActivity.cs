using OpenProbation.Domain.Common;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Rar;

/// <summary>
/// A record, with reasons, that no suitable rehabilitation activity exists for a need on a RAR (issue 6 line 2): the
/// gap is written down and visible, instead of the RAR simply being delivered on fewer days or not at all.
/// </summary>
public sealed class NoSuitableActivity : IVersioned
{
    /// <summary>The shortest reason, in characters.</summary>
    public const int MinimumReasonLength = 20;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The RAR requirement.</summary>
    public int RequirementId { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>The assessed need no suitable activity was found for.</summary>
    public NeedArea Need { get; set; }

    /// <summary>Why nothing suitable exists (e.g. no provider locally, waiting list beyond the order's end, not eligible).</summary>
    public string Reason { get; set; } = "";

    /// <summary>What was looked at or tried, if recorded.</summary>
    public string? WhatWasConsidered { get; set; }

    /// <summary>User name of whoever recorded it.</summary>
    public string RecordedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}

/// <summary>What the officer records: the need, the reason, and optionally what was considered.</summary>
/// <param name="Need">The assessed need.</param>
/// <param name="Reason">Why no suitable activity exists; at least <see cref="NoSuitableActivity.MinimumReasonLength"/> characters.</param>
/// <param name="WhatWasConsidered">The activities or providers looked at.</param>
public sealed record NoSuitableActivityDetails(NeedArea? Need, string? Reason, string? WhatWasConsidered)
{
    /// <summary>Field errors keyed <c>need</c>, <c>reason</c> and <c>whatWasConsidered</c>.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors().Defined("need", Need, "the need").MaxLength("reason", Reason, FieldLimits.Note, "the reason")
            .MaxLength("whatWasConsidered", WhatWasConsidered, FieldLimits.Note, "what was considered");
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < NoSuitableActivity.MinimumReasonLength)
        {
            errors.Add("reason", $"Give the reason no suitable activity exists, in at least {NoSuitableActivity.MinimumReasonLength} characters");
        }

        return errors;
    }

    /// <summary>The record, when <see cref="Validate"/> passes.</summary>
    public NoSuitableActivity ToRecord(int requirementId, int personId, string recordedBy, DateTimeOffset recordedAt) => new()
    {
        RequirementId = requirementId,
        PersonId = personId,
        Need = Need!.Value,
        Reason = Reason!.Trim(),
        WhatWasConsidered = string.IsNullOrWhiteSpace(WhatWasConsidered) ? null : WhatWasConsidered.Trim(),
        RecordedBy = recordedBy,
        RecordedAt = recordedAt,
    };
}
