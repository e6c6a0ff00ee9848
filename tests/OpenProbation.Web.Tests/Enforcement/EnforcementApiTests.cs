using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Enforcement;

/// <summary>
/// Failures to comply through the API (PRACTICE.md section 5, immutable lines 6 and 7): opened once per appointment
/// whoever records it, decided by the rules with who, when and why, a second failure after a warning needing breach.
/// Today is Monday 23 November 2026.
/// </summary>
public abstract class EnforcementApiTests(AppFixture app)
{
    private static object Absence(SupervisedCase @case, string startsAt) => new
    {
        type = "HomeVisit", startsAt, durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId, isEnforceable = true,
        outcome = "UnacceptableAbsence", outcomeNotes = "Not at home at the arranged time; no contact since",
    };

    private static async Task<IReadOnlyList<FailureToComplyDto>> ListAsync(HttpClient client, string crn) =>
        (await (await client.GetAsync($"/api/v1/people/{crn}/enforcement")).ReadAsync<PagedList<FailureToComplyDto>>()).Items;

    [Fact]
    public async Task An_unacceptable_absence_opens_one_decision_with_its_deadlines_and_a_warning_then_requires_breach_for_the_next()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Absence(@case, "2026-11-16T10:00:00Z")));

        var first = Assert.Single(await ListAsync(manager, @case.Crn));

        Assert.Equal((EnforcementStatus.AwaitingDecision, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 30), true),
            (first.Status, first.FailureDate, first.DecisionDueOn, first.BreachDueOn, first.Overdue));
        Assert.Equal([EnforcementDecision.Warning, EnforcementDecision.NoFurtherAction, EnforcementDecision.Breach], first.Allowed);
        var overdue = await (await manager.GetAsync($"/api/v1/enforcement/?overdue=true&teamId={@case.Officer.TeamId}")).ReadAsync<PagedList<FailureToComplyDto>>();
        Assert.Equal([first.Id], overdue.Items.Select(f => f.Id));

        var noReason = await (await manager.PostJsonAsync($"/api/v1/enforcement/{first.Id}/decision", new { decision = "NoFurtherAction" }, version: first.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.ErrorFields());
        var warned = await (await manager.PostJsonAsync($"/api/v1/enforcement/{first.Id}/decision", new { decision = "Warning" }, version: first.Version))
            .ReadAsync<FailureToComplyDto>();
        Assert.Equal((EnforcementStatus.Warned, (DateOnly?)new DateOnly(2026, 11, 30), false), (warned.Status, warned.ExcuseDueOn, warned.Overdue));
        var again = await (await manager.PostJsonAsync($"/api/v1/enforcement/{first.Id}/decision", new { decision = "Breach", reason = "Changed my mind entirely" }, version: warned.Version))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("enforcement-decided", again.GetProperty("rule").GetString());

        // Later the same day as the warning: a failure after it.
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Absence(@case, "2026-11-23T08:00:00Z")));
        var second = (await ListAsync(manager, @case.Crn))[0];

        Assert.Equal([EnforcementDecision.Breach], second.Allowed);
        Assert.True(second.EscalationRequired);
        var warnAgain = await (await manager.PostJsonAsync($"/api/v1/enforcement/{second.Id}/decision", new { decision = "Warning" }, version: second.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("breach action is required", warnAgain.GetProperty("errors").GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
        var breach = await (await manager.PostJsonAsync($"/api/v1/enforcement/{second.Id}/decision", new { decision = "Breach" }, version: second.Version))
            .ReadAsync<FailureToComplyDto>();
        Assert.Equal((EnforcementStatus.BreachAction, true), (breach.Status, breach.EscalationRequired));
    }

    [Fact]
    public async Task Recording_the_same_failure_again_opens_nothing_more_and_a_withdrawn_warning_no_longer_counts()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        // Arranged earlier for last Friday, so its outcome can be recorded now.
        var booked = await app.WithDbAsync(async db =>
        {
            var appointment = new Appointment
            {
                PersonId = await db.People.Where(p => p.Crn == @case.Crn).Select(p => p.Id).SingleAsync(), StaffMemberId = @case.Officer.Id,
                OrderId = @case.OrderId, Type = AppointmentType.HomeVisit, StartsAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
                DurationMinutes = 45, IsEnforceable = true, ArrangedBy = "test", ArrangedAt = AppFixture.Now.AddDays(-7),
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment;
        });
        var pending = await manager.PostJsonAsync($"/api/v1/appointments/{booked.Id}/outcome", new { outcome = "FailedToAttend", notes = "Not in" }, version: booked.Version);
        Assert.True(pending.StatusCode == HttpStatusCode.OK, await pending.Content.ReadAsStringAsync());
        Assert.Empty(await ListAsync(manager, @case.Crn)); // not yet judged: nothing to decide

        var judged = await manager.PostJsonAsync($"/api/v1/appointments/{booked.Id}/outcome",
            new { outcome = "UnacceptableAbsence", notes = "No reason given when phoned" }, version: booked.Version + 1);
        Assert.True(judged.StatusCode == HttpStatusCode.OK, await judged.Content.ReadAsStringAsync());
        var failure = Assert.Single(await ListAsync(manager, @case.Crn));
        Assert.Equal(booked.Id, failure.AppointmentId);
        await app.WithDbAsync(async db => Assert.Equal(1, await db.FailuresToComply.CountAsync(f => f.AppointmentId == booked.Id)));

        var warned = await (await manager.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/decision", new { decision = "Warning" }, version: failure.Version))
            .ReadAsync<FailureToComplyDto>();
        var shortReason = await (await manager.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/withdrawal", new { reason = "excuse" }, version: warned.Version))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], shortReason.ErrorFields());
        var withdrawn = await (await manager.PostJsonAsync($"/api/v1/enforcement/{failure.Id}/withdrawal",
            new { reason = "A fit note for the day arrived within the seven days" }, version: warned.Version)).ReadAsync<FailureToComplyDto>();
        Assert.Equal(EnforcementStatus.WarningWithdrawn, withdrawn.Status);

        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", Absence(@case, "2026-11-23T08:00:00Z")));
        var next = (await ListAsync(manager, @case.Crn)).Single(f => f.Id != failure.Id);
        Assert.Equal((3, false), (next.Allowed.Count, next.EscalationRequired));
    }

    [Fact]
    public async Task An_unenforceable_appointment_or_one_for_no_order_opens_nothing_and_an_unknown_failure_is_not_found()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        var unenforceable = new
        {
            type = "HomeVisit", startsAt = "2026-11-16T10:00:00Z", durationMinutes = 45, staffMemberId = @case.Officer.Id, orderId = @case.OrderId,
            isEnforceable = false, outcome = "UnacceptableAbsence", outcomeNotes = "Not at home; an unenforceable courtesy visit",
        };
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{@case.Crn}/contacts", unenforceable));

        Assert.Empty(await ListAsync(manager, @case.Crn));
        await (await manager.GetAsync("/api/v1/enforcement/999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostJsonAsync("/api/v1/enforcement/999999/decision", new { decision = "Warning" }, version: 1)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class EnforcementApiTests_Sqlite(SqliteApp app) : EnforcementApiTests(app), IClassFixture<SqliteApp>;

public sealed class EnforcementApiTests_Postgres(PostgresApp app) : EnforcementApiTests(app), IClassFixture<PostgresApp>;
