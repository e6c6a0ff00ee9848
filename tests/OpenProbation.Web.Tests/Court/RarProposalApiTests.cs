using System.Net;
using OpenProbation.Domain.Rar;
using OpenProbation.Web.Features.Court;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Court;

/// <summary>
/// The RAR proposal helper through the API (PRACTICE.md section 2, RAR proposal guideline by OGRS): the band for the
/// score, a reason asked for a sexual offence, OGRS under 25% and days outside the band; nothing stored.
/// </summary>
public abstract class RarProposalApiTests(AppFixture app)
{
    [Theory]
    [InlineData(10, "ExceptionalOnly", null, null, true)]
    [InlineData(25, "Low", 1, 15, false)]
    [InlineData(60, "Medium", 15, 25, false)]
    [InlineData(90, "High", 25, 60, false)]
    [InlineData(95, "High", 25, 60, false)]
    public async Task The_guideline_for_each_OGRS_band(int ogrs, string intensity, int? min, int? max, bool needsReason)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);

        var answer = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = ogrs, sexualOffence = false })).ReadAsync<RarProposalDto>();

        Assert.Equal((Enum.Parse<RarIntensity>(intensity), min, max, needsReason), (answer.Intensity!.Value, answer.MinimumDays, answer.MaximumDays, answer.NeedsReason));
        Assert.NotNull(answer.Band);
        Assert.Null(answer.WithinGuideline);
    }

    [Fact]
    public async Task Proposed_days_are_checked_against_the_band_and_a_reason_is_asked_for_where_the_guideline_needs_one()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        const string reason = "Six needs linked to the offending, with a recent breach";

        var within = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 47, sexualOffence = false, proposedDays = 12 })).ReadAsync<RarProposalDto>();
        Assert.True(within.WithinGuideline);

        var outside = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 47, sexualOffence = false, proposedDays = 20 }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], outside.ErrorFields());
        Assert.Contains("outside the guideline of 1 to 15", outside.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        var explained = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 47, sexualOffence = false, proposedDays = 20, reason }))
            .ReadAsync<RarProposalDto>();
        Assert.Equal((false, reason), (explained.WithinGuideline, explained.Reason));

        // A sexual offence needs no OGRS score, has no band, and its proposal needs a reason.
        var sexual = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { sexualOffence = true })).ReadAsync<RarProposalDto>();
        Assert.Equal(((RarGuidelineBandDto?)null, true), (sexual.Band, sexual.NeedsReason));
        var unexplained = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { sexualOffence = true, proposedDays = 10 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], unexplained.ErrorFields());
        var low = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 12, sexualOffence = false, proposedDays = 5, reason = "Too short" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], low.ErrorFields());
    }

    [Fact]
    public async Task Wrong_input_is_refused_on_each_field_and_the_guideline_table_is_published()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);

        var missing = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["ogrsPercent", "sexualOffence"], missing.ErrorFields().Order());
        var range = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 101, sexualOffence = false })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["ogrsPercent"], range.ErrorFields());
        var negative = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = -1, sexualOffence = false })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["ogrsPercent"], negative.ErrorFields());
        var days = await (await client.PostJsonAsync("/api/v1/rar-proposals", new { ogrsPercent = 80, sexualOffence = false, proposedDays = 61 })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["proposedDays"], days.ErrorFields());

        var guideline = await (await client.GetAsync("/api/v1/rar-proposals/guideline")).ReadAsync<RarGuidelineDto>();
        Assert.Equal([0, 25, 50, 75, 91], guideline.Bands.Select(b => b.FromPercent));
        Assert.Equal("25–49%: low intensity, 1 to 15 days", guideline.Bands[1].Words);
        Assert.Equal("Over 90%: high intensity, 25 to 60 days", guideline.Bands[4].Words);
        Assert.Equal(20, guideline.MinimumReasonLength);
    }
}

public sealed class RarProposalApiTests_Sqlite(SqliteApp app) : RarProposalApiTests(app), IClassFixture<SqliteApp>;

public sealed class RarProposalApiTests_Postgres(PostgresApp app) : RarProposalApiTests(app), IClassFixture<PostgresApp>;
