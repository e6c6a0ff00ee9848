namespace OpenProbation.Web.Features.Audit;

/// <summary>What happened to the record an audit event is about.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    View,
    Export,

    /// <summary>A bulk operation (demo load, CSV import, demo reset) recorded as one summary event rather than per row.</summary>
    BulkLoad,
}

/// <summary>How the actor reached OpenProbation.</summary>
public enum AuditChannel
{
    Web,
    Api,
    Cli,
    System,
}

/// <summary>
/// One append-only entry of the audit trail: who did what to which record, when and from where. Events are
/// hash-chained in <see cref="Sequence"/> order (<see cref="AuditChain"/>), so a changed, removed or reordered row
/// is found by <c>openprobation audit verify</c>. Database triggers refuse UPDATE and DELETE on the table.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    /// <summary>Position in the chain: 1, 2, 3… with no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (what both databases store exactly, so the hash survives a round trip).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The user name; "system" for work the application does itself; the operating-system user for the command line.</summary>
    public string Actor { get; set; } = "";

    public AuditChannel Channel { get; set; }

    /// <summary>The remote IP address of a web or API request, "cli" for the command line, "system" otherwise.</summary>
    public string Source { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>The record's type, e.g. Person, Address, ApplicationUser.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>The record's key as text (composite keys joined with ':'); empty for bulk operations.</summary>
    public string EntityId { get; set; } = "";

    /// <summary>The person on probation the record belongs to, so a case's history is one index range.</summary>
    public int? PersonId { get; set; }

    /// <summary>The part of the record, e.g. "person record", "addresses", "audit history", "subject access export".</summary>
    public string Section { get; set; } = "";

    /// <summary>JSON object of the values before: the changed properties of an update, every property of a delete.</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the values after: the changed properties of an update, every property of a create.</summary>
    public string? After { get; set; }

    /// <summary>Hex SHA-256 of the event before this one (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Hex SHA-256 over <see cref="AuditChain.CanonicalBytes"/> of this event.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>
/// The single row that holds the end of the chain. Every writer updates it first in its transaction, which
/// serialises writers on both databases (SQLite's write lock, PostgreSQL's row lock).
/// </summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditChain.GenesisHash;
}
