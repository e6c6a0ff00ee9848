using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// The data layer the pages share with the API: a caseload's next appointments and last contacts, and compliance for a
/// team in a fixed number of queries whatever its size (a PSO holds up to 168 cases, PRACTICE.md section 4).
/// </summary>
public abstract class CaseComplianceTests(AppFixture app)
{
    private static readonly ClaimsPrincipal Manager = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "compliance-reader"), new Claim(ClaimTypes.Role, Roles.SeniorProbationOfficer)], "test"));

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private OpenProbationDbContext Context(CommandCounter counter) => app.Provider == DatabaseProvider.Sqlite
        ? new SqliteOpenProbationDbContext(new DbContextOptionsBuilder<SqliteOpenProbationDbContext>().UseSqlite(app.Database.ConnectionString).AddInterceptors(counter).Options)
        : new PostgresOpenProbationDbContext(new DbContextOptionsBuilder<PostgresOpenProbationDbContext>().UseNpgsql(app.Database.ConnectionString).AddInterceptors(counter).Options);

    private Task<int> PersonIdAsync(string crn) => app.WithDbAsync(db => db.People.Where(p => p.Crn == crn).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_next_appointment_skips_one_rescheduled_away_and_the_last_contact_is_the_latest_held()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var officer = await CreateOfficerAsync(manager);
        var busy = await CreateCaseAsync(manager, officer);
        var quiet = await CreateCaseAsync(manager, officer);
        await RecordVisitAsync(manager, busy.Crn, officer.Id, "2026-11-16T10:00:00Z");
        var call = await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{busy.Crn}/contacts",
            new { type = "Telephone", startsAt = "2026-11-20T15:00:00Z", durationMinutes = 15, staffMemberId = officer.Id, outcome = "AttendedComplied" }));
        await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{busy.Crn}/contacts",
            Visit(officer.Id, "2026-11-22T10:00:00Z", "UnacceptableAbsence", "No answer at the door; no contact since")));
        var moved = await ArrangeOneAsync(manager, busy.Crn, Interview(officer.Id, office, startsAt: "2026-11-25T10:00:00Z"));
        var next = await ArrangeOneAsync(manager, busy.Crn, Interview(officer.Id, office));
        await ArrangeOneAsync(manager, busy.Crn, Interview(officer.Id, office, startsAt: "2026-12-07T10:00:00Z"));
        (await manager.PostJsonAsync($"/api/v1/appointments/{moved.Id}/outcome", new { outcome = "Rescheduled", rescheduledTo = "2026-12-08T10:00:00Z" }, moved.Version))
            .EnsureSuccessStatusCode();
        var (busyId, quietId) = (await PersonIdAsync(busy.Crn), await PersonIdAsync(quiet.Crn));

        var (nextByPerson, lastByPerson) = await app.WithDbAsync(async db =>
            (await CaseCompliance.NextAppointmentAsync(db, [busyId, quietId], AppFixture.Now, default),
                await CaseCompliance.LastContactAsync(db, [busyId, quietId], AppFixture.Now, default)));

        Assert.Equal((next.Id, new DateOnly(2026, 11, 30)), (nextByPerson[busyId].AppointmentId, nextByPerson[busyId].Date));
        Assert.Equal((call.Id, AppointmentType.Telephone), (lastByPerson[busyId].AppointmentId, lastByPerson[busyId].Type));
        Assert.False(nextByPerson.ContainsKey(quietId));
        Assert.False(lastByPerson.ContainsKey(quietId));
    }

    [Fact]
    public async Task A_teams_compliance_takes_the_same_few_queries_however_many_cases_it_holds()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var officers = new[] { await CreateOfficerAsync(manager, team.Id, firstName: "Ann"), await CreateOfficerAsync(manager, team.Id, firstName: "Ben") };
        foreach (var officer in officers)
        {
            var @case = await CreateCaseAsync(manager, officer);
            await RecordVisitAsync(manager, @case.Crn, officer.Id, "2026-11-05T10:00:00Z");
        }

        async Task<(int Queries, TeamCompliance Result)> MeasureAsync()
        {
            var counter = new CommandCounter();
            await using var db = Context(counter);
            var result = await CaseCompliance.ForTeamAsync(db, Manager, ContactPolicies.Defaults, team.Id, app.Today, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default);
            return (counter.Count, result);
        }

        var (small, smallResult) = await MeasureAsync();
        foreach (var officer in officers)
        {
            for (var i = 0; i < 4; i++)
            {
                var @case = await CreateCaseAsync(manager, officer);
                await RecordVisitAsync(manager, @case.Crn, officer.Id, "2026-11-06T10:00:00Z");
                await RecordVisitAsync(manager, @case.Crn, officer.Id, "2026-11-20T10:00:00Z");
            }
        }

        var (large, largeResult) = await MeasureAsync();

        Assert.Equal((2, 10), (smallResult.Total.Cases, largeResult.Total.Cases));
        Assert.Equal(small, large);
        Assert.True(large <= 6, $"{large} queries for a team's compliance");
    }
}

public sealed class CaseComplianceTests_Sqlite(SqliteApp app) : CaseComplianceTests(app), IClassFixture<SqliteApp>;

public sealed class CaseComplianceTests_Postgres(PostgresApp app) : CaseComplianceTests(app), IClassFixture<PostgresApp>;
