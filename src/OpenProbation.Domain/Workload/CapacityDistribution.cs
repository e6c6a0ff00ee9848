namespace OpenProbation.Domain.Workload;

/// <summary>A band of capacity on the distribution chart: officers from <see cref="From"/> (exclusive) to <see cref="To"/> (inclusive).</summary>
/// <param name="Label">"90% to 100%", "Above 130%", "No capacity".</param>
/// <param name="From">Lower bound, exclusive; null for the lowest band.</param>
/// <param name="To">Upper bound, inclusive; null for the highest band.</param>
/// <param name="Over">True for bands above 100%, shown red.</param>
/// <param name="Officers">How many officers fall in it.</param>
public sealed record CapacityBand(string Label, decimal? From, decimal? To, bool Over, int Officers);

/// <summary>
/// How a team's or delivery unit's officers spread across capacity, so an average cannot hide the officer at 160%
/// next to the one at 40%. "No capacity" (nothing available, for example fully reduced for sickness) is a band of
/// its own and is never counted as room.
/// </summary>
public static class CapacityDistribution
{
    /// <summary>The band edges: up to 70%, 90%, 100%, 110%, 130%, then above.</summary>
    public static IReadOnlyList<decimal> Edges { get; } = [70m, 90m, 100m, 110m, 130m];

    /// <summary>Counts each capacity (null: no capacity) into the bands, lowest first, "No capacity" last.</summary>
    public static IReadOnlyList<CapacityBand> Of(IEnumerable<decimal?> capacities)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        var list = capacities.ToList();
        var bands = new List<CapacityBand>();
        for (var i = 0; i <= Edges.Count; i++)
        {
            decimal? from = i == 0 ? null : Edges[i - 1];
            decimal? to = i == Edges.Count ? null : Edges[i];
            var label = from is null ? $"Up to {to:0}%" : to is null ? $"Above {from:0}%" : $"{from:0}% to {to:0}%";
            var count = list.Count(c => c is { } p && (from is null || p > from) && (to is null || p <= to));
            bands.Add(new CapacityBand(label, from, to, from >= 100m, count));
        }

        bands.Add(new CapacityBand("No capacity", null, null, true, list.Count(c => c is null)));
        return bands;
    }
}
