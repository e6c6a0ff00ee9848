using System.Text.Json;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Audit;

/// <summary>
/// Recording what a save cannot see for itself: reads of a person's record and sensitive sections, exports and
/// bulk operations. Changes need nothing from callers: every SaveChanges audits its own rows.
/// </summary>
public static class AuditTrail
{
    public const string PersonRecord = "person record";
    public const string Addresses = "addresses";
    public const string Markers = "markers";
    public const string Orders = "orders";
    public const string Requirements = "requirements";
    public const string Assignments = "assignments";
    public const string CaseAccess = "case access";
    public const string Organisation = "organisation";
    public const string Staff = "staff";
    public const string Users = "users";
    public const string ApiTokens = "api tokens";
    public const string BulkOperation = "bulk operation";
    public const string AuditHistory = "audit history";
    public const string SubjectAccessExport = "subject access export";
    public const string Assessments = "assessments";
    public const string Tier = "tier";
    public const string Appointments = "appointments";
    public const string ContactCompliance = "contact compliance";
    public const string GroupSessions = "group sessions";
    public const string Enforcement = "enforcement";
    public const string SentencePlans = "sentence plans";
    public const string Letters = "letters";

    /// <summary>
    /// Records that the acting user viewed <paramref name="section"/> of a person's case. Written, with who, when and
    /// from where, by the next SaveChanges of <paramref name="db"/>.
    /// </summary>
    /// <param name="db">The context whose next save writes the event.</param>
    /// <param name="personId">The person whose record was read.</param>
    /// <param name="section">What was read: one of the constants here, e.g. <see cref="PersonRecord"/>.</param>
    /// <param name="entityType">The record type read; the person by default.</param>
    /// <param name="entityId">The record's id; the person's id by default.</param>
    public static void RecordView(OpenProbationDbContext db, int personId, string section, string entityType = "Person", string? entityId = null) =>
        Record(db, AuditAction.View, personId, section, entityType, entityId);

    /// <summary><see cref="RecordView"/> and save at once: for read handlers, which have nothing else to save.</summary>
    public static Task RecordViewAsync(
        OpenProbationDbContext db, int personId, string section, CancellationToken ct, string entityType = "Person", string? entityId = null)
    {
        RecordView(db, personId, section, entityType, entityId);
        return db.SaveChangesAsync(ct);
    }

    /// <summary>Records that a person's data left the system (a subject access export), written by the next save.</summary>
    public static void RecordExport(OpenProbationDbContext db, int personId, string section, string? detail = null) =>
        Record(db, AuditAction.Export, personId, section, "Person", null, detail);

    /// <summary>
    /// Records one bulk operation (demo load, CSV import, reset) that ran with per-row capture switched off:
    /// what it was and how many rows of each kind it touched.
    /// </summary>
    internal static void RecordBulkLoad(OpenProbationDbContext db, string operation, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AddAuditEvent(new AuditEvent
        {
            Action = AuditAction.BulkLoad,
            EntityType = operation,
            EntityId = "",
            Section = BulkOperation,
            After = JsonSerializer.Serialize(counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value)),
        });
    }

    private static void Record(OpenProbationDbContext db, AuditAction action, int personId, string section, string entityType, string? entityId, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        db.AddAuditEvent(new AuditEvent
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId ?? personId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PersonId = personId,
            Section = section,
            After = detail,
        });
    }
}
