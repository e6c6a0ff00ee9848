using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Tiering;

/// <summary>Where a calculated tier stands.</summary>
public enum CaseTierStatus
{
    /// <summary>The case's tier now; exactly one per tiered case.</summary>
    Current = 1,

    /// <summary>Was current; replaced by a later tier.</summary>
    Superseded,

    /// <summary>A lower tier waiting for the responsible officer's reason; the higher tier still applies.</summary>
    AwaitingReason,

    /// <summary>A lower tier with its reason, waiting for a manager's countersignature; the higher tier still applies.</summary>
    AwaitingCountersignature,

    /// <summary>A lower tier a manager refused to countersign; the higher tier still applies.</summary>
    Refused,

    /// <summary>A proposed lower tier overtaken by a later calculation before it was applied.</summary>
    Withdrawn,
}

/// <summary>
/// One calculated tier of a person with its working, kept for ever. The tier is calculated from the record, never
/// typed in; a lower tier waits for a reason (and sometimes a countersignature) before it applies, so a rating
/// cannot be lowered silently (PRACTICE.md section 7, line 1).
/// </summary>
public sealed class CaseTier : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>The policy's name.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The policy's version.</summary>
    public string PolicyVersion { get; set; } = "";

    /// <summary>The tier, e.g. "B2" or "RED".</summary>
    public string Tier { get; set; } = "";

    /// <summary>The tier's rank within its policy.</summary>
    public int Rank { get; set; }

    /// <summary>England and Wales protect level.</summary>
    public string? ProtectLevel { get; set; }

    /// <summary>England and Wales change level.</summary>
    public int? ChangeLevel { get; set; }

    /// <summary>Protect points (BRAG: its score).</summary>
    public int ProtectPoints { get; set; }

    /// <summary>Change points.</summary>
    public int ChangePoints { get; set; }

    /// <summary>The working, as JSON lines of <see cref="TierWorkingLine"/>.</summary>
    public string Working { get; set; } = "[]";

    /// <summary>The assessment ROSH, RSR and OGRS came from.</summary>
    public int? AssessmentId { get; set; }

    /// <summary>The valid layer 3 the needs came from.</summary>
    public int? FullAssessmentId { get; set; }

    /// <summary>How it compares with the tier before.</summary>
    public TierChangeDirection Direction { get; set; }

    /// <summary>Where it stands.</summary>
    public CaseTierStatus Status { get; set; }

    /// <summary>What led to the calculation, e.g. "assessment recorded", "marker added", "daily recalculation".</summary>
    public string Trigger { get; set; } = "";

    /// <summary>The previous current tier, for display.</summary>
    public string? PreviousTier { get; set; }

    /// <summary>When it was calculated.</summary>
    public DateTimeOffset CalculatedAt { get; set; }

    /// <summary>The day it was calculated for.</summary>
    public DateOnly CalculatedOn { get; set; }

    /// <summary>When it became current.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The day it became current; the start of its contact standard.</summary>
    public DateOnly? AppliedOn { get; set; }

    /// <summary>When it stopped being current or pending.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Whether a manager must countersign (downgrades only).</summary>
    public bool CountersignatureRequired { get; set; }

    /// <summary>Why a countersignature is needed.</summary>
    public string? CountersignatureWhy { get; set; }

    /// <summary>The reason given for a downgrade.</summary>
    public string? Reason { get; set; }

    /// <summary>Who gave the reason.</summary>
    public string? ReasonBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? ReasonAt { get; set; }

    /// <summary>The manager who countersigned or refused.</summary>
    public string? CountersignedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? CountersignedAt { get; set; }

    /// <summary>The manager's note (required when refusing).</summary>
    public string? CountersignNote { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>True while a downgrade waits for a reason or a countersignature.</summary>
    public bool IsPending => Status is CaseTierStatus.AwaitingReason or CaseTierStatus.AwaitingCountersignature;

    /// <summary>Copies a result onto a new record.</summary>
    public void Apply(TierResult result, string working)
    {
        ArgumentNullException.ThrowIfNull(result);
        Policy = result.Policy;
        PolicyVersion = result.PolicyVersion;
        Tier = result.Tier;
        Rank = result.Rank;
        ProtectLevel = result.ProtectLevel;
        ChangeLevel = result.ChangeLevel;
        ProtectPoints = result.ProtectPoints;
        ChangePoints = result.ChangePoints;
        Working = working;
    }

    /// <summary>True when this record holds the same result (tier and working), so recalculating need not record it again.</summary>
    public bool SameResult(TierResult result, string working) =>
        result is not null && Tier == result.Tier && Policy == result.Policy && PolicyVersion == result.PolicyVersion && Working == working;
}
