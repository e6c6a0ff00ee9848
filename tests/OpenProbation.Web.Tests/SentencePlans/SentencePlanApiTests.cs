using System.Net;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.SentencePlans;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.SentencePlans;

/// <summary>
/// Sentence plans through the API (PRACTICE.md immutable line 2): made with the person, so agreement is refused (409,
/// <c>no-face-to-face-contact</c>) until the responsible officer has met them face to face on the order. Today is
/// Monday 23 November 2026; the orders were made on Monday 2 November.
/// </summary>
public abstract class SentencePlanApiTests(AppFixture app)
{
    private static object Plan(string? riskManagementPlan = null) => new
    {
        personGoals = "Keep my flat and get back into work",
        personAgreesTo = "Seeing my officer every week and the money advice sessions",
        personDisagreesWith = "That I need the alcohol group",
        riskManagementPlan,
        objectives = new object[]
        {
            new
            {
                need = "Accommodation", description = "Keep the tenancy", agreedOutcome = "Rent arrears cleared and tenancy kept",
                actions = new object[]
                {
                    new { description = "Refer to the housing support service", owner = "ResponsibleOfficer", targetDate = "2026-12-04" },
                    new { description = "Attend the money advice sessions", owner = "Provider", ownerName = "Citizens Advice", targetDate = "2027-01-29" },
                },
            },
        },
    };

    private static async Task<(HttpClient Manager, SupervisedCase Case, SentencePlanDto Plan)> StartAsync(HttpClient manager, object? body = null)
    {
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var plan = await TestData.Created<SentencePlanDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans", body ?? Plan()));
        return (manager, @case, plan);
    }

