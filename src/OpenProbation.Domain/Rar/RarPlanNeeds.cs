using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;

namespace OpenProbation.Domain.Rar;

/// <summary>A need in the sentence plan, with the outcomes agreed with the person for it (one per objective on that need).</summary>
/// <param name="Need">The assessed need.</param>
/// <param name="AgreedOutcomes">The agreed outcomes of the objectives on that need, in the plan's order; empty while none is agreed.</param>
public sealed record PlanNeed(NeedArea Need, IReadOnlyList<string> AgreedOutcomes);

/// <summary>What a RAR's activities have done for one need of the plan, or for activities linked to no need.</summary>
/// <param name="Need">The need; empty for activities linked to none.</param>
/// <param name="InPlan">True when the need is in the current sentence plan.</param>
/// <param name="AgreedOutcomes">The outcomes agreed for it.</param>
/// <param name="DaysDelivered">The days on which an activity for this need was delivered, earliest first.</param>
/// <param name="SessionsToCome">Activities for this need instructed and not yet held.</param>
public sealed record RarNeedProgress(NeedArea? Need, bool InPlan, IReadOnlyList<string> AgreedOutcomes, IReadOnlyList<DateOnly> DaysDelivered, int SessionsToCome);

/// <summary>
/// RAR activities are planned against the sentence plan (PRACTICE.md section 2, the MoJ RAR guidance: activities are
/// linked to the needs in the plan and to the outcomes agreed with the person, and the RAR is completed against those
/// outcomes). Once the plan names a need, each RAR activity says which need it works on, and it must be one of the plan's.
/// </summary>
public static class RarPlanNeeds
{
    /// <summary>The needs of a plan version, each with its agreed outcomes, in the order the plan first names them.</summary>
    public static IReadOnlyList<PlanNeed> Of(SentencePlan? plan)
    {
        if (plan is null)
        {
            return [];
        }

        return [.. plan.Objectives.Where(o => o.Need is not null).OrderBy(o => o.Position).GroupBy(o => o.Need!.Value)
            .Select(g => new PlanNeed(g.Key, [.. g.Select(o => o.AgreedOutcome?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct()]))];
    }

    /// <summary>
    /// Why <paramref name="chosen"/> cannot be the need a RAR activity works on, or nothing. With needs in the plan, one
    /// of them must be chosen; before the plan names any need (the first weeks of an order), the activity may be linked
    /// to none, and is shown as not linked until it is.
    /// </summary>
    public static string? Refusal(NeedArea? chosen, IReadOnlyList<PlanNeed> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (chosen is null)
        {
            return plan.Count == 0 ? null : $"Choose the need in the sentence plan this RAR activity works on: {Names(plan)}";
        }

        if (plan.Any(p => p.Need == chosen))
        {
            return null;
        }

        return plan.Count == 0
            ? $"The sentence plan has no objective for {NeedAreas.Label(chosen.Value).ToLowerInvariant()}: add it to the plan first, or leave the need empty"
            : $"{NeedAreas.Label(chosen.Value)} is not a need in the sentence plan: choose {Names(plan)}, or add it to the plan first";
    }

    /// <summary>
    /// The RAR's activities by need: the plan's needs first (in its order, including those with no activity yet, so a
    /// need without activity shows), then needs linked but no longer in the plan, then activities linked to none. Only
    /// RAR activities count (<see cref="RarDays.IsActivity"/>); a day with activities for two needs shows under both,
    /// while the RAR's own count (<see cref="RarDays.Progress"/>) counts it once.
    /// </summary>
    public static IReadOnlyList<RarNeedProgress> ByNeed(IEnumerable<RarSession> sessions, IReadOnlyList<PlanNeed> plan)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(plan);
        var activities = sessions.Where(RarDays.IsActivity).ToList();
        var result = plan.Select(p => Summarise(p.Need, inPlan: true, p.AgreedOutcomes, activities.Where(a => a.Need == p.Need))).ToList();
        var planned = plan.Select(p => p.Need).ToHashSet();
        result.AddRange(activities.Where(a => a.Need is { } n && !planned.Contains(n)).GroupBy(a => a.Need!.Value).OrderBy(g => g.Key)
            .Select(g => Summarise(g.Key, inPlan: false, [], g)));
        var unlinked = activities.Where(a => a.Need is null).ToList();
        if (unlinked.Count > 0)
        {
            result.Add(Summarise(null, inPlan: false, [], unlinked));
        }

        return result;
    }

    private static RarNeedProgress Summarise(NeedArea? need, bool inPlan, IReadOnlyList<string> outcomes, IEnumerable<RarSession> sessions)
    {
        var list = sessions.ToList();
        return new RarNeedProgress(
            need, inPlan, outcomes, [.. list.Where(RarDays.IsDelivered).Select(s => s.Date).Distinct().Order()], list.Count(RarDays.IsPlanned));
    }

    private static string Names(IReadOnlyList<PlanNeed> plan) =>
        string.Join(", ", plan.Select(p => NeedAreas.Label(p.Need).ToLowerInvariant()));
}
