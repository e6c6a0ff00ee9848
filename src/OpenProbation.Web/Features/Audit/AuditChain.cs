using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Audit;

/// <summary>What <see cref="AuditChain.VerifyAsync"/> found.</summary>
/// <param name="Intact">True when every event, every link and the head agree.</param>
/// <param name="Events">Events checked (up to the head, or up to the first problem).</param>
/// <param name="Sequence">Sequence of the first broken link, when there is one.</param>
/// <param name="EventId">Row id of that event, when there is one (a head mismatch may have none).</param>
/// <param name="Problem">"hash mismatch", "broken link", "sequence gap" or "head mismatch".</param>
/// <param name="Detail">What was expected and what was found.</param>
public sealed record AuditVerification(bool Intact, long Events, long? Sequence = null, long? EventId = null, string? Problem = null, string? Detail = null);

/// <summary>
/// The hash chain of the audit trail. Each event's hash is SHA-256 over an unambiguous encoding of every field
/// and the previous event's hash, so changing, removing, inserting or reordering any event breaks the chain at
/// that point; the head row holds the last sequence and hash, so removing events from the end is found too.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public const string HashMismatch = "hash mismatch";
    public const string BrokenLink = "broken link";
    public const string SequenceGap = "sequence gap";
    public const string HeadMismatch = "head mismatch";

    // Bumped if the encoding ever changes, so old and new events stay verifiable side by side.
    private const string FormatTag = "openprobation-audit-v1";

    /// <summary>
    /// The bytes that are hashed: a format tag, then each field as a 4-byte big-endian length and its UTF-8 text
    /// (length -1 for null), in a fixed order. Lengths make the encoding unambiguous whatever the text holds.
    /// </summary>
    public static byte[] CanonicalBytes(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream(256);
        Span<byte> length = stackalloc byte[4];
        foreach (var field in Fields(e))
        {
            if (field is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(length, -1);
                buffer.Write(length);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }

        return buffer.ToArray();
    }

    /// <summary>Hex SHA-256 of <see cref="CanonicalBytes"/>.</summary>
    public static string ComputeHash(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(e)));

    private static IEnumerable<string?> Fields(AuditEvent e)
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return FormatTag;
        yield return e.Sequence.ToString(invariant);
        yield return e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", invariant);
        yield return e.Actor;
        yield return e.Channel.ToString();
        yield return e.Source;
        yield return e.Action.ToString();
        yield return e.EntityType;
        yield return e.EntityId;
        yield return e.PersonId?.ToString(invariant);
        yield return e.Section;
        yield return e.Before;
        yield return e.After;
        yield return e.PreviousHash;
    }

    /// <summary>Truncates to the millisecond in UTC: both databases keep that exactly, so the hash survives storage.</summary>
    public static DateTimeOffset Normalise(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>
    /// Reads the whole trail in sequence order, one row at a time (constant memory), and reports the first
    /// broken link. Events written after the head is read are left for the next run.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(OpenProbationDbContext db, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        if (head is null)
        {
            return new AuditVerification(false, 0, null, null, HeadMismatch, "The chain head row is missing.");
        }

        long expected = 1, count = 0;
        var previousHash = GenesisHash;
        long? lastId = null;
        var events = db.AuditEvents.AsNoTracking().Where(e => e.Sequence <= head.LastSequence).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(ct))
        {
            if (e.Sequence != expected)
            {
                return new AuditVerification(false, count, e.Sequence, e.Id, SequenceGap,
                    $"Expected sequence {expected}, found {e.Sequence}: events {expected} to {e.Sequence - 1} are missing.");
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, e.Sequence, e.Id, BrokenLink,
                    $"The event's previous hash {e.PreviousHash} is not the hash {previousHash} of the event before it.");
            }

            var hash = ComputeHash(e);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, count, e.Sequence, e.Id, HashMismatch,
                    $"The stored hash {e.Hash} does not match the event's contents (hash {hash}): the event was changed.");
            }

            previousHash = e.Hash;
            lastId = e.Id;
            expected++;
            count++;
            if (count % 100_000 == 0)
            {
                progress?.Report(count);
            }
        }

        if (count != head.LastSequence || !string.Equals(previousHash, head.LastHash, StringComparison.Ordinal))
        {
            // Events missing from the end: the first missing one is the broken link.
            var at = count < head.LastSequence ? count + 1 : head.LastSequence;
            return new AuditVerification(false, count, at, count == head.LastSequence ? lastId : null, HeadMismatch,
                $"The head says the chain ends at sequence {head.LastSequence} with hash {head.LastHash}; "
                + $"the events end at sequence {count} with hash {previousHash}.");
        }

        return new AuditVerification(true, count);
    }
}
