using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;
using OpenProbation.Domain.Tiering;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Tiering;

/// <summary>A tier is never lowered silently: downgrades need a reason, and some a manager's countersignature.</summary>
public class TierChangeRulesTests
{
    private static TierResult Tier(string tier, string policy = "england-wales") =>
        new(tier, policy == "brag" ? BragTiering.RankOf(tier) : EnglandWalesTiering.RankOf(tier), null, null, 0, 0, [], policy, "1");

    [Theory]
    [InlineData(null, "B2", TierChangeDirection.Initial)]
    [InlineData("B2", "B2", TierChangeDirection.Unchanged)]
    [InlineData("B2", "B3", TierChangeDirection.Upgrade)]
    [InlineData("B2", "A0", TierChangeDirection.Upgrade)]
    [InlineData("B2", "B1", TierChangeDirection.Downgrade)]
    [InlineData("B0", "C3", TierChangeDirection.Downgrade)]
    public void Classify_compares_ranks(string? current, string next, TierChangeDirection direction) =>
        Assert.Equal(direction, TierChangeRules.Classify(current is null ? null : "england-wales", current, current is null ? 0 : EnglandWalesTiering.RankOf(current), Tier(next)));

    [Fact]
    public void A_new_policy_is_a_policy_change_not_an_upgrade_or_downgrade() =>
        Assert.Equal(TierChangeDirection.PolicyChange, TierChangeRules.Classify("england-wales", "A3", 43, Tier("BLUE", "brag")));

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-08-25", true)]
    [InlineData("2026-08-24", false)]
    public void A_downgrade_within_90_days_of_an_upgrade_needs_a_countersignature(string upgradedOn, bool required)
    {
        // 2026-08-25 is exactly 90 days before 2026-11-23, so still within; a day earlier is outside.
        var requirements = TierChangeRules.ForDowngrade(D("2026-11-23"), D(upgradedOn), hasProtectiveMarker: false);
        Assert.Equal(required, requirements.CountersignatureRequired);
        Assert.Equal(required ? 1 : 0, requirements.Why.Count);
    }

    [Fact]
    public void A_downgrade_without_a_recent_upgrade_or_markers_needs_only_a_reason()
    {
        var requirements = TierChangeRules.ForDowngrade(D("2026-11-23"), null, hasProtectiveMarker: false);
        Assert.False(requirements.CountersignatureRequired);
        Assert.Empty(requirements.Why);
    }

    [Fact]
    public void Any_downgrade_of_a_case_with_a_cp_da_or_mappa_marker_needs_a_countersignature()
    {
        var requirements = TierChangeRules.ForDowngrade(D("2026-11-23"), D("2020-01-01"), hasProtectiveMarker: true);
        Assert.True(requirements.CountersignatureRequired);
        Assert.Contains(requirements.Why, w => w.Contains("MAPPA", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MarkerType.ChildProtection, true)]
    [InlineData(MarkerType.DomesticAbuse, true)]
    [InlineData(MarkerType.Mappa, true)]
    [InlineData(MarkerType.MentalHealth, false)]
    [InlineData(MarkerType.Safeguarding, false)]
    public void Protective_markers_are_cp_da_and_mappa_while_active(MarkerType type, bool protective)
    {
        var today = D("2026-11-23");
        Assert.Equal(protective, TierChangeRules.HasProtectiveMarker([new Marker { Type = type, StartDate = D("2026-01-01") }], today));
        Assert.False(TierChangeRules.HasProtectiveMarker([new Marker { Type = type, StartDate = D("2026-01-01"), EndDate = D("2026-11-22") }], today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("ok")]
    [InlineData("too short")]
    public void A_downgrade_reason_must_say_what_changed(string? reason) =>
        ErrorAssert.Single(TierChangeRules.ValidateReason(reason), "reason");

    [Fact]
    public void A_real_reason_is_accepted() =>
        ErrorAssert.Valid(TierChangeRules.ValidateReason("New layer 3: accommodation found, drug use stopped for six months"));

    [Fact]
    public void The_manager_who_proposed_a_downgrade_cannot_countersign_it_and_a_refusal_needs_a_note()
    {
        ErrorAssert.Single(TierChangeRules.ValidateCountersignature("demo-spo", "DEMO-SPO", approve: true, null), "approve");
        ErrorAssert.Single(TierChangeRules.ValidateCountersignature("demo-po", "demo-spo", approve: false, " "), "note");
        ErrorAssert.Valid(TierChangeRules.ValidateCountersignature("demo-po", "demo-spo", approve: true, null));
    }

    [Fact]
    public void Ranks_are_comparable_only_within_a_policy()
    {
        Assert.True(BragTiering.RankOf("RED") > BragTiering.RankOf("AMBER"));
        Assert.True(BragTiering.RankOf("GREEN") > BragTiering.RankOf("BLUE"));
        Assert.Equal(0, BragTiering.RankOf("PURPLE"));
    }
}