    private static async Task<AppointmentDto> MeetAsync(HttpClient client, SupervisedCase @case, string type = "HomeVisit", int? staffMemberId = null) =>
        await TestData.Created<AppointmentDto>(await client.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", new
        {
            type, startsAt = "2026-11-16T10:00:00Z", durationMinutes = 45, staffMemberId = staffMemberId ?? @case.Officer.Id, orderId = @case.OrderId,
            outcome = "AttendedComplied",
        }));

    private static async Task<SentencePlanDto> GetAsync(HttpClient client, int id) =>
        await (await client.GetAsync($"/api/v1/sentence-plans/{id}")).ReadAsync<SentencePlanDto>();

    [Fact]
    public async Task A_plan_is_agreed_only_after_the_responsible_officer_has_met_the_person_face_to_face_on_the_order()
    {
        var (manager, @case, plan) = await StartAsync(await app.ClientForAsync(Roles.SeniorProbationOfficer));
        Assert.Equal((1, SentencePlanStatus.Draft, new DateOnly(2026, 11, 23), false), (plan.PlanNumber, plan.Status, plan.DueOn, plan.Overdue));
        var agree = $"/api/v1/sentence-plans/{plan.Id}/agree";

        var refused = await (await manager.PostJsonAsync(agree, new { }, version: plan.Version)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("no-face-to-face-contact", refused.GetProperty("rule").GetString());
        Assert.Contains("Pat Officer, the responsible officer, has met them face to face", refused.GetProperty("errors").GetProperty("meeting")[0].GetString(),
            StringComparison.Ordinal);

        // A telephone call, or a visit by someone else, is not the meeting the plan rests on.
        await MeetAsync(manager, @case, type: "Telephone");
        var other = await CreateOfficerAsync(manager, @case.Officer.TeamId, firstName: "Sam");
        await MeetAsync(manager, @case, staffMemberId: other.Id);
        Assert.Equal("no-face-to-face-contact",
            (await (await manager.PostJsonAsync(agree, new { }, version: plan.Version)).ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(SentencePlanStatus.Draft, (await GetAsync(manager, plan.Id)).Status);

        var visit = await MeetAsync(manager, @case);
        var ready = await GetAsync(manager, plan.Id);
        Assert.Equal(visit.Id, ready.AvailableMeetingAppointmentId);

        var response = await manager.PostJsonAsync(agree, new { }, version: ready.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var agreed = await response.ReadAsync<SentencePlanDto>();
        Assert.Equal((SentencePlanStatus.Agreed, (int?)visit.Id, false, (DateOnly?)new DateOnly(2027, 3, 15)),
            (agreed.Status, agreed.MeetingAppointmentId, agreed.NeedsCountersignature, agreed.ReviewDueOn));
        Assert.Equal("That I need the alcohol group", agreed.PersonDisagreesWith);

        // Agreed is kept as it was: a change is a review.
        var edit = await (await manager.PutJsonAsync($"/api/v1/sentence-plans/{plan.Id}", Plan(), version: agreed.Version)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SentencePlanRecord.NotDraftRule, edit.GetProperty("rule").GetString());
        var second = await (await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans", Plan())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SentencePlanRecord.ExistsRule, second.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_plan_needs_the_persons_goals_and_objectives_with_actions_and_outcomes_and_the_draft_keeps_what_was_sent()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var (_, @case, plan) = await StartAsync(manager, new { });
        await MeetAsync(manager, @case);

        var incomplete = await (await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/agree", new { }, version: plan.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["personGoals", "objectives"], incomplete.ErrorFields());

        var bad = await (await manager.PutJsonAsync($"/api/v1/sentence-plans/{plan.Id}",
            new { objectives = new object[] { new { need = "Accommodation", description = " ", actions = new object[] { new { description = "Go", owner = "Provider" } } } } },
            version: plan.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["objectives[0].description", "objectives[0].actions[0].ownerName"], bad.ErrorFields());

        var stale = await manager.PutJsonAsync($"/api/v1/sentence-plans/{plan.Id}", Plan(), version: plan.Version + 5);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var written = await (await manager.PutJsonAsync($"/api/v1/sentence-plans/{plan.Id}", Plan(), version: plan.Version)).ReadAsync<SentencePlanDto>();
        Assert.Equal(plan.Version + 1, written.Version);
        var objective = Assert.Single(written.Objectives);
        Assert.Equal((Domain.Risk.NeedArea.Accommodation, "Rent arrears cleared and tenancy kept", 2), (objective.Need, objective.AgreedOutcome, objective.Actions.Count));
        Assert.Equal(("Citizens Advice", (DateOnly?)new DateOnly(2027, 1, 29)), (objective.Actions[1].OwnerName, objective.Actions[1].TargetDate));
    }

    [Fact]
    public async Task A_high_rosh_plan_carries_a_risk_management_plan_and_is_in_force_once_another_manager_countersigns()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var (_, @case, plan) = await StartAsync(manager);
        await TestData.Created<Features.Tiering.AssessmentRecordedDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/assessments", new
        {
            assessedOn = "2026-11-20", layer = "Layer3", rosh = "High", rsrPercent = 3.5m, ogrsPercent = 60,
            needs = new Dictionary<string, string> { ["accommodation"] = "Severe" },
        }));
        await MeetAsync(manager, @case);
        var agree = $"/api/v1/sentence-plans/{plan.Id}/agree";

        var noRmp = await (await manager.PostJsonAsync(agree, new { }, version: plan.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["riskManagementPlan"], noRmp.ErrorFields());
        var written = await (await manager.PutJsonAsync($"/api/v1/sentence-plans/{plan.Id}", Plan("No contact with the victim; address checks monthly"),
            version: plan.Version)).ReadAsync<SentencePlanDto>();
        var agreed = await (await manager.PostJsonAsync(agree, new { }, version: written.Version)).ReadAsync<SentencePlanDto>();
        Assert.Equal((SentencePlanStatus.AwaitingCountersignature, true), (agreed.Status, agreed.NeedsCountersignature));

        var countersign = $"/api/v1/sentence-plans/{plan.Id}/countersignature";
        var own = await (await manager.PostJsonAsync(countersign, new { approve = true }, version: agreed.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["approve"], own.ErrorFields());
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync(countersign, new { approve = true }, version: agreed.Version)).StatusCode);

        var other = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var backNoNote = await (await other.PostJsonAsync(countersign, new { approve = false }, version: agreed.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["note"], backNoNote.ErrorFields());
        var signed = await (await other.PostJsonAsync(countersign, new { approve = true, note = "Risk plan is proportionate" }, version: agreed.Version))
            .ReadAsync<SentencePlanDto>();
        Assert.Equal(SentencePlanStatus.Agreed, signed.Status);
        Assert.NotNull(signed.CountersignedBy);
    }

    [Fact]
    public async Task A_breach_after_agreement_calls_for_a_review_which_is_a_new_version_superseding_the_old_when_agreed()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var (_, @case, plan) = await StartAsync(manager);
        await MeetAsync(manager, @case);
        var agreed = await (await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/agree", new { }, version: plan.Version)).ReadAsync<SentencePlanDto>();
        Assert.Empty(agreed.ReviewsCalledFor);

        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", new
        {
            type = "HomeVisit", startsAt = "2026-11-23T08:00:00Z", durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
            isEnforceable = true, outcome = "UnacceptableAbsence", outcomeNotes = "Did not attend; no contact",
        }));
        var failure = (await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/enforcement"))
            .ReadAsync<PagedList<Features.Enforcement.FailureToComplyDto>>()).Items.Single();
        (await manager.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/decision",
            new { decision = "Breach", reason = "Threats made to staff at reception: a serious first failure" }, version: failure.Version)).EnsureSuccessStatusCode();

        var called = await GetAsync(manager, plan.Id);
        Assert.Equal(PlanReviewReason.Breach, Assert.Single(called.ReviewsCalledFor).Reason);

        var noReason = await (await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/review", new { }, version: called.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.ErrorFields());
        var review = await TestData.Created<SentencePlanDto>(await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/review", new { reason = "Breach" },
            version: called.Version));
        Assert.Equal((2, SentencePlanStatus.Draft, PlanReviewReason.Breach), (review.PlanNumber, review.Status, review.ReviewReason));
        Assert.Equal(agreed.Objectives[0].Description, review.Objectives[0].Description);
        Assert.Equal(SentencePlanStatus.Agreed, (await GetAsync(manager, plan.Id)).Status); // in force until the review is agreed

        var twice = await (await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/review", new { reason = "Breach" }, version: called.Version))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(SentencePlanRecord.NotInForceRule, twice.GetProperty("rule").GetString());

        (await manager.PostJsonAsync($"/api/v1/sentence-plans/{review.Id}/agree", new { }, version: review.Version)).EnsureSuccessStatusCode();
        var versions = await (await manager.GetAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans")).ReadAsync<PagedList<SentencePlanDto>>();
        Assert.Equal([(2, SentencePlanStatus.Agreed), (1, SentencePlanStatus.Superseded)], versions.Items.Select(v => (v.PlanNumber, v.Status)));
    }

    [Fact]
    public async Task A_restricted_case_plan_is_not_found_by_an_excluded_user()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var (_, @case, plan) = await StartAsync(manager);
        await RestrictAsync(app, @case.Crn);

        await (await manager.GetAsync($"/api/v1/sentence-plans/{plan.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostJsonAsync($"/api/v1/sentence-plans/{plan.Id}/agree", new { }, version: plan.Version)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SentencePlanApiTests_Sqlite(SqliteApp app) : SentencePlanApiTests(app), IClassFixture<SqliteApp>;

public sealed class SentencePlanApiTests_Postgres(PostgresApp app) : SentencePlanApiTests(app), IClassFixture<PostgresApp>;
