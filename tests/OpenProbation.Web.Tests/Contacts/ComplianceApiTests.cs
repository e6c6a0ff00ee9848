using System.Net;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;
using static OpenProbation.Web.Tests.Contacts.ContactTestData;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>
/// Contact compliance through the API (PRACTICE.md section 7 line 5: contact standards for every tier are met, or the
/// gap is visible to the officer and the manager the day it opens), with case-level access in every list and roll-up.
/// Today is Monday 23 November 2026.
/// </summary>
public abstract class ComplianceApiTests(AppFixture app)
{
    private static async Task<PersonComplianceDto> ComplianceAsync(HttpClient client, string crn, string query = "") =>
        await (await client.GetAsync($"/api/v1/people/{crn}/compliance{query}")).ReadAsync<PersonComplianceDto>();

    [Fact]
    public async Task Section_7_line_5_a_weekly_case_last_seen_eight_days_ago_is_out_of_standard_until_seen_today()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));
        await SetTierAsync(app, @case.Crn, "A1", new DateOnly(2026, 11, 2));
        await RecordVisitAsync(manager, @case.Crn, @case.Officer.Id, "2026-11-04T10:00:00Z");
        await RecordVisitAsync(manager, @case.Crn, @case.Officer.Id, "2026-11-15T11:00:00Z");

        var before = await ComplianceAsync(manager, @case.Crn);

        Assert.True(before.Assessed);
        var c = before.Compliance!;
        Assert.Equal(ComplianceStatus.OutOfStandard, c.Status);
        Assert.Equal([new ComplianceReasonDto(ComplianceIssue.GapOpen, "A1 case not seen for 8 days: the standard is every 7 days")], c.Reasons);
        Assert.Equal(("A1", "A", new ContactStandardDto(7, 1m, false, 5)), (c.Tier, c.StandardKey, c.Standard));
        Assert.Equal((new DateOnly(2026, 11, 15), 8, true), (c.LastSeen!.Value, c.DaysSinceLastSeen, c.GapOpen));
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 4), false), (c.InductionDeadline, c.InductionHeldOn!.Value, c.InductionOverdue));

        await RecordVisitAsync(manager, @case.Crn, @case.Officer.Id, "2026-11-23T09:00:00Z");
        var after = (await ComplianceAsync(manager, @case.Crn)).Compliance!;

        Assert.Equal((ComplianceStatus.InStandard, 0, new DateOnly(2026, 11, 23), 0), (after.Status, after.Reasons.Count, after.LastSeen!.Value, after.DaysSinceLastSeen));
        Assert.Equal(new ContactPeriodDto(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), "A1", 7, 1, 1, true, false), after.CurrentPeriod);

        // Windows of 2–8, 9–15 and 16–22 November ended this month; the third had no contact.
        Assert.Equal(new ComplianceSummaryDto(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 3, 2, 3, 3), after.Month);
        var october = (await ComplianceAsync(manager, @case.Crn, "?month=2026-10")).Compliance!.Month;
        Assert.Equal(new ComplianceSummaryDto(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 0, 0, 0, 0), october);
    }

    [Fact]
    public async Task An_induction_not_held_within_five_working_days_of_sentence_is_overdue()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));

        var c = (await ComplianceAsync(manager, @case.Crn)).Compliance!;

        Assert.Equal((ComplianceStatus.OutOfStandard, new DateOnly(2026, 11, 9), true, (DateOnly?)null), (c.Status, c.InductionDeadline, c.InductionOverdue, c.InductionHeldOn));
        Assert.Contains(new ComplianceReasonDto(ComplianceIssue.InductionOverdue, "Induction overdue: the first appointment was due by Monday 9 November 2026"), c.Reasons);
    }

    [Fact]
    public async Task A_person_with_no_live_order_is_not_assessed()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var person = await TestData.CreatePersonAsync(manager);

        var result = await ComplianceAsync(manager, person.Crn);

        Assert.Equal((false, (ComplianceDto?)null), (result.Assessed, result.Compliance));
        Assert.StartsWith("No live order", result.NotAssessedReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custody_before_release_is_not_judged_against_the_community_standard_and_a_licence_is()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var officer = await CreateOfficerAsync(manager);
        var person = await TestData.CreatePersonAsync(manager);
        var custody = await TestData.CreateOrderAsync(manager, person.Crn, type: "Custody", sentenceDate: "2026-06-01", length: 24);
        await TestData.AssignAsync(manager, custody.Id, officer.Id, fromDate: "2026-06-01");

        var inCustody = await ComplianceAsync(manager, person.Crn);

        Assert.Equal((false, (ComplianceDto?)null), (inCustody.Assessed, inCustody.Compliance));
        Assert.Contains("not during custody before release", inCustody.NotAssessedReason, StringComparison.Ordinal);

        var licence = await TestData.CreateOrderAsync(manager, person.Crn, type: "Licence", sentenceDate: "2026-11-09", length: 6);
        await TestData.AssignAsync(manager, licence.Id, officer.Id, fromDate: "2026-11-09");
        var released = (await ComplianceAsync(manager, person.Crn)).Compliance!;

        Assert.Equal((new DateOnly(2026, 11, 9), true), (released.SupervisionStart, released.InductionOverdue));
    }

    [Fact]
    public async Task A_team_rollup_counts_each_officers_cases_and_each_case_once_for_the_team_leaving_out_cases_the_reader_may_not_see()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var team = await TestData.CreateTeamAsync(manager);
        var ann = await CreateOfficerAsync(manager, team.Id, firstName: "Ann");
        var ben = await CreateOfficerAsync(manager, team.Id, firstName: "Ben");

        var seen = await CreateCaseAsync(manager, ann);
        await RecordVisitAsync(manager, seen.Crn, ann.Id, "2026-11-05T10:00:00Z");
        await AddOrderAsync(manager, seen.Crn, ben);
        var neverSeen = await CreateCaseAsync(manager, ann);
        var weekly = await CreateCaseAsync(manager, ben);
        await SetTierAsync(app, weekly.Crn, "A1", new DateOnly(2026, 11, 2));
        await RecordVisitAsync(manager, weekly.Crn, ben.Id, "2026-11-04T10:00:00Z");
        var restricted = await CreateCaseAsync(manager, ann);
        var hiddenAppointment = await RecordVisitAsync(manager, restricted.Crn, ann.Id, "2026-11-06T10:00:00Z");
        await RestrictAsync(app, restricted.Crn);

        var rollup = await (await manager.GetAsync($"/api/v1/teams/{team.Id}/compliance")).ReadAsync<TeamComplianceDto>();

        Assert.Equal([(ann.Id, "Ann Officer"), (ben.Id, "Ben Officer")], rollup.Officers.Select(o => (o.StaffMemberId, o.Name)));
        var (annRollup, benRollup, total) = (rollup.Officers[0].Rollup, rollup.Officers[1].Rollup, rollup.Total);
        Assert.Equal((2, 1, 1, 1, 0), (annRollup.Cases, annRollup.InStandard, annRollup.OutOfStandard, annRollup.InductionOverdue, annRollup.GapsOpen));
        Assert.Equal((2, 1, 1, 0, 1), (benRollup.Cases, benRollup.InStandard, benRollup.OutOfStandard, benRollup.InductionOverdue, benRollup.GapsOpen));
        Assert.Equal((3, 1, 2, 1, 1), (total.Cases, total.InStandard, total.OutOfStandard, total.InductionOverdue, total.GapsOpen));

        var officer = await (await manager.GetAsync($"/api/v1/staff/{ann.Id}/compliance")).ReadAsync<OfficerComplianceDto>();
        Assert.Equal([neverSeen.Crn, seen.Crn], officer.Cases.Select(r => r.Crn));
        Assert.Equal([ComplianceStatus.OutOfStandard, ComplianceStatus.InStandard], officer.Cases.Select(r => r.Status!.Value));
        Assert.Equal(2, officer.Rollup.Cases);

        var diary = await (await manager.GetAsync($"/api/v1/staff/{ann.Id}/diary?from=2026-11-01&to=2026-11-30")).ReadAsync<DiaryDto>();
        Assert.Equal([seen.Crn], diary.Appointments.Select(a => a.Crn));
        Assert.DoesNotContain(diary.Appointments, a => a.Id == hiddenAppointment.Id);

        await (await manager.GetAsync($"/api/v1/people/{restricted.Crn}/compliance")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/people/{restricted.Crn}/appointments")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.GetAsync($"/api/v1/appointments/{hiddenAppointment.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostJsonAsync($"/api/v1/appointments/{hiddenAppointment.Id}/outcome", new { outcome = "AttendedComplied" }, 1))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostJsonAsync($"/api/v1/people/{restricted.Crn}/contacts", Visit(ann.Id, "2026-11-20T10:00:00Z"))).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_officer_sees_their_own_diary_and_compliance_and_another_officers_needs_a_team_role()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var office = await CreateOfficeAsync(manager);
        var team = await TestData.CreateTeamAsync(manager);
        var mine = await CreateOfficerAsync(manager, team.Id, firstName: "Ann");
        var theirs = await CreateOfficerAsync(manager, team.Id, firstName: "Ben");
        var officer = await app.ClientForUserAsync(await app.CreateUserAsync(Roles.ProbationOfficer, mine.Id));
        var session = await TestData.Created<GroupSessionDto>(await manager.PostJsonAsync("/api/v1/group-sessions", new
        {
            type = "GroupInduction",
            startsAt = NextMonday,
            durationMinutes = 90,
            locationId = office.Location.Id,
            roomId = office.GroupRoom.Id,
            title = "Induction",
            facilitatorStaffIds = new[] { theirs.Id, mine.Id },
        }));

        var diary = await (await officer.GetAsync($"/api/v1/staff/{mine.Id}/diary?from=2026-11-30")).ReadAsync<DiaryDto>();
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), (diary.From, diary.To));
        Assert.Equal([session.Id], diary.GroupSessions.Select(s => s.Id));
        (await officer.GetAsync($"/api/v1/staff/{mine.Id}/compliance")).EnsureSuccessStatusCode();

        await (await officer.GetAsync($"/api/v1/staff/{theirs.Id}/diary")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/v1/staff/{theirs.Id}/compliance")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.GetAsync($"/api/v1/teams/{team.Id}/compliance")).ProblemAsync(HttpStatusCode.Forbidden);
        (await manager.GetAsync($"/api/v1/staff/{theirs.Id}/diary")).EnsureSuccessStatusCode();
        var administrator = await app.ClientForAsync(Roles.CaseAdministrator);
        (await administrator.GetAsync($"/api/v1/staff/{theirs.Id}/compliance")).EnsureSuccessStatusCode();

        var tooLong = await (await manager.GetAsync($"/api/v1/staff/{mine.Id}/diary?from=2026-11-01&to=2026-12-02")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["to"], tooLong.ErrorFields());
        await (await manager.GetAsync("/api/v1/staff/999999999/diary")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_standards_in_force_are_published_with_each_tiers_frequency_and_share()
    {
        var client = await app.ClientForAsync(Roles.PerformanceAnalyst);

        var standards = await (await client.GetAsync("/api/v1/contact-standards")).ReadAsync<ContactStandardsDto>();

        var policy = Assert.Single(standards.Policies);
        Assert.Equal(("England and Wales tiers and BRAG ratings", 1, (DateOnly?)null, true), (policy.Name, policy.Version, policy.EffectiveFrom, policy.InForce));
        var byTier = policy.Standards.ToDictionary(s => s.Tier, s => s.Standard);
        Assert.Equal(["A", "AMBER", "B", "BLUE", "C", "D", "GREEN", "RED"], byTier.Keys);
        Assert.Equal(new ContactStandardDto(7, 1m, false, 5), byTier["A"]);
        Assert.Equal(new ContactStandardDto(14, 0.75m, true, 5), byTier["B"]);
        Assert.Equal(new ContactStandardDto(28, 0.3333m, true, 5), byTier["BLUE"]);
        Assert.Equal(new ContactStandardDto(7, 1m, false, 5), policy.Fallback);
    }

    [Fact]
    public async Task A_month_must_be_written_as_year_and_month()
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var @case = await CreateCaseAsync(manager, await CreateOfficerAsync(manager));

        foreach (var month in new[] { "2026-13", "November", "2026-11-01" })
        {
            var problem = await (await manager.GetAsync($"/api/v1/people/{@case.Crn}/compliance?month={month}")).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["month"], problem.ErrorFields());
        }
    }
}

public sealed class ComplianceApiTests_Sqlite(SqliteApp app) : ComplianceApiTests(app), IClassFixture<SqliteApp>;

public sealed class ComplianceApiTests_Postgres(PostgresApp app) : ComplianceApiTests(app), IClassFixture<PostgresApp>;
