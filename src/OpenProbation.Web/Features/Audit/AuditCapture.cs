using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Audit;

/// <summary>
/// Turns the change tracker's added, modified and deleted rows into audit events. Values are the model's own
/// (enums by name, dates ISO), never the provider's; secrets are written as "[redacted]" and concurrency tokens
/// are left out.
/// </summary>
internal static class AuditCapture
{
    public const string Redacted = "[redacted]";

    // Secrets that must never reach the audit trail: their change is recorded, their value is not.
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(ApiToken.TokenHash),
    };

    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(Person)] = AuditTrail.PersonRecord,
        [typeof(Address)] = AuditTrail.Addresses,
        [typeof(Marker)] = AuditTrail.Markers,
        [typeof(Order)] = AuditTrail.Orders,
        [typeof(Requirement)] = AuditTrail.Requirements,
        [typeof(OpenProbation.Domain.Rar.NoSuitableActivity)] = AuditTrail.Requirements,
        [typeof(Assignment)] = AuditTrail.Assignments,
        [typeof(CaseRestriction)] = AuditTrail.CaseAccess,
        [typeof(CaseAccessEntry)] = AuditTrail.CaseAccess,
        [typeof(Region)] = AuditTrail.Organisation,
        [typeof(DeliveryUnit)] = AuditTrail.Organisation,
        [typeof(Team)] = AuditTrail.Organisation,
        [typeof(StaffMember)] = AuditTrail.Staff,
        [typeof(StaffAbsence)] = AuditTrail.Staff,
        [typeof(ApiToken)] = AuditTrail.ApiTokens,
        [typeof(Appointment)] = AuditTrail.Appointments,
        [typeof(Location)] = AuditTrail.Organisation,
        [typeof(Room)] = AuditTrail.Organisation,
        [typeof(GroupSession)] = AuditTrail.GroupSessions,
        [typeof(GroupSessionFacilitator)] = AuditTrail.GroupSessions,
        [typeof(OpenProbation.Domain.Enforcement.FailureToComply)] = AuditTrail.Enforcement,
        [typeof(OpenProbation.Domain.SentencePlans.SentencePlan)] = AuditTrail.SentencePlans,
        [typeof(OpenProbation.Domain.Letters.Letter)] = AuditTrail.Letters,
    };

    /// <summary>A row about to be saved, with what can be known before saving.</summary>
    internal sealed record Pending(EntityEntry Entry, AuditAction Action, string? Before, string? After);

    /// <summary>The rows to audit, read before saving (afterwards the original values are gone).</summary>
    public static List<Pending> Collect(DbContext db)
    {
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // Data-protection keys are secrets the framework manages, not records anyone edits: never copied into the trail.
            if (entry.Metadata.ClrType == typeof(AuditEvent) || entry.Metadata.ClrType == typeof(AuditChainHead)
                || entry.Metadata.ClrType == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditAction.Create, null, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditAction.Delete, Json(Audited(entry), original: true), null));
                    break;
                case EntityState.Modified:
                    // Only what really changed: a row marked modified to move its version writes no event of its own.
                    var changed = Audited(entry).Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count > 0)
                    {
                        pending.Add(new Pending(entry, AuditAction.Update, Json(changed, original: true), Json(changed, original: false)));
                    }

                    break;
                default:
                    break;
            }
        }

        return pending;
    }

    /// <summary>Completes the events once the rows are saved, so added rows carry their generated ids.</summary>
    public static async Task<List<AuditEvent>> CompleteAsync(OpenProbationDbContext db, List<Pending> pending, AuditIdentity who, DateTimeOffset now, CancellationToken ct)
    {
        var (found, missing) = OrdersToResolve(db, pending);
        if (missing.Count > 0)
        {
            foreach (var row in await db.Orders.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.PersonId }).ToListAsync(ct))
            {
                found[row.Id] = row.PersonId;
            }
        }

        return Complete(pending, who, now, found);
    }

    /// <summary>As <see cref="CompleteAsync"/>, for the synchronous SaveChanges.</summary>
    public static List<AuditEvent> Complete(OpenProbationDbContext db, List<Pending> pending, AuditIdentity who, DateTimeOffset now)
    {
        var (found, missing) = OrdersToResolve(db, pending);
        if (missing.Count > 0)
        {
            foreach (var row in db.Orders.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.PersonId }).ToList())
            {
                found[row.Id] = row.PersonId;
            }
        }

        return Complete(pending, who, now, found);
    }

    private static List<AuditEvent> Complete(List<Pending> pending, AuditIdentity who, DateTimeOffset now, Dictionary<int, int> personOfOrder)
    {
        var events = new List<AuditEvent>(pending.Count);
        foreach (var (entry, action, before, after) in pending)
        {
            var original = action == AuditAction.Delete;
            events.Add(new AuditEvent
            {
                OccurredAt = now,
                Actor = who.Actor,
                Channel = who.Channel,
                Source = who.Source,
                Action = action,
                EntityType = TypeName(entry.Metadata.ClrType),
                EntityId = Key(entry, original),
                PersonId = PersonOf(entry, original, personOfOrder),
                Section = Sections.GetValueOrDefault(entry.Metadata.ClrType) ?? (entry.Metadata.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true
                    || entry.Metadata.ClrType == typeof(ApplicationUser) ? AuditTrail.Users : TypeName(entry.Metadata.ClrType)),
                Before = before,
                After = action == AuditAction.Create ? Json(Audited(entry), original: false) : after,
            });
        }

        return events;
    }

    private static IEnumerable<PropertyEntry> Audited(EntityEntry entry) =>
        entry.Properties.Where(p => !p.Metadata.IsConcurrencyToken);

    private static bool IsSecret(IProperty property) =>
        SecretProperties.Contains(property.Name)
        || (property.DeclaringType.ClrType == typeof(IdentityUserToken<string>) && property.Name == nameof(IdentityUserToken<string>.Value));

    /// <summary>A JSON object of the properties' values, in the model's property order.</summary>
    internal static string Json(IEnumerable<PropertyEntry> properties, bool original)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);
                var value = original ? property.OriginalValue : property.CurrentValue;
                if (IsSecret(property.Metadata))
                {
                    if (value is null)
                    {
                        writer.WriteNull(name);
                    }
                    else
                    {
                        writer.WriteString(name, Redacted);
                    }

                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short sh: writer.WriteNumberValue(sh); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case double db: writer.WriteNumberValue(db); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", invariant)); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("O", invariant)); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("O", invariant)); break;
            case Enum e: writer.WriteStringValue(e.ToString()); break;
            case Guid g: writer.WriteStringValue(g.ToString()); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            default: writer.WriteStringValue(Convert.ToString(value, invariant)); break;
        }
    }

    internal static string TypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Key(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join(':', key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return Convert.ToString(original ? property.OriginalValue : property.CurrentValue, CultureInfo.InvariantCulture);
        }));
    }

    private static int? PersonOf(EntityEntry entry, bool original, Dictionary<int, int> personOfOrder)
    {
        int? Value(string name) =>
            entry.Metadata.FindProperty(name) is null ? null : (original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue) as int?;

        return entry.Entity switch
        {
            Person => Value(nameof(Person.Id)),
            Requirement or Assignment => Value(nameof(Requirement.OrderId)) is { } orderId && personOfOrder.TryGetValue(orderId, out var personId) ? personId : null,
            _ => Value(nameof(Address.PersonId)),
        };
    }

    /// <summary>
    /// The person of each order that a requirement or assignment here belongs to, from the tracker; the orders
    /// not tracked are left for one query.
    /// </summary>
    private static (Dictionary<int, int> Found, List<int> Missing) OrdersToResolve(OpenProbationDbContext db, List<Pending> pending)
    {
        var wanted = pending.Select(p => p.Entry.Entity switch
        {
            Requirement r => (int?)r.OrderId,
            Assignment a => a.OrderId,
            _ => null,
        }).OfType<int>().ToHashSet();
        var found = new Dictionary<int, int>();
        if (wanted.Count == 0)
        {
            return (found, []);
        }

        foreach (var order in db.ChangeTracker.Entries<Order>().Select(e => e.Entity).Where(o => wanted.Contains(o.Id)))
        {
            found[order.Id] = order.PersonId;
        }

        return (found, [.. wanted.Where(id => !found.ContainsKey(id))]);
    }
}
