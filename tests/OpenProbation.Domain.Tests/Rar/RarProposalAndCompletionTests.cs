using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Rar;

namespace OpenProbation.Domain.Tests.Rar;

/// <summary>The court proposal helper (guideline days by OGRS band) and completing a RAR.</summary>
public class RarProposalAndCompletionTests
{
    private static readonly DateOnly _today = new(2026, 11, 23);

    [Theory]
    // The table in PRACTICE.md section 2: band edges on both sides.
    [InlineData(0, null, null, true)]
    [InlineData(24, null, null, true)]
    [InlineData(25, 1, 15, false)]
    [InlineData(49, 1, 15, false)]
    [InlineData(50, 15, 25, false)]
    [InlineData(74, 15, 25, false)]
    [InlineData(75, 25, 60, false)]
    [InlineData(90, 25, 60, false)]
    [InlineData(91, 25, 60, false)]
    [InlineData(100, 25, 60, false)]
    public void The_guideline_follows_the_OGRS_bands(int ogrs, int? min, int? max, bool needsReason)
    {
        var guideline = RarProposal.For(ogrs, sexualOffence: false);
        Assert.Equal((min, max, needsReason), (guideline.Band?.MinimumDays, guideline.Band?.MaximumDays, guideline.NeedsReason));
    }

    [Fact]
    public void The_bands_cover_every_score_once_and_the_averages_are_the_guidance_figures()
    {
        for (var ogrs = 0; ogrs <= 100; ogrs++)
        {
            Assert.Single(RarProposal.Bands, b => ogrs >= b.FromPercent && ogrs <= b.ToPercent);
        }

        Assert.Equal([2.4m, 3.2m, 4.4m, 4.4m, 6.2m], RarProposal.Bands.Select(b => b.AverageNeeds));
    }

    [Fact]
    public void A_sexual_offence_has_no_OGRS_band_and_needs_a_reason()
    {
        var guideline = RarProposal.For(80, sexualOffence: true);
        Assert.Null(guideline.Band);
        Assert.True(guideline.NeedsReason);
        Assert.Equal(["reason"], RarProposal.Check(guideline, 20, "too short").Fields);
        Assert.True(RarProposal.Check(guideline, 20, "Assessed under the sexual offending tools; needs in relationships and thinking").IsValid);
    }

    [Fact]
    public void Days_outside_the_band_need_a_reason_and_days_within_it_do_not()
    {
        var medium = RarProposal.For(60, sexualOffence: false);
        Assert.Equal("OGRS 60%: medium intensity, 15 to 25 days (average needs 4.4).", medium.Words);
        Assert.True(RarProposal.Check(medium, 20, null).IsValid);
        Assert.Equal(["reason"], RarProposal.Check(medium, 30, null).Fields);
        Assert.True(RarProposal.Check(medium, 30, "Six needs identified, including accommodation and finance").IsValid);
        Assert.Equal(["days"], RarProposal.Check(medium, 61, null).Fields);
        Assert.Equal(["days"], RarProposal.Check(medium, null, null).Fields);
        Assert.Equal(["days"], RarProposal.Check(medium, 0, null).Fields);
    }

    private static RarProgress Progress(int max, int delivered, int planned = 0) => RarDays.Progress(max,
        [.. Enumerable.Range(0, delivered).Select(i => new RarSession(i, _today.AddDays(-30 + i), AppointmentType.RarSession, AppointmentOutcome.AttendedComplied, true, true)),
         .. Enumerable.Range(0, planned).Select(i => new RarSession(100 + i, _today.AddDays(1 + i), AppointmentType.RarSession, null, true, true))]);

    [Fact]
    public void Completing_on_every_day_needs_only_the_outcome_against_the_agreed_outcomes()
    {
        var all = Progress(10, 10);
        Assert.True(new RarCompletionDetails(_today, "Both agreed outcomes met: tenancy kept, debts managed", null, null).Validate(all, _today).IsValid);
        Assert.Equal(["outcomeAgainstAgreed"], new RarCompletionDetails(_today, " ", null, null).Validate(all, _today).Fields);
    }

    [Fact]
    public void Completing_on_fewer_days_needs_a_rationale_and_the_progress()
    {
        var fewer = Progress(20, 12);

        var bare = new RarCompletionDetails(_today, "Accommodation outcome met", null, "short").Validate(fewer, _today);

        Assert.Equal(["rationale", "progress"], bare.Fields);
        Assert.Contains("completed on 12 days of the 20 the court allowed", bare.ToDictionary()["rationale"][0], StringComparison.Ordinal);
        Assert.True(new RarCompletionDetails(_today, "Accommodation outcome met",
            "Outcomes achieved early; further days would add nothing", "Settled tenancy, in work since October").Validate(fewer, _today).IsValid);
    }

    [Fact]
    public void A_RAR_with_sessions_still_to_come_or_a_date_before_the_last_day_or_in_the_future_cannot_be_completed()
    {
        var explained = new RarCompletionDetails(_today, "Outcome met in full", "Outcomes achieved early; no need for more days", "Stable, and in work since the summer");
        Assert.Equal(["completedOn"], explained.Validate(Progress(20, 5, planned: 2), _today).Fields);
        Assert.Equal(["completedOn"], (explained with { CompletedOn = _today.AddDays(-30) }).Validate(Progress(20, 5), _today).Fields);
        Assert.Equal(["completedOn"], (explained with { CompletedOn = _today.AddDays(1) }).Validate(Progress(20, 5), _today).Fields);
    }
}
