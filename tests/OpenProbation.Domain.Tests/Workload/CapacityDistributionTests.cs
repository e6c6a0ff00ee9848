using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Workload;

namespace OpenProbation.Domain.Tests.Workload;

/// <summary>The distribution chart: every officer in exactly one band, the edges where the labels say.</summary>
public class CapacityDistributionTests
{
    [Fact]
    public void Officers_fall_in_the_band_whose_upper_edge_includes_them_and_no_capacity_is_its_own_band()
    {
        var bands = CapacityDistribution.Of([40m, 70m, 70.1m, 100m, 100.1m, 168m, null, null]);

        Assert.Equal(
            ["Up to 70%", "70% to 90%", "90% to 100%", "100% to 110%", "110% to 130%", "Above 130%", "No capacity"],
            bands.Select(b => b.Label));
        Assert.Equal([2, 1, 1, 1, 0, 1, 2], bands.Select(b => b.Officers));
        Assert.Equal([false, false, false, true, true, true, true], bands.Select(b => b.Over));
    }

    [Property]
    public Property Every_officer_is_counted_once() =>
        Prop.ForAll(
            Gen.Choose(0, 30000).Select(n => n == 0 ? (decimal?)null : n / 100m).ListOf().ToArbitrary(),
            capacities => CapacityDistribution.Of(capacities).Sum(b => b.Officers) == capacities.Count);
}
