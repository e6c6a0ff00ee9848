using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Allocation;

/// <summary>
/// The allocation queue, its clock, the ranked suggestions and the hard rules with a manager's override (PRACTICE.md
/// section 7 line 3), reallocation and transfer. Today is Monday 23 November 2026; the induction window runs to
/// Monday 7 December (10 working days).
/// </summary>
public abstract class AllocationApiTests(AppFixture app)
{
    private const string Override = "Only officer with the language skills this person needs; cover arranged with the team";

    private static async Task<OrderDto> NewOrderAsync(HttpClient manager, string sentenceDate = "2026-11-23", int? teamId = null)
    {
        var person = await TestData.CreatePersonAsync(manager);
        var order = await TestData.CreateOrderAsync(manager, person.Crn, sentenceDate: sentenceDate);
        if (teamId is { } team)
        {
            (await manager.PostJsonAsync($"/api/v1/allocations/queue/{order.Id}/transfer", new { teamId = team, reason = "Lives in this team's area" })).EnsureSuccessStatusCode();
        }

        return order;
    }

    private static Task<HttpResponseMessage> AllocateAsync(HttpClient client, int eventId, int staffId, string? overrideReason = null) =>
        client.PostJsonAsync("/api/v1/allocations", new { eventId = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), staffId, overrideReason });

    private static async Task<IReadOnlyList<QueuedCaseDto>> QueueAsync(HttpClient client, int teamId) =>
        await (await client.GetAsync($"/api/v1/allocations/queue?teamId={teamId}")).ReadAsync<List<QueuedCaseDto>>();

    private static string Rule(JsonElement problem) => problem.GetProperty("rule").GetString()!;

    [Fact]
    public async Task An_order_recorded_through_the_api_joins_the_queue_of_the_team_it_names_and_moves_team_only_by_transfer()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var court = await app.ClientForAsync(Roles.CourtOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var other = await TestData.CreateTeamAsync(manager, team.DeliveryUnitId, "Other Team");
        var person = await TestData.CreatePersonAsync(court);
        var body = new Dictionary<string, object?>
        {
            ["type"] = "CommunityOrder", ["court"] = "Birmingham Magistrates' Court", ["offence"] = "Theft from a shop",
            ["sentenceDate"] = "2026-11-23", ["length"] = 12, ["lengthUnit"] = "Months", ["allocationTeamId"] = 999_999,
        };

        var unknown = await (await court.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["allocationTeamId"], unknown.ErrorFields());

        body["allocationTeamId"] = team.Id;
        var order = await TestData.Created<OrderDto>(await court.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", body));

        Assert.Equal(team.Id, order.AllocationTeamId);
        var queued = (await QueueAsync(manager, team.Id)).Single(q => q.EventId == order.Id);
        Assert.Equal((team.Id, 0), (queued.TeamId, queued.Transfers.Count));
        Assert.DoesNotContain(await QueueAsync(manager, other.Id), q => q.EventId == order.Id);

        body["allocationTeamId"] = other.Id;
        var moved = await (await court.PutJsonAsync($"/api/v1/orders/{order.Id}", body, version: order.Version)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["allocationTeamId"], moved.ErrorFields());
        Assert.Contains("transfer", moved.GetProperty("errors").GetProperty("allocationTeamId")[0].GetString(), StringComparison.Ordinal);

        // Sending back what was read (the same team) is an ordinary edit.
        body["allocationTeamId"] = team.Id;
        body["offence"] = "Theft from a shop (two counts)";
        var edited = await (await court.PutJsonAsync($"/api/v1/orders/{order.Id}", body, version: order.Version)).ReadAsync<OrderDto>();
        Assert.Equal((team.Id, "Theft from a shop (two counts)"), (edited.AllocationTeamId, edited.Offence));
    }

    [Fact]
    public async Task A_new_order_waits_in_the_queue_with_its_clock_until_it_is_allocated_and_then_counts_on_the_workload()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var officer = await CreateOfficerAsync(manager, team.Id);
        var today = await NewOrderAsync(manager, "2026-11-23", team.Id);
        var thursday = await NewOrderAsync(manager, "2026-11-19", team.Id);

        var queue = await QueueAsync(manager, team.Id);

        var waiting = queue.Single(q => q.EventId == today.Id);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), 0, false, "Arrived today: due today"),
            (waiting.Clock.Arrived, waiting.Clock.Due, waiting.Clock.WorkingDaysOverdue, waiting.Clock.Overdue, waiting.Clock.Words));
        Assert.Equal(team.Id, waiting.TeamId);
        var late = queue.Single(q => q.EventId == thursday.Id);
        Assert.Equal((2, true), (late.Clock.WorkingDaysOverdue, late.Clock.Overdue));
        Assert.True(queue.ToList().IndexOf(late) < queue.ToList().IndexOf(waiting), "the longest overdue comes first");

        var response = await AllocateAsync(manager, today.Id, officer.Id);

        var made = await TestData.Created<AllocationDto>(response);
        Assert.Equal((today.Id, officer.Id, Allocations.AllocatedReason, (string?)null), (made.EventId, made.StaffId, made.Reason, made.OverrideReason));
        Assert.Empty(made.OverriddenRules);
        Assert.DoesNotContain(await QueueAsync(manager, team.Id), q => q.EventId == today.Id);
        var workload = await (await manager.GetAsync($"/api/v1/staff/{officer.Id}/workload")).ReadAsync<OfficerWorkloadDto>();
        Assert.Equal(today.Crn, workload.Breakdown.Single().Crn);
        Assert.Equal((workload.Points.TotalPoints, workload.Points.AvailablePoints, workload.Time.TotalHours, workload.Time.AvailableHours),
            (workload.PointsUsed, workload.PointsAvailable, workload.HoursRequired, workload.HoursAvailable));
        Assert.Equal(Math.Max(workload.Points.CapacityPercent!.Value, workload.Time.CapacityPercent!.Value), workload.CapacityPercent);

        var again = await (await AllocateAsync(manager, today.Id, officer.Id)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("allocated", Rule(again));
    }

    [Fact]
    public async Task An_officer_away_in_the_induction_window_is_refused_with_the_rule_and_a_managers_override_is_recorded_and_listed()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var away = await CreateOfficerAsync(manager, team.Id, firstName: "Leave");
        await TestData.CreateAbsenceAsync(manager, away.Id, "2026-12-07", "2026-12-18");
        var order = await NewOrderAsync(manager, teamId: team.Id);

        var refused = await (await AllocateAsync(manager, order.Id, away.Id)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("absent", Rule(refused));
        Assert.Contains("away 7 December 2026 to 18 December 2026 (annual leave), inside the induction window to 7 December 2026",
            refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrderId == order.Id)));

        var tooShort = await (await AllocateAsync(manager, order.Id, away.Id, "Because")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["overrideReason"], tooShort.ErrorFields());

        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var notAManager = await (await AllocateAsync(admin, order.Id, away.Id, Override)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("absent", Rule(notAManager));

        var overridden = await TestData.Created<AllocationDto>(await AllocateAsync(manager, order.Id, away.Id, Override));

        Assert.Equal(["absent"], overridden.OverriddenRules);
        Assert.Equal(Override, overridden.OverrideReason);
        var listed = await (await manager.GetAsync($"/api/v1/allocations/overrides?deliveryUnitId={team.DeliveryUnitId}")).ReadAsync<PagedList<AllocationDto>>();
        Assert.Equal(overridden.AssignmentId, listed.Items.Single().AssignmentId);
        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == "Assignment" && e.EntityId == overridden.AssignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(e => e.After).ToListAsync());
        Assert.Contains(audited, after => after != null && after.Contains(Override, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_with_domestic_abuse_or_high_risk_is_refused_to_a_PSO_or_trainee_without_an_override()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var pso = await TestData.CreateStaffAsync(manager, team.Id, grade: "ProbationServiceOfficer", firstName: "Pso");
        var trainee = await TestData.CreateStaffAsync(manager, team.Id, grade: "TraineeProbationOfficer", firstName: "Trainee");
        var po = await CreateOfficerAsync(manager, team.Id, firstName: "Qualified");
        var order = await NewOrderAsync(manager, teamId: team.Id);
        (await manager.PostJsonAsync($"/api/v1/people/{order.Crn}/markers", new { type = "DomesticAbuse", startDate = "2026-11-01" })).EnsureSuccessStatusCode();

        foreach (var junior in new[] { pso, trainee })
        {
            var refused = await (await AllocateAsync(manager, order.Id, junior.Id)).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("competence", Rule(refused));
            Assert.Contains("domestic abuse needs a probation officer", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var plain = await NewOrderAsync(manager, teamId: team.Id);
        await TestData.Created<AllocationDto>(await AllocateAsync(manager, plain.Id, pso.Id));
        await TestData.Created<AllocationDto>(await AllocateAsync(manager, order.Id, po.Id));
    }

    [Fact]
    public async Task An_officer_with_no_room_left_is_refused_on_capacity()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var stretched = await CreateOfficerAsync(manager, team.Id, firstName: "Stretched");
        await TestData.Created<ReductionDto>(await manager.PostJsonAsync($"/api/v1/staff/{stretched.Id}/reductions", new { type = "TradeUnionFacilityTime", startDate = "2026-11-01", hoursPerWeek = 36 }));
        var sick = await CreateOfficerAsync(manager, team.Id, firstName: "Sick");
        await TestData.Created<ReductionDto>(await manager.PostJsonAsync($"/api/v1/staff/{sick.Id}/reductions", new { type = "LongTermSickness", startDate = "2026-11-01" }));
        var order = await NewOrderAsync(manager, teamId: team.Id);
        await SetTierAsync(app, order.Crn, "A3", new DateOnly(2026, 11, 23));

        var over = await (await AllocateAsync(manager, order.Id, stretched.Id)).ProblemAsync(HttpStatusCode.Conflict);
        var none = await (await AllocateAsync(manager, order.Id, sick.Id)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("capacity", "capacity"), (Rule(over), Rule(none)));
        Assert.Contains("above the 110% ceiling", over.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("has no available capacity", none.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var rules = none.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["capacity"], rules);
    }

    [Fact]
    public async Task Suggestions_rank_officers_who_break_no_rule_first_with_continuity_and_give_the_reasons()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var free = await CreateOfficerAsync(manager, team.Id, firstName: "Free");
        var previous = await CreateOfficerAsync(manager, team.Id, firstName: "Previous");
        var away = await CreateOfficerAsync(manager, team.Id, firstName: "Away");
        await TestData.CreateAbsenceAsync(manager, away.Id, "2026-11-25", "2026-11-27", type: "Training");
        var pso = await TestData.CreateStaffAsync(manager, team.Id, grade: "ProbationServiceOfficer", firstName: "Pso");
        var earlier = await NewOrderAsync(manager, "2025-01-06", team.Id);
        await TestData.AssignAsync(manager, earlier.Id, previous.Id, fromDate: "2025-01-06");
        var order = await TestData.CreateOrderAsync(manager, earlier.Crn, sentenceDate: "2026-11-23");
        (await manager.PostJsonAsync($"/api/v1/allocations/queue/{order.Id}/transfer", new { teamId = team.Id, reason = "Same area as before" })).EnsureSuccessStatusCode();
        (await manager.PostJsonAsync($"/api/v1/people/{order.Crn}/markers", new { type = "ChildProtection", startDate = "2026-11-01" })).EnsureSuccessStatusCode();

        var result = await (await manager.GetAsync($"/api/v1/allocations/queue/{order.Id}/suggestions")).ReadAsync<SuggestionsDto>();

        Assert.True(result.Event.NeedsProbationOfficer);
        var ranked = result.Suggestions.Select(s => s.StaffId).ToList();
        Assert.Equal([previous.Id, free.Id], ranked.Take(2));
        Assert.Equal(4, ranked.Count);
        var first = result.Suggestions[0];
        Assert.False(first.NeedsOverride);
        Assert.Contains("Continuity: has supervised this person before", first.Reasons);
        Assert.Contains("Available every day of the induction window to 7 December 2026", first.Reasons);
        Assert.Contains(first.Reasons, r => r.StartsWith("Capacity ", StringComparison.Ordinal) && r.Contains("after this case", StringComparison.Ordinal));
        var second = result.Suggestions[1];
        Assert.True(second.CapacityPercentAfter > second.CapacityPercent, "taking a new person's case raises capacity");
        Assert.Equal(["absent"], result.Suggestions.Single(s => s.StaffId == away.Id).Breaches.Select(b => b.Rule));
        Assert.Equal(["competence"], result.Suggestions.Single(s => s.StaffId == pso.Id).Breaches.Select(b => b.Rule));
    }

    [Fact]
    public async Task Reallocating_a_leavers_cases_moves_all_of_them_at_once_with_the_handover_and_keeps_the_history()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var leaver = await CreateOfficerAsync(manager, team.Id, firstName: "Leaver");
        var receiver = await CreateOfficerAsync(manager, team.Id, firstName: "Receiver");
        var one = await CreateCaseAsync(manager, leaver);
        var two = await CreateCaseAsync(manager, leaver);
        var receiverUser = await app.CreateUserAsync(Roles.ProbationOfficer, receiver.Id);

        var moved = await (await manager.PostJsonAsync("/api/v1/reallocations", new
        {
            eventIds = new[] { one.OrderId, two.OrderId },
            staffId = receiver.Id,
            reason = "Officer leaving the service",
            handoverNote = "Both seen last week; next appointments are booked",
        })).ReadAsync<ReallocationDto>();

        Assert.Equal(2, moved.Allocations.Count);
        Assert.All(moved.Allocations, a => Assert.Equal(("Officer leaving the service", "Both seen last week; next appointments are booked"), (a.Reason, a.HandoverNote)));
        var sending = await (await manager.GetAsync($"/api/v1/staff/{leaver.Id}/workload")).ReadAsync<OfficerWorkloadDto>();
        var receiving = await (await manager.GetAsync($"/api/v1/staff/{receiver.Id}/workload")).ReadAsync<OfficerWorkloadDto>();
        Assert.Equal((0, 2), (sending.Cases, receiving.Cases));
        var history = await (await manager.GetAsync($"/api/v1/orders/{one.OrderId}/assignments")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal([(leaver.Id, new DateOnly(2026, 11, 23)), (receiver.Id, (DateOnly?)null)], history.Items.Select(a => (a.StaffMemberId, a.ToDate)));

        var officer = await app.ClientForUserAsync(receiverUser);
        var news = await (await officer.GetAsync("/api/v1/allocations/new")).ReadAsync<List<AllocationDto>>();
        Assert.Equal(new[] { one.Crn, two.Crn }.Order(StringComparer.Ordinal), news.Select(n => n.Crn).Order(StringComparer.Ordinal));
        Assert.All(news, n => Assert.Equal("Both seen last week; next appointments are booked", n.HandoverNote));
    }

    [Fact]
    public async Task A_reallocation_with_one_refused_case_moves_none()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var leaver = await CreateOfficerAsync(manager, team.Id, firstName: "Leaver");
        var pso = await TestData.CreateStaffAsync(manager, team.Id, grade: "ProbationServiceOfficer", firstName: "Pso");
        var plain = await CreateCaseAsync(manager, leaver);
        var mappa = await CreateCaseAsync(manager, leaver);
        (await manager.PostJsonAsync($"/api/v1/people/{mappa.Crn}/markers", new { type = "Mappa", mappaLevel = 2, mappaCategory = 1, startDate = "2026-11-01" })).EnsureSuccessStatusCode();

        var refused = await (await manager.PostJsonAsync("/api/v1/reallocations", new
        {
            eventIds = new[] { plain.OrderId, mappa.OrderId },
            staffId = pso.Id,
            reason = "Officer leaving the service",
            handoverNote = (string?)null,
        })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(("competence", "eventIds[1]"), (Rule(refused), refused.GetProperty("field").GetString()));
        var stillThere = await (await manager.GetAsync($"/api/v1/staff/{leaver.Id}/workload")).ReadAsync<OfficerWorkloadDto>();
        Assert.Equal(2, stillThere.Cases);

        var missing = await (await manager.PostJsonAsync("/api/v1/reallocations", new { eventIds = Array.Empty<int>(), staffId = pso.Id, reason = "", handoverNote = "" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["eventIds", "reason"], missing.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_case_sent_to_the_wrong_team_is_transferred_with_its_clock_and_history_kept()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var wrong = await TestData.CreateTeamAsync(manager);
        var right = await TestData.CreateTeamAsync(manager);
        var order = await NewOrderAsync(manager, "2026-11-19", wrong.Id);

        var moved = await (await manager.PostJsonAsync($"/api/v1/allocations/queue/{order.Id}/transfer", new { teamId = right.Id, reason = "Lives in the north of the county" }))
            .ReadAsync<QueuedCaseDto>();

        Assert.Equal((right.Id, new DateOnly(2026, 11, 19), 2), (moved.TeamId!.Value, moved.Clock.Arrived, moved.Clock.WorkingDaysOverdue));
        Assert.Equal([(wrong.Id, right.Id)], moved.Transfers.Skip(1).Select(t => (t.FromTeamId!.Value, t.ToTeamId)));
        Assert.Contains(await QueueAsync(manager, right.Id), q => q.EventId == order.Id);
        Assert.DoesNotContain(await QueueAsync(manager, wrong.Id), q => q.EventId == order.Id);

        var same = await (await manager.PostJsonAsync($"/api/v1/allocations/queue/{order.Id}/transfer", new { teamId = right.Id, reason = "Again" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["teamId"], same.ErrorFields());
    }

    [Fact]
    public async Task The_order_assignments_route_applies_the_same_hard_rules()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var away = await CreateOfficerAsync(manager, team.Id);
        await TestData.CreateAbsenceAsync(manager, away.Id, "2026-11-23", "2026-11-24", type: "Sickness");
        var order = await NewOrderAsync(manager, teamId: team.Id);

        var refused = await (await manager.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = away.Id, reason = "Allocation" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("absent", Rule(refused));

        var overridden = await manager.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = away.Id, reason = "Allocation", overrideReason = Override });
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
    }

    [Fact]
    public async Task Two_managers_allocating_the_same_case_at_once_cannot_both_succeed()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var other = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var first = await CreateOfficerAsync(manager, team.Id, firstName: "First");
        var second = await CreateOfficerAsync(manager, team.Id, firstName: "Second");
        var order = await NewOrderAsync(manager, teamId: team.Id);

        var responses = await Task.WhenAll(AllocateAsync(manager, order.Id, first.Id), AllocateAsync(other, order.Id, second.Id));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await app.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrderId == order.Id && a.ToDate == null)));
    }

    [Fact]
    public async Task Allocation_needs_a_managers_role_and_bad_input_gets_field_errors()
    {
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var order = await NewOrderAsync(manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/allocations/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AllocateAsync(officer, order.Id, 1)).StatusCode);
        var missing = await (await manager.PostJsonAsync("/api/v1/allocations", new { eventId = order.Id, staffId = (int?)null, overrideReason = (string?)null })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["staffId"], missing.ErrorFields());
        await (await AllocateAsync(manager, 99999999, 1)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Allocation_against_the_target_counts_cases_allocated_and_booked_on_the_day_and_those_left_waiting()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var officer = await CreateOfficerAsync(manager, team.Id);
        var office = await CreateOfficeAsync(manager);
        var onTheDay = await NewOrderAsync(manager, "2026-11-23", team.Id);
        var thursday = await NewOrderAsync(manager, "2026-11-19", team.Id);
        await NewOrderAsync(manager, "2026-11-20", team.Id);
        await NewOrderAsync(manager, "2026-10-01", team.Id);
        await TestData.Created<AllocationDto>(await AllocateAsync(manager, onTheDay.Id, officer.Id));
        await ArrangeOneAsync(manager, onTheDay.Crn, Interview(officer.Id, office, startsAt: "2026-11-25T10:00:00Z"));
        await TestData.Created<AllocationDto>(await AllocateAsync(manager, thursday.Id, officer.Id, Override));

        var target = await (await manager.GetAsync($"/api/v1/allocations/performance?teamId={team.Id}")).ReadAsync<AllocationPerformanceDto>();

        Assert.Equal((new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 23), 0), (target.From, target.To, target.TargetWorkingDays));
        Assert.Equal((3, 2, 1, 1, 1, 3), (target.Arrived, target.Allocated, target.AllocatedInTarget, target.AppointmentBookedInTarget, target.MetTarget, target.Decided));
        Assert.Equal((1, 1), (target.Waiting, target.WaitingOverdue));
        Assert.Equal(33.3m, target.MetTargetPercent);
        // 0 working days for the order allocated on the day, 2 for Thursday's (Friday, Monday).
        Assert.Equal(1m, target.MedianWorkingDaysToAllocate);
        var wider = await (await manager.GetAsync($"/api/v1/allocations/performance?teamId={team.Id}&from=2026-10-01&to=2026-11-23")).ReadAsync<AllocationPerformanceDto>();
        Assert.Equal((4, 2), (wider.Arrived, wider.WaitingOverdue));

        var invalid = await (await manager.GetAsync("/api/v1/allocations/performance?from=2026-11-23&to=2026-11-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("from", out _));
        await (await manager.GetAsync("/api/v1/allocations/performance?from=2024-01-01&to=2026-11-23")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await manager.GetAsync("/api/v1/allocations/performance?teamId=999999")).ProblemAsync(HttpStatusCode.NotFound);
        var officerClient = await app.ClientForAsync(Roles.ProbationOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerClient.GetAsync("/api/v1/allocations/performance")).StatusCode);
    }
}

public sealed class AllocationApiTests_Sqlite(SqliteApp app) : AllocationApiTests(app), IClassFixture<SqliteApp>;

public sealed class AllocationApiTests_Postgres(PostgresApp app) : AllocationApiTests(app), IClassFixture<PostgresApp>;
