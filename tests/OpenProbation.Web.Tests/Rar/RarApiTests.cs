using System.Net;
using System.Text.Json;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Rar;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Rar;

/// <summary>
/// RAR days through the API (PRACTICE.md section 2): counted from held, enforceable RAR activities, two sessions on a day
/// once, never instructed beyond the court's maximum (409, <c>rar-maximum-days</c>). Today is Monday 23 November 2026.
/// </summary>
public abstract class RarApiTests(AppFixture app)
{
    private async Task<(HttpClient Manager, SupervisedCase Case, RequirementDto Rar)> SetUpAsync(int maximumDays)
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var @case = await CreateCaseAsync(manager, officer);
        var rar = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements",
            new { type = "Rar", rarMaxDays = maximumDays, status = "Active", startDate = "2026-11-02" }));
        return (manager, @case, rar);
    }

    private static object Held(SupervisedCase @case, int requirementId, string startsAt, string outcome = "AttendedComplied") => new
    {
        type = "RarSession", startsAt, durationMinutes = 90, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, requirementId, outcome,
        outcomeNotes = outcome == "AttendedComplied" ? null : "Did not attend; no contact since",
    };

    private static object Instructed(SupervisedCase @case, int requirementId, string startsAt, int? occurrences = null) => new
    {
        type = "RarSession", startsAt, durationMinutes = 90, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, requirementId,
        repeatEveryDays = occurrences is null ? (int?)null : 7, occurrences,
    };

    private static async Task<RarDto> RarAsync(HttpClient client, int requirementId) =>
        await (await client.GetAsync($"/api/v1/requirements/{requirementId}/rar")).ReadAsync<RarDto>();

    [Fact]
    public async Task Days_count_held_sessions_once_a_day_and_instructed_sessions_as_planned()
    {
        var (manager, @case, rar) = await SetUpAsync(maximumDays: 10);
        var url = $"/api/v1/people/{@case.Crn}/contacts";
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync(url, Held(@case, rar.Id, "2026-11-16T10:00:00Z")));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync(url, Held(@case, rar.Id, "2026-11-16T14:00:00Z")));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync(url, Held(@case, rar.Id, "2026-11-18T10:00:00Z", "UnacceptableAbsence")));
        await ArrangeOneAsync(manager, @case.Crn, Instructed(@case, rar.Id, NextMonday));

        var days = await RarAsync(manager, rar.Id);

        Assert.Equal((10, 1, 1, 2, 8), (days.MaximumDays, days.DaysCompleted, days.DaysPlanned, days.DaysInstructed, days.DaysRemaining));
        Assert.Equal([new DateOnly(2026, 11, 16)], days.CompletedDays);
        Assert.Equal([new DateOnly(2026, 11, 30)], days.PlannedDays);
        Assert.Equal(
            ["A RAR day delivered", "Another session on a day already counted: the day counts once", "Not a RAR day: unacceptable absence", "To come: a day instructed"],
            days.Sessions.Select(s => s.Counted));

        // The contract's names, as other tools read them.
        var json = JsonDocument.Parse(await (await manager.GetAsync($"/api/v1/requirements/{rar.Id}/rar")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((10, 1, 1), (json.GetProperty("maximumDays").GetInt32(), json.GetProperty("daysCompleted").GetInt32(), json.GetProperty("daysPlanned").GetInt32()));
    }

    [Fact]
    public async Task Instructing_beyond_the_maximum_is_refused_with_the_rule_and_nothing_is_saved()
    {
        var (manager, @case, rar) = await SetUpAsync(maximumDays: 2);
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Held(@case, rar.Id, "2026-11-16T10:00:00Z")));
        var planned = await ArrangeOneAsync(manager, @case.Crn, Instructed(@case, rar.Id, NextMonday));

        var refused = await (await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", Instructed(@case, rar.Id, "2026-12-01T10:00:00Z")))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("rar-maximum-days", refused.GetProperty("rule").GetString());
        Assert.Contains("at most 2 days", refused.GetProperty("errors").GetProperty("requirementId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await RarAsync(manager, rar.Id)).Sessions.Count);

        // Moving an instructed session to another day frees its own day.
        var moved = await manager.PostJsonAsync($"/api/v1/appointments/{planned.Id}/outcome",
            new { outcome = "Rescheduled", rescheduledTo = "2026-12-02T10:00:00Z" }, version: planned.Version);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        Assert.Equal([new DateOnly(2026, 12, 2)], (await RarAsync(manager, rar.Id)).PlannedDays);

        // Another session on a day already instructed adds no day; a past session recorded beyond the maximum is refused too.
        await ArrangeOneAsync(manager, @case.Crn, Instructed(@case, rar.Id, "2026-12-02T14:00:00Z"));
        var late = await (await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Held(@case, rar.Id, "2026-11-17T10:00:00Z")))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("rar-maximum-days", late.GetProperty("rule").GetString());

        // A series that would pass the maximum is refused whole.
        var (manager2, case2, rar2) = await SetUpAsync(maximumDays: 3);
        var series = await (await manager2.PostJsonAsync($"/api/v1/people/{case2.Crn}/appointments", Instructed(case2, rar2.Id, NextMonday, occurrences: 4)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("rar-maximum-days", series.GetProperty("rule").GetString());
        Assert.Empty((await RarAsync(manager2, rar2.Id)).Sessions);
        await TestData.Created<AppointmentsArrangedDto>(await manager2.PostJsonAsync($"/api/v1/people/{case2.Crn}/appointments", Instructed(case2, rar2.Id, NextMonday, occurrences: 3)));

    }

    [Fact]
    public async Task Completing_on_fewer_days_needs_the_rationale_and_progress_and_a_RAR_is_completed_only_that_way()
    {
        var (manager, @case, rar) = await SetUpAsync(maximumDays: 10);
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Held(@case, rar.Id, "2026-11-16T10:00:00Z")));
        var complete = $"/api/v1/requirements/{rar.Id}/rar/complete";
        var bare = new { completedOn = "2026-11-20", outcomeAgainstAgreed = "Tenancy kept; debts under a payment plan" };

        var noVersion = await manager.PostJsonAsync(complete, bare);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        var short1 = await (await manager.PostJsonAsync(complete, bare, version: rar.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["rationale", "progress"], short1.ErrorFields());
        Assert.Contains("completed on 1 day of the 10 the court allowed", short1.GetProperty("errors").GetProperty("rationale")[0].GetString(), StringComparison.Ordinal);

        // A PUT cannot complete it.
        var edit = new { type = "Rar", rarMaxDays = 10, status = "Completed", startDate = "2026-11-02", endDate = "2026-11-20" };
        var put = await (await manager.PutJsonAsync($"/api/v1/requirements/{rar.Id}", edit, version: rar.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["status"], put.ErrorFields());

        var response = await manager.PostJsonAsync(complete, new
        {
            completedOn = "2026-11-20", outcomeAgainstAgreed = "Tenancy kept; debts under a payment plan",
            rationale = "Both agreed outcomes met after one intensive day and partner support", progress = "In work since October, tenancy secure",
        }, version: rar.Version);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var done = await response.ReadAsync<RarDto>();
        Assert.Equal((Domain.Orders.RequirementStatus.Completed, (DateOnly?)new DateOnly(2026, 11, 20), 1), (done.Status, done.CompletedOn, done.DaysCompleted));
        Assert.Equal("In work since October, tenancy secure", done.CompletionProgress);
        var again = await (await manager.PostJsonAsync(complete, bare, version: done.Version)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("rar-ended", again.GetProperty("rule").GetString());

    }

    [Fact]
    public async Task The_maximum_cannot_be_lowered_below_the_days_delivered_or_instructed()
    {
        var (manager, @case, rar) = await SetUpAsync(maximumDays: 10);
        await TestData.Created<AppointmentsArrangedDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments", Instructed(@case, rar.Id, NextMonday, occurrences: 2)));
        object Edit(int days) => new { type = "Rar", rarMaxDays = days, status = "Active", startDate = "2026-11-02" };

        var refused = await (await manager.PutJsonAsync($"/api/v1/requirements/{rar.Id}", Edit(1), version: rar.Version)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["rarMaxDays"], refused.ErrorFields());
        var lowered = await (await manager.PutJsonAsync($"/api/v1/requirements/{rar.Id}", Edit(2), version: rar.Version)).ReadAsync<RequirementDto>();
        Assert.Equal(2, lowered.RarMaxDays);
        Assert.Equal((2, 2, 0), ((await RarAsync(manager, rar.Id)).MaximumDays, (await RarAsync(manager, rar.Id)).DaysPlanned, (await RarAsync(manager, rar.Id)).DaysRemaining));
    }

    [Fact]
    public async Task Once_the_plan_names_needs_each_RAR_activity_works_on_one_of_them_and_the_RAR_shows_the_days_by_need()
    {
        var (manager, @case, rar) = await SetUpAsync(maximumDays: 10);
        var url = $"/api/v1/people/{@case.Crn}/contacts";

        // Before the plan names a need, an activity may be linked to none; it shows as not linked.
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync(url, Held(@case, rar.Id, "2026-11-09T10:00:00Z")));
        var early = await RarAsync(manager, rar.Id);
        Assert.Equal(1, early.UnlinkedActivities);
        Assert.Equal([null], early.Needs.Select(n => n.Need));

        await TestData.Created<Features.SentencePlans.SentencePlanDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/sentence-plans", new
        {
            personGoals = "Keep my flat",
            objectives = new object[]
            {
                new { need = "Accommodation", description = "Keep the tenancy", agreedOutcome = "Rent arrears cleared and tenancy kept",
                    actions = new object[] { new { description = "Housing support referral", owner = "ResponsibleOfficer" } } },
                new { need = "Finance", description = "Manage debts", agreedOutcome = "Debts under a payment plan",
                    actions = new object[] { new { description = "Money advice sessions", owner = "Provider", ownerName = "Citizens Advice" } } },
            },
        }));

        var unlinked = await (await manager.PostJsonAsync(url, Held(@case, rar.Id, "2026-11-16T10:00:00Z"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["planNeed"], unlinked.ErrorFields());
        Assert.Equal("Choose the need in the sentence plan this RAR activity works on: accommodation, finance",
            unlinked.GetProperty("errors").GetProperty("planNeed")[0].GetString());
        var outside = await (await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments",
            new { type = "RarSession", startsAt = NextMonday, durationMinutes = 90, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, requirementId = rar.Id, planNeed = "DrugMisuse" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["planNeed"], outside.ErrorFields());

        var linked = await TestData.Created<AppointmentDto>(await manager.PostJsonAsync(url, new
        {
            type = "RarSession", startsAt = "2026-11-16T10:00:00Z", durationMinutes = 90, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
            requirementId = rar.Id, outcome = "AttendedComplied", planNeed = "Finance",
        }));
        Assert.Equal(Domain.Risk.NeedArea.Finance, linked.PlanNeed);
        await TestData.Created<AppointmentsArrangedDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/appointments",
            new { type = "RarSession", startsAt = NextMonday, durationMinutes = 90, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, requirementId = rar.Id, planNeed = "Finance" }));

        // An office interview is not a RAR activity and names no need.
        var interview = await (await manager.PostJsonAsync(url, new
        {
            type = "Telephone", startsAt = "2026-11-17T10:00:00Z", durationMinutes = 20, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
            outcome = "AttendedComplied", planNeed = "Finance",
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["planNeed"], interview.ErrorFields());

        var days = await RarAsync(manager, rar.Id);
        Assert.Equal([Domain.Risk.NeedArea.Accommodation, Domain.Risk.NeedArea.Finance, null], days.Needs.Select(n => n.Need));
        Assert.Equal([0, 1, 1], days.Needs.Select(n => n.DaysDelivered));
        Assert.Equal([0, 1, 0], days.Needs.Select(n => n.SessionsToCome));
        Assert.Equal(["Debts under a payment plan"], days.Needs[1].AgreedOutcomes);
        Assert.Equal((2, 1, 1), (days.DaysCompleted, days.DaysPlanned, days.UnlinkedActivities));
        Assert.Equal(Domain.Risk.NeedArea.Finance, days.Sessions.Single(s => s.AppointmentId == linked.Id).PlanNeed);
    }

    [Fact]
    public async Task Only_a_RAR_the_caller_may_see_is_found()
    {
        var (manager, @case, _) = await SetUpAsync(maximumDays: 5);
        var curfew = await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{@case.OrderId}/requirements", new { type = "Curfew", lengthMonths = 3 }));

        await (await manager.GetAsync($"/api/v1/requirements/{curfew.Id}/rar")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync("/api/v1/requirements/999999/rar")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class RarApiTests_Sqlite(SqliteApp app) : RarApiTests(app), IClassFixture<SqliteApp>;

public sealed class RarApiTests_Postgres(PostgresApp app) : RarApiTests(app), IClassFixture<PostgresApp>;
