using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Allocation;

/// <summary>
/// An unallocated order moved from one team's allocation queue to another's (a case wrongly sent to an area). The
/// order's allocation clock keeps running from the day it arrived; the history of moves is kept.
/// </summary>
public sealed class CaseTransfer : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The order.</summary>
    public int OrderId { get; set; }

    /// <summary>The queue it left; empty when it had no team.</summary>
    public int? FromTeamId { get; set; }

    /// <summary>The queue it went to.</summary>
    public int ToTeamId { get; set; }

    /// <summary>Why it was moved.</summary>
    public string Reason { get; set; } = "";

    /// <summary>User name of whoever moved it.</summary>
    public string TransferredBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset TransferredAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}
