using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Tiering;

/// <summary>
/// The tier calculator's published contract, assessments that move the tier, and the integrity rules: a lower tier
/// waits for a reason, and for a manager's countersignature within 90 days of an upgrade or with CP/DA/MAPPA markers.
/// </summary>
public abstract class TieringApiTests(AppFixture app)
{
    private static object Assessment(string rosh, string assessedOn = "2026-11-20", string layer = "Layer3", object? needs = null, int? ogrs = 47, decimal? rsr = 1.5m) => new
    {
        assessedOn,
        layer,
        rosh,
        rsrPercent = rsr,
        ogrsPercent = ogrs,
        needs = layer == "Layer3" ? needs ?? new Dictionary<string, string> { ["accommodation"] = "Standard" } : null,
    };

    /// <summary>A person on a community order with a RAR, so the case has a mandate for change.</summary>
    private static async Task<string> CaseAsync(HttpClient client)
    {
        var order = await TestData.CreatePersonWithOrderAsync(client);
        (await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 })).EnsureSuccessStatusCode();
        return order.Crn;
    }

    private static async Task<AssessmentRecordedDto> AssessAsync(HttpClient client, string crn, object body) =>
        await TestData.Created<AssessmentRecordedDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/assessments", body));

    /// <summary>Moves the case's upgrades back in time, so a downgrade today is outside the 90-day window.</summary>
    private Task BackdateUpgradesAsync(string crn, int days) => app.WithDbAsync(async db =>
    {
        var before = app.Today.AddDays(-days);
        await db.CaseTiers.Where(t => t.Person!.Crn == crn && t.AppliedOn != null).ExecuteUpdateAsync(s => s.SetProperty(t => t.AppliedOn, before));
    });

    [Fact]
    public async Task The_calculator_answers_the_published_request_with_the_tier_and_its_working()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);

        var response = await client.PostJsonAsync("/api/v1/tiering/calculate", new
        {
            policy = "england-wales",
            rosh = "MEDIUM",
            rsrPercent = 5.2m,
            ogrsPercent = 47,
            mappaLevel = 0,
            complexityFactors = new[] { "mentalHealth", "selfHarm", "vulnerability", "childConcerns", "adultAtRisk" },
            iom = false,
            changeRequired = true,
            needs = new Dictionary<string, string> { ["accommodation"] = "STANDARD", ["thinkingAndBehaviour"] = "SEVERE", ["attitudes"] = "SEVERE" },
            gender = "MALE",
            parentingResponsibilities = false,
            impulsivityOrTemperControl = false,
            breachOrRecallInLast12Months = false,
        });

        var result = await response.ReadAsync<TieringCalculateResponse>();
        Assert.Equal(("B2", "B", 2, 20, 13), (result.Tier, result.ProtectLevel, result.ChangeLevel, result.ProtectPoints, result.ChangePoints));
        Assert.Contains(result.Working, w => w.Input == "RSR 5.20%" && w.Points == 10 && !w.Counted);
        Assert.Contains(result.Working, w => w.Input == "ROSH: medium" && w.Points == 10 && w.Counted);
        Assert.Contains(result.Working, w => w.Input == "OGRS 47%" && w.Points == 4 && w.Axis == "change");
        Assert.Equal(("england-wales", new EnglandWalesWeights().Version), (result.Policy, result.PolicyVersion));
    }

    [Fact]
    public async Task The_calculator_gives_brag_ratings_and_treats_missing_needs_as_no_valid_assessment()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);

        var brag = await (await client.PostJsonAsync("/api/v1/tiering/calculate", new { policy = "brag", rosh = "HIGH" })).ReadAsync<TieringCalculateResponse>();
        Assert.Equal("RED", brag.Tier);
        Assert.Null(brag.ProtectLevel);

        var unassessed = await (await client.PostJsonAsync("/api/v1/tiering/calculate", new { rosh = "LOW", ogrsPercent = 95, needs = (object?)null }))
            .ReadAsync<TieringCalculateResponse>();
        Assert.Equal("D2", unassessed.Tier);

        var noMandate = await (await client.PostJsonAsync("/api/v1/tiering/calculate", new { rosh = "LOW", changeRequired = false }))
            .ReadAsync<TieringCalculateResponse>();
        Assert.Equal("D0", noMandate.Tier);
    }

    [Fact]
    public async Task The_calculator_names_every_field_it_cannot_read()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);

        var problem = await (await client.PostJsonAsync("/api/v1/tiering/calculate", new
        {
            policy = "points",
            rosh = "SEVERE",
            rsrPercent = 101,
            mappaLevel = 4,
            complexityFactors = new[] { "gambling" },
            needs = new Dictionary<string, string> { ["housing"] = "STANDARD", ["finance"] = "BAD" },
            gender = "M",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(
            ["complexityFactors", "gender", "mappaLevel", "needs", "needs.finance", "policy", "rosh", "rsrPercent"],
            problem.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_assessment_sets_the_tier_with_its_working_and_the_assessment_it_came_from()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);

        var recorded = await AssessAsync(client, crn, Assessment("High"));

        Assert.Equal(RecalculationOutcome.Applied, recorded.TierOutcome);
        Assert.Equal("B1", recorded.Tier!.Tier);
        Assert.Equal(recorded.Assessment.Id, recorded.Tier.AssessmentId);
        Assert.Equal(recorded.Assessment.Id, recorded.Tier.FullAssessmentId);
        // Sentencing tiered the case already, unassessed: D2 (no valid assessment gives change level 2).
        Assert.Equal((TierChangeDirection.Upgrade, "D2"), (recorded.Tier.Direction, recorded.Tier.PreviousTier));
        Assert.Equal(CaseTierStatus.Current, recorded.Tier.Status);
        Assert.Contains(recorded.Tier.Working, w => w.Input == "ROSH: high" && w.Points == 20);
        var tier = await (await client.GetAsync($"/api/v1/people/{crn}/tier")).ReadAsync<PersonTierDto>();
        Assert.Equal(recorded.Tier with { Working = [] }, tier.Current! with { Working = [] });
        Assert.Equal(recorded.Tier.Working, tier.Current.Working);
        Assert.Null(tier.Pending);
    }

    [Fact]
    public async Task A_lower_tier_waits_for_a_reason_and_applies_once_given()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);
        await AssessAsync(client, crn, Assessment("High", "2026-11-01"));
        await BackdateUpgradesAsync(crn, days: 91);

        var lowered = await AssessAsync(client, crn, Assessment("Low"));

        Assert.Equal(RecalculationOutcome.DowngradeProposed, lowered.TierOutcome);
        Assert.Equal("B1", lowered.Tier!.Tier);
        Assert.Equal(("D1", CaseTierStatus.AwaitingReason, false), (lowered.PendingTier!.Tier, lowered.PendingTier.Status, lowered.PendingTier.CountersignatureRequired));

        var tooShort = await (await client.PostJsonAsync($"/api/v1/tier-changes/{lowered.PendingTier.Id}/reason", new { reason = "lower" }, lowered.PendingTier.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], tooShort.ErrorFields());
        var stale = await client.PostJsonAsync($"/api/v1/tier-changes/{lowered.PendingTier.Id}/reason", new { reason = "Reassessed after a year without offending" }, 99);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);

        var applied = await (await client.PostJsonAsync(
                $"/api/v1/tier-changes/{lowered.PendingTier.Id}/reason", new { reason = "Reassessed after a year without offending" }, lowered.PendingTier.Version))
            .ReadAsync<CaseTierDto>();

        Assert.Equal((CaseTierStatus.Current, "Reassessed after a year without offending"), (applied.Status, applied.Reason));
        var tier = await (await client.GetAsync($"/api/v1/people/{crn}/tier")).ReadAsync<PersonTierDto>();
        Assert.Equal("D1", tier.Current!.Tier);
        Assert.Null(tier.Pending);
        var history = await (await client.GetAsync($"/api/v1/people/{crn}/tiers")).ReadAsync<PagedList<CaseTierDto>>();
        // Sentencing tiered it D0 (no requirement yet), the RAR gave a mandate for change (D2), then the assessments.
        Assert.Equal(["D1", "B1", "D2", "D0"], history.Items.Select(t => t.Tier));
        Assert.Equal([CaseTierStatus.Current, CaseTierStatus.Superseded, CaseTierStatus.Superseded, CaseTierStatus.Superseded], history.Items.Select(t => t.Status));
    }

    [Fact]
    public async Task A_downgrade_soon_after_an_upgrade_needs_another_managers_countersignature()
    {
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(officer);
        await AssessAsync(officer, crn, Assessment("Medium", "2026-10-01"));
        var raised = await AssessAsync(officer, crn, Assessment("High", "2026-11-01"));
        Assert.Equal(TierChangeDirection.Upgrade, raised.Tier!.Direction);

        var lowered = await AssessAsync(officer, crn, Assessment("Low"));
        Assert.True(lowered.PendingTier!.CountersignatureRequired);
        Assert.Contains("days ago", lowered.PendingTier.CountersignatureWhy, StringComparison.Ordinal);

        var waiting = await (await officer.PostJsonAsync($"/api/v1/tier-changes/{lowered.PendingTier.Id}/reason", new { reason = "Risk reduced: moved away from the victim's area" }, lowered.PendingTier.Version))
            .ReadAsync<CaseTierDto>();
        Assert.Equal(CaseTierStatus.AwaitingCountersignature, waiting.Status);
        Assert.Equal("B1", (await (await officer.GetAsync($"/api/v1/people/{crn}/tier")).ReadAsync<PersonTierDto>()).Current!.Tier);

        await (await officer.PostJsonAsync($"/api/v1/tier-changes/{waiting.Id}/countersignature", new { approve = true }, waiting.Version)).ProblemAsync(HttpStatusCode.Forbidden);

        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var queue = await (await manager.GetAsync("/api/v1/tier-changes?status=AwaitingCountersignature")).ReadAsync<PagedList<CaseTierDto>>();
        Assert.Contains(queue.Items, t => t.Id == waiting.Id);

        var signed = await (await manager.PostJsonAsync($"/api/v1/tier-changes/{waiting.Id}/countersignature", new { approve = true, note = "Agreed at supervision" }, waiting.Version))
            .ReadAsync<CaseTierDto>();
        Assert.Equal(CaseTierStatus.Current, signed.Status);
        Assert.NotNull(signed.CountersignedBy);
        Assert.Equal("D1", (await (await officer.GetAsync($"/api/v1/people/{crn}/tier")).ReadAsync<PersonTierDto>()).Current!.Tier);
    }

    [Fact]
    public async Task A_refused_downgrade_keeps_the_higher_tier_and_is_not_proposed_again_until_the_inputs_change()
    {
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(officer);
        await AssessAsync(officer, crn, Assessment("High", "2026-11-01"));
        var order = (await (await officer.GetAsync($"/api/v1/people/{crn}/orders")).ReadAsync<PagedList<Features.Orders.OrderDto>>()).Items[0];
        (await officer.PostJsonAsync($"/api/v1/people/{crn}/markers", new { type = "DomesticAbuse", startDate = "2026-11-01" })).EnsureSuccessStatusCode();
        var lowered = await AssessAsync(officer, crn, Assessment("Low"));
        var waiting = await (await officer.PostJsonAsync($"/api/v1/tier-changes/{lowered.PendingTier!.Id}/reason", new { reason = "Victim has moved away; no contact" }, lowered.PendingTier.Version))
            .ReadAsync<CaseTierDto>();
        Assert.Contains("domestic abuse", waiting.CountersignatureWhy, StringComparison.Ordinal);
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);

        var noNote = await (await manager.PostJsonAsync($"/api/v1/tier-changes/{waiting.Id}/countersignature", new { approve = false }, waiting.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["note"], noNote.ErrorFields());
        var refused = await (await manager.PostJsonAsync($"/api/v1/tier-changes/{waiting.Id}/countersignature", new { approve = false, note = "Needs a home visit first" }, waiting.Version))
            .ReadAsync<CaseTierDto>();
        Assert.Equal(CaseTierStatus.Refused, refused.Status);

        var again = await (await officer.PostJsonAsync($"/api/v1/people/{crn}/tier/recalculate", new { reason = "After the manager's refusal" })).ReadAsync<PersonTierDto>();
        Assert.Equal("B1", again.Current!.Tier);
        Assert.Null(again.Pending);
        Assert.Equal(order.Crn, crn);
    }

    [Fact]
    public async Task A_mappa_marker_raises_the_tier_at_once()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);
        await AssessAsync(client, crn, Assessment("Medium"));

        (await client.PostJsonAsync($"/api/v1/people/{crn}/markers", new { type = "Mappa", mappaLevel = 2, mappaCategory = 1, startDate = "2026-11-22" })).EnsureSuccessStatusCode();

        var tier = await (await client.GetAsync($"/api/v1/people/{crn}/tier")).ReadAsync<PersonTierDto>();
        Assert.Equal(("A1", TierChangeDirection.Upgrade, CaseTiers.MarkerChanged), (tier.Current!.Tier, tier.Current.Direction, tier.Current.Trigger));
        Assert.Contains(tier.Current.Working, w => w.Input == "MAPPA level 2" && w.Points == 150);
    }

    [Fact]
    public async Task Assessments_are_history_and_bad_ones_are_refused_by_field()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);
        await AssessAsync(client, crn, Assessment("Medium", "2026-06-01"));
        await AssessAsync(client, crn, Assessment("High", "2026-11-01", layer: "Layer1"));

        var list = await (await client.GetAsync($"/api/v1/people/{crn}/assessments")).ReadAsync<PagedList<RiskAssessmentDto>>();
        Assert.Equal([new DateOnly(2026, 11, 1), new DateOnly(2026, 6, 1)], list.Items.Select(a => a.AssessedOn));
        Assert.Empty(list.Items[0].Needs);

        var bad = await (await client.PostJsonAsync($"/api/v1/people/{crn}/assessments", new
        {
            assessedOn = "2026-12-01",
            layer = "Layer1",
            rsrPercent = 3.333,
            ogrsPercent = 120,
            needs = new Dictionary<string, string> { ["housing"] = "Severe" },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["assessedOn", "needs", "ogrsPercent", "rosh", "rsrPercent"], bad.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sara_is_recorded_as_a_named_assessment()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);

        var created = await TestData.Created<NamedAssessmentDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/named-assessments",
            new { tool = "Sara", result = "High", assessedOn = "2026-11-10", notes = "Risk to partner" }));

        Assert.Equal((Domain.Risk.AssessmentTool.Sara, Domain.Risk.RiskBand.High), (created.Tool, created.Result));
        var list = await (await client.GetAsync($"/api/v1/people/{crn}/named-assessments")).ReadAsync<PagedList<NamedAssessmentDto>>();
        Assert.Equal([created], list.Items);
    }

    [Fact]
    public async Task Tier_changes_and_views_are_on_the_audit_trail()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var crn = await CaseAsync(client);
        await AssessAsync(client, crn, Assessment("High"));
        (await client.GetAsync($"/api/v1/people/{crn}/tier")).EnsureSuccessStatusCode();

        var events = await app.WithDbAsync(async db =>
        {
            var personId = await db.People.Where(p => p.Crn == crn).Select(p => p.Id).SingleAsync();
            return await db.AuditEvents.Where(e => e.PersonId == personId).Select(e => new { e.EntityType, e.Section }).ToListAsync();
        });
        Assert.Contains(events, e => e.EntityType == nameof(CaseTier));
        Assert.Contains(events, e => e.EntityType == "RiskAssessment");
        Assert.Contains(events, e => e.Section == "tier");
    }
}

public sealed class TieringApiTests_Sqlite(SqliteApp app) : TieringApiTests(app), IClassFixture<SqliteApp>;

public sealed class TieringApiTests_Postgres(PostgresApp app) : TieringApiTests(app), IClassFixture<PostgresApp>;
