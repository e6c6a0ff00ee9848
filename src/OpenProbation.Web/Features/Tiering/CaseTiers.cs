using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Tiering;

/// <summary>What a recalculation did to one case.</summary>
public enum RecalculationOutcome
{
    /// <summary>Nothing changed.</summary>
    Unchanged = 1,

    /// <summary>A first tier, a higher tier, a new policy or new working was applied at once.</summary>
    Applied,

    /// <summary>A lower tier was proposed and waits for a reason (and perhaps a countersignature).</summary>
    DowngradeProposed,
}

/// <summary>
/// Keeps each person's tier in step with their record. Called after every change that can move a tier (an
/// assessment, a marker, an order or requirement) and once a day for the changes time brings (an assessment
/// passing 55 weeks, a breach passing 12 months). A higher tier applies at once; a lower one waits for a reason,
/// and for a manager's countersignature when the rules say so (<see cref="TierChangeRules"/>).
/// </summary>
public static class CaseTiers
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Trigger names recorded on each calculation.</summary>
    public const string AssessmentRecorded = "assessment recorded";

    /// <summary>A marker added or changed.</summary>
    public const string MarkerChanged = "marker changed";

    /// <summary>An order or requirement added or changed.</summary>
    public const string OrderChanged = "order changed";

    /// <summary>The daily recalculation.</summary>
    public const string Daily = "daily recalculation";

    /// <summary>The working as stored.</summary>
    public static string Serialise(IReadOnlyList<TierWorkingLine> working) => JsonSerializer.Serialize(working, _json);

    /// <summary>The working read back.</summary>
    public static IReadOnlyList<TierWorkingLine> Working(CaseTier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return JsonSerializer.Deserialize<List<TierWorkingLine>>(tier.Working, _json) ?? [];
    }

    /// <summary>The record a person's tier is calculated from.</summary>
    public sealed record TierRecord(Gender Gender, IReadOnlyList<RiskAssessment> Assessments, IReadOnlyList<Marker> Markers, IReadOnlyList<Order> Orders);

    /// <summary>Calculates a person's tier from their record as it is today, without storing anything.</summary>
    public static TierResult Calculate(TieringPolicies policies, TierRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(record);
        return policies.Schedule.At(today).Calculate(Inputs(record, today));
    }

    /// <summary>The tiering inputs a person's record gives today.</summary>
    public static TieringInputs Inputs(TierRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        return TieringInputsFromRecord.Build(record.Assessments, record.Markers, record.Orders, record.Gender, today);
    }

    /// <summary>Recalculates one person after a change to their record, as at now.</summary>
    public static Task<RecalculationOutcome> AfterChangeAsync(
        OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock, int personId, string trigger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return RecalculateAsync(db, policies, personId, trigger, clock.Today(), clock.GetUtcNow(), ct);
    }

    /// <summary>Recalculates one person and saves what changed.</summary>
    public static async Task<RecalculationOutcome> RecalculateAsync(
        OpenProbationDbContext db, TieringPolicies policies, int personId, string trigger, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var outcomes = await RecalculateAsync(db, policies, [personId], trigger, today, now, ct);
        return outcomes.GetValueOrDefault(personId, RecalculationOutcome.Unchanged);
    }

    /// <summary>Recalculates a batch of people (one query per table) and saves what changed, in one transaction.</summary>
    public static async Task<IReadOnlyDictionary<int, RecalculationOutcome>> RecalculateAsync(
        OpenProbationDbContext db, TieringPolicies policies, IReadOnlyCollection<int> personIds, string trigger, DateOnly today, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        var ids = personIds.ToList();
        var genders = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Gender }).ToDictionaryAsync(p => p.Id, p => p.Gender, ct);
        var assessments = (await db.RiskAssessments.AsNoTracking().Where(a => ids.Contains(a.PersonId)).ToListAsync(ct)).ToLookup(a => a.PersonId);
        var markers = (await db.Markers.AsNoTracking().Where(m => ids.Contains(m.PersonId)).ToListAsync(ct)).ToLookup(m => m.PersonId);
        var orders = (await db.Orders.AsNoTracking().Include(o => o.Requirements).Where(o => ids.Contains(o.PersonId)).ToListAsync(ct)).ToLookup(o => o.PersonId);
        var open = (await db.CaseTiers.Where(t => ids.Contains(t.PersonId)
                && (t.Status == CaseTierStatus.Current || t.Status == CaseTierStatus.AwaitingReason || t.Status == CaseTierStatus.AwaitingCountersignature))
            .ToListAsync(ct)).ToLookup(t => t.PersonId);
        var refused = (await db.CaseTiers.AsNoTracking().Where(t => ids.Contains(t.PersonId) && t.Status == CaseTierStatus.Refused)
            .Select(t => new { t.PersonId, t.Id, t.Tier, t.Policy, t.PolicyVersion, t.Working }).ToListAsync(ct))
            .GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!);
        var lastUpgrades = await db.CaseTiers.AsNoTracking()
            .Where(t => ids.Contains(t.PersonId) && t.Direction == TierChangeDirection.Upgrade && t.AppliedOn != null)
            .GroupBy(t => t.PersonId).Select(g => new { PersonId = g.Key, On = g.Max(t => t.AppliedOn) }).ToDictionaryAsync(g => g.PersonId, g => g.On, ct);

        var outcomes = new Dictionary<int, RecalculationOutcome>();
        foreach (var id in ids.Where(genders.ContainsKey))
        {
            var record = new TierRecord(genders[id], [.. assessments[id]], [.. markers[id]], [.. orders[id]]);
            var inputs = Inputs(record, today);
            var result = policies.Schedule.At(today).Calculate(inputs);
            var working = Serialise(result.Working);
            var current = open[id].FirstOrDefault(t => t.Status == CaseTierStatus.Current);
            var pending = open[id].FirstOrDefault(t => t.IsPending);
            if (current is not null && current.SameResult(result, working))
            {
                Withdraw(pending, now);
                outcomes[id] = RecalculationOutcome.Unchanged;
                continue;
            }

            var direction = TierChangeRules.Classify(current?.Policy, current?.Tier, current?.Rank ?? 0, result);
            var tier = new CaseTier
            {
                PersonId = id,
                Direction = direction,
                Trigger = trigger,
                PreviousTier = current?.Tier,
                CalculatedAt = now,
                CalculatedOn = today,
                AssessmentId = inputs.AssessmentId,
                FullAssessmentId = inputs.FullAssessmentId,
            };
            tier.Apply(result, working);

            if (direction == TierChangeDirection.Downgrade)
            {
                var refusedSame = refused.TryGetValue(id, out var r) && r.Tier == result.Tier && r.Policy == result.Policy
                    && r.PolicyVersion == result.PolicyVersion && r.Working == working;
                if ((pending is not null && pending.SameResult(result, working)) || refusedSame)
                {
                    outcomes[id] = RecalculationOutcome.Unchanged;
                    continue;
                }

                Withdraw(pending, now);
                var needs = TierChangeRules.ForDowngrade(today, lastUpgrades.GetValueOrDefault(id), TierChangeRules.HasProtectiveMarker(record.Markers, today));
                tier.Status = CaseTierStatus.AwaitingReason;
                tier.CountersignatureRequired = needs.CountersignatureRequired;
                tier.CountersignatureWhy = needs.CountersignatureRequired ? string.Join("; ", needs.Why) : null;
                db.CaseTiers.Add(tier);
                outcomes[id] = RecalculationOutcome.DowngradeProposed;
                continue;
            }

            Withdraw(pending, now);
            Supersede(current, now);
            tier.Status = CaseTierStatus.Current;
            tier.AppliedAt = now;
            tier.AppliedOn = today;
            db.CaseTiers.Add(tier);
            outcomes[id] = RecalculationOutcome.Applied;
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    /// <summary>
    /// Records the responsible officer's reason for a proposed downgrade; applies it unless a countersignature is
    /// needed, in which case it waits for a manager.
    /// </summary>
    public static async Task<ValidationErrors> GiveReasonAsync(
        OpenProbationDbContext db, CaseTier proposal, string? reason, string who, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = TierChangeRules.ValidateReason(reason);
        if (proposal.Status != CaseTierStatus.AwaitingReason)
        {
            errors.Add("reason", "This tier change is no longer waiting for a reason");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        proposal.Reason = reason!.Trim();
        proposal.ReasonBy = who;
        proposal.ReasonAt = now;
        if (proposal.CountersignatureRequired)
        {
            proposal.Status = CaseTierStatus.AwaitingCountersignature;
        }
        else
        {
            await ApplyAsync(db, proposal, today, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>A manager countersigns (applies) or refuses a downgrade that needs it.</summary>
    public static async Task<ValidationErrors> CountersignAsync(
        OpenProbationDbContext db, CaseTier proposal, bool approve, string? note, string who, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = TierChangeRules.ValidateCountersignature(proposal.ReasonBy ?? "", who, approve, note);
        if (proposal.Status != CaseTierStatus.AwaitingCountersignature)
        {
            errors.Add("approve", "This tier change is not waiting for a countersignature");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        proposal.CountersignedBy = who;
        proposal.CountersignedAt = now;
        proposal.CountersignNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve)
        {
            await ApplyAsync(db, proposal, today, now, ct);
        }
        else
        {
            proposal.Status = CaseTierStatus.Refused;
            proposal.EndedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static async Task ApplyAsync(OpenProbationDbContext db, CaseTier proposal, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.CaseTiers.SingleOrDefaultAsync(t => t.PersonId == proposal.PersonId && t.Status == CaseTierStatus.Current, ct);
        Supersede(current, now);
        proposal.Status = CaseTierStatus.Current;
        proposal.AppliedAt = now;
        proposal.AppliedOn = today;
    }

    private static void Withdraw(CaseTier? pending, DateTimeOffset now)
    {
        if (pending is not null)
        {
            pending.Status = CaseTierStatus.Withdrawn;
            pending.EndedAt = now;
        }
    }

    private static void Supersede(CaseTier? current, DateTimeOffset now)
    {
        if (current is not null)
        {
            current.Status = CaseTierStatus.Superseded;
            current.EndedAt = now;
        }
    }

    /// <summary>
    /// Recalculates every person in batches, for the daily run and <c>openprobation tiers recalculate</c>; returns
    /// how many were looked at, applied and proposed for downgrade.
    /// </summary>
    public static async Task<(int People, int Applied, int DowngradesProposed)> RecalculateAllAsync(
        Func<OpenProbationDbContext> newContext, TieringPolicies policies, string trigger, DateOnly today, DateTimeOffset now, int batchSize,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(newContext);
        var (people, applied, proposed, after) = (0, 0, 0, 0);
        while (true)
        {
            await using var db = newContext();
            var ids = await db.People.AsNoTracking().Where(p => p.Id > after).OrderBy(p => p.Id).Select(p => p.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return (people, applied, proposed);
            }

            var outcomes = await RecalculateAsync(db, policies, ids, trigger, today, now, ct);
            people += ids.Count;
            applied += outcomes.Values.Count(o => o == RecalculationOutcome.Applied);
            proposed += outcomes.Values.Count(o => o == RecalculationOutcome.DowngradeProposed);
            after = ids[^1];
        }
    }
}
