using System.Net;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Features.Staff;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Staff;

/// <summary>Staff records and their absences: the people and the availability that allocation works with (PRACTICE.md section 4).</summary>
public abstract class StaffApiTests(AppFixture app)
{
    [Theory]
    [InlineData("/api/v1/staff?grade=1", "grade")]
    [InlineData("/api/v1/staff?grade=probationofficer", "grade")]
    [InlineData("/api/v1/staff?grade=ProbationOfficer,ProbationServiceOfficer", "grade")]
    [InlineData("/api/v1/staff?grade=ProbationOfficer&grade=CourtOfficer", "grade")]
    [InlineData("/api/v1/absences?type=2", "type")]
    [InlineData("/api/v1/absences?from=02/03/2026", "from")]
    [InlineData("/api/v1/orders?endingTo=2026-2-3", "endingTo")]
    [InlineData("/api/v1/people?dateOfBirth=1985-13-01", "dateOfBirth")]
    public async Task Query_enums_must_be_named_and_query_dates_must_be_iso(string url, string field)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var problem = await (await admin.GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
    }

    [Fact]
    public async Task Query_enums_are_given_by_their_exact_names()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/staff?grade=ProbationOfficer&pageSize=1")).StatusCode);
        await (await admin.GetAsync("/api/v1/staff?grade=probationofficer")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/absences?from=2026-03-02&type=AnnualLeave")).StatusCode);
    }

    [Fact]
    public async Task A_member_of_staff_is_created_with_its_location_and_reads_back_with_an_etag()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var code = TestData.Unique("wm");

        var response = await admin.PostJsonAsync("/api/v1/staff", new
        {
            teamId = team.Id,
            staffCode = code.ToLowerInvariant(),
            firstName = " Sam ",
            lastName = "Okafor",
            email = "sam.okafor@example.org",
            grade = "ProbationServiceOfficer",
            contractedHours = 22.5m,
            startDate = "2024-09-02",
            isAgency = true,
        });

        var created = await TestData.Created<StaffDto>(response);
        Assert.Equal($"/api/v1/staff/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            new StaffDto(created.Id, team.Id, code, "Sam", "Okafor", "sam.okafor@example.org", StaffGrade.ProbationServiceOfficer, 22.5m,
                new DateOnly(2024, 9, 2), null, true, 1),
            created);

        var read = await admin.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<StaffDto>());
    }

    [Fact]
    public async Task The_staff_list_filters_by_team_grade_and_name_or_code()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var otherTeam = await TestData.CreateTeamAsync(admin);
        var surname = "Zx" + Guid.NewGuid().ToString("N")[..8];
        var po = await TestData.CreateStaffAsync(admin, team.Id, "ProbationOfficer", firstName: "Ada", lastName: surname);
        var pso = await TestData.CreateStaffAsync(admin, team.Id, "ProbationServiceOfficer", firstName: "Ben", lastName: surname);
        var elsewhere = await TestData.CreateStaffAsync(admin, otherTeam.Id, "ProbationOfficer", firstName: "Cal", lastName: surname);

        var byTeam = await (await admin.GetAsync($"/api/v1/staff?teamId={team.Id}")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal([po.Id, pso.Id], byTeam.Items.Select(s => s.Id));

        var byGrade = await (await admin.GetAsync($"/api/v1/staff?q={surname}&grade=ProbationOfficer")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal([po.Id, elsewhere.Id], byGrade.Items.Select(s => s.Id));

        var byFullName = await (await admin.GetAsync($"/api/v1/staff?q=ben%20{surname.ToUpperInvariant()}")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal(pso.Id, Assert.Single(byFullName.Items).Id);

        var byCode = await (await admin.GetAsync($"/api/v1/staff?q={elsewhere.StaffCode.ToLowerInvariant()}")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal(elsewhere.Id, Assert.Single(byCode.Items).Id);

        var byUnit = await (await admin.GetAsync($"/api/v1/staff?deliveryUnitId={otherTeam.DeliveryUnitId}")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal(elsewhere.Id, Assert.Single(byUnit.Items).Id);
    }

    [Fact]
    public async Task Current_staff_excludes_leavers_and_those_not_yet_started()
    {
        // The workload measure must use the staff actually available (PRACTICE.md section 4).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var inPost = await TestData.CreateStaffAsync(admin, team.Id, firstName: "In", lastName: "Post");
        var leavingToday = await TestData.CreateStaffAsync(admin, team.Id, endDate: app.Today.ToString("yyyy-MM-dd"), firstName: "Leaving", lastName: "Today");
        var left = await TestData.CreateStaffAsync(admin, team.Id, endDate: app.Today.AddDays(-1).ToString("yyyy-MM-dd"), firstName: "Has", lastName: "Left");
        var starter = await TestData.CreateStaffAsync(admin, team.Id, startDate: app.Today.AddDays(7).ToString("yyyy-MM-dd"), firstName: "New", lastName: "Starter");

        var current = await (await admin.GetAsync($"/api/v1/staff?teamId={team.Id}&current=true")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal([inPost.Id, leavingToday.Id], current.Items.Select(s => s.Id).Order());

        var everyone = await (await admin.GetAsync($"/api/v1/staff?teamId={team.Id}")).ReadAsync<PagedList<StaffDto>>();
        Assert.Equal([inPost.Id, leavingToday.Id, left.Id, starter.Id], everyone.Items.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task An_update_with_the_current_version_saves_and_a_stale_or_missing_version_is_refused()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var member = await TestData.CreateStaffAsync(admin, team.Id);
        var change = new
        {
            teamId = team.Id,
            staffCode = member.StaffCode,
            firstName = "Pat",
            lastName = "Officer",
            grade = "SeniorProbationOfficer",
            contractedHours = 30,
            startDate = "2020-01-06",
            endDate = "2026-12-31",
        };

        await (await admin.PutJsonAsync($"/api/v1/staff/{member.Id}", change, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);

        var response = await admin.PutJsonAsync($"/api/v1/staff/{member.Id}", change, version: 1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var saved = await response.ReadAsync<StaffDto>();
        Assert.Equal((StaffGrade.SeniorProbationOfficer, 30m, new DateOnly(2026, 12, 31), 2), (saved.Grade, saved.ContractedHours, saved.EndDate, saved.Version));

        await (await admin.PutJsonAsync($"/api/v1/staff/{member.Id}", change with { }, version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(saved, await (await admin.GetAsync($"/api/v1/staff/{member.Id}")).ReadAsync<StaffDto>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7.5)]
    [InlineData(48.01)]
    [InlineData(49)]
    [InlineData(0.001)] // the column holds two decimal places: PostgreSQL would have stored 0
    [InlineData(37.125)]
    public async Task Contracted_hours_must_be_more_than_0_and_at_most_48_to_two_decimal_places(double hours)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);

        var problem = await (await admin.PostJsonAsync("/api/v1/staff", StaffBody(team.Id, contractedHours: (decimal)hours))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["contractedHours"], problem.ErrorFields());
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(18.75)]
    [InlineData(37)]
    [InlineData(48)]
    public async Task Contracted_hours_from_just_over_0_up_to_48_are_accepted(double hours)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);

        var created = await TestData.Created<StaffDto>(await admin.PostJsonAsync("/api/v1/staff", StaffBody(team.Id, contractedHours: (decimal)hours)));

        Assert.Equal((decimal)hours, created.ContractedHours);
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_is_refused_on_the_end_date()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);

        var problem = await (await admin.PostJsonAsync("/api/v1/staff", StaffBody(team.Id, startDate: "2024-03-01", endDate: "2024-02-29"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["endDate"], problem.ErrorFields());
    }

    [Fact]
    public async Task Missing_details_an_unknown_team_a_bad_email_and_a_duplicate_code_are_field_errors()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var existing = await TestData.CreateStaffAsync(admin, team.Id);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Staff.Count()));

        var empty = await (await admin.PostJsonAsync("/api/v1/staff", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["contractedHours", "firstName", "grade", "lastName", "staffCode", "startDate", "teamId"], empty.ErrorFields().Order());

        var unknownTeam = await (await admin.PostJsonAsync("/api/v1/staff", StaffBody(999_999_999))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["teamId"], unknownTeam.ErrorFields());

        var badEmail = await (await admin.PostJsonAsync("/api/v1/staff", StaffBody(team.Id, email: "pat at example"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email"], badEmail.ErrorFields());

        var duplicate = await (await admin.PostJsonAsync("/api/v1/staff", StaffBody(team.Id, staffCode: existing.StaffCode.ToLowerInvariant()))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["staffCode"], duplicate.ErrorFields());

        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Staff.Count())));
    }

    [Fact]
    public async Task A_probation_officer_may_read_staff_but_not_change_them_and_an_analyst_may_read_them()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var member = await TestData.CreateStaffAsync(admin, team.Id);
        var officer = await app.ClientForAsync(Roles.ProbationOfficer);
        var analyst = await app.ClientForAsync(Roles.PerformanceAnalyst);

        await (await officer.PostJsonAsync("/api/v1/staff", StaffBody(team.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostJsonAsync($"/api/v1/staff/{member.Id}/absences", new { type = "Sickness", startDate = "2026-11-23", endDate = "2026-11-24" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(member, await (await officer.GetAsync($"/api/v1/staff/{member.Id}")).ReadAsync<StaffDto>());
        Assert.Equal(member.Id, Assert.Single((await (await analyst.GetAsync($"/api/v1/staff?teamId={team.Id}")).ReadAsync<PagedList<StaffDto>>()).Items).Id);
        Assert.Empty((await (await analyst.GetAsync($"/api/v1/staff/{member.Id}/absences")).ReadAsync<PagedList<AbsenceDto>>()).Items);
    }

    [Fact]
    public async Task An_absence_is_recorded_under_its_member_of_staff_read_back_and_updated_with_the_version()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var member = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id);

        var response = await admin.PostJsonAsync($"/api/v1/staff/{member.Id}/absences", new { type = "AnnualLeave", startDate = "2026-12-21", endDate = "2026-12-31", notes = "  Christmas  " });
        var created = await TestData.Created<AbsenceDto>(response);
        Assert.Equal($"/api/v1/staff/{member.Id}/absences/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(new AbsenceDto(created.Id, member.Id, AbsenceType.AnnualLeave, new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 31), "Christmas", 1), created);

        var read = await admin.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<AbsenceDto>());

        var change = new { type = "Sickness", startDate = "2026-12-21", endDate = "2026-12-23" };
        await (await admin.PutJsonAsync($"/api/v1/staff/{member.Id}/absences/{created.Id}", change, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await admin.PutJsonAsync($"/api/v1/staff/{member.Id}/absences/{created.Id}", change, version: 1)).ReadAsync<AbsenceDto>();
        Assert.Equal(new AbsenceDto(created.Id, member.Id, AbsenceType.Sickness, new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 23), null, 2), updated);
        await (await admin.PutJsonAsync($"/api/v1/staff/{member.Id}/absences/{created.Id}", change, version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_member_of_staffs_absences_list_holds_only_theirs_in_date_order()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var member = await TestData.CreateStaffAsync(admin, team.Id);
        var colleague = await TestData.CreateStaffAsync(admin, team.Id);
        var later = await TestData.CreateAbsenceAsync(admin, member.Id, "2027-02-01", "2027-02-05");
        var earlier = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-12-01", "2026-12-01", "Training");
        await TestData.CreateAbsenceAsync(admin, colleague.Id, "2026-12-01", "2026-12-05");

        var list = await (await admin.GetAsync($"/api/v1/staff/{member.Id}/absences")).ReadAsync<PagedList<AbsenceDto>>();

        Assert.Equal([earlier, later], list.Items);
        Assert.Equal(2, list.Total);
    }

    [Fact]
    public async Task The_absences_list_for_a_date_range_holds_every_absence_overlapping_it_ends_included()
    {
        // Both ends of an absence and of the range are inclusive (StaffAbsence doc): leave ending on the first
        // day of the range still makes the officer unavailable that day (PRACTICE.md section 7, line 3).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var member = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id);
        var endsOnFirstDay = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-11-20", "2026-12-01");
        var inside = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-12-03", "2026-12-04", "Sickness");
        var spansRange = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-11-25", "2026-12-31", "Training");
        var startsOnLastDay = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-12-07", "2026-12-09");
        await TestData.CreateAbsenceAsync(admin, member.Id, "2026-11-01", "2026-11-30"); // ends the day before
        await TestData.CreateAbsenceAsync(admin, member.Id, "2026-12-08", "2026-12-10"); // starts the day after

        var list = await (await admin.GetAsync($"/api/v1/absences?staffMemberId={member.Id}&from=2026-12-01&to=2026-12-07")).ReadAsync<PagedList<AbsenceDto>>();

        Assert.Equal([endsOnFirstDay.Id, spansRange.Id, inside.Id, startsOnLastDay.Id], list.Items.Select(a => a.Id));

        var sickness = await (await admin.GetAsync($"/api/v1/absences?staffMemberId={member.Id}&from=2026-12-01&to=2026-12-07&type=Sickness")).ReadAsync<PagedList<AbsenceDto>>();
        Assert.Equal(inside.Id, Assert.Single(sickness.Items).Id);

        var byTeam = await (await admin.GetAsync($"/api/v1/absences?teamId={member.TeamId}&from=2026-12-08&to=2026-12-08")).ReadAsync<PagedList<AbsenceDto>>();
        Assert.Equal(3, byTeam.Total);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var problem = await (await admin.GetAsync("/api/v1/absences?from=2026-12-07&to=2026-12-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["to"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_absence_that_ends_before_it_starts_is_refused_on_the_end_date()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var member = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id);

        var problem = await (await admin.PostJsonAsync($"/api/v1/staff/{member.Id}/absences", new { type = "AnnualLeave", startDate = "2026-12-10", endDate = "2026-12-09" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["endDate"], problem.ErrorFields());
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/staff/{member.Id}/absences")).ReadAsync<PagedList<AbsenceDto>>()).Total);
    }

    [Fact]
    public async Task An_absence_for_a_member_of_staff_who_does_not_exist_is_not_found()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var before = await app.WithDbAsync(db => Task.FromResult(db.Absences.Count()));

        await (await admin.PostJsonAsync("/api/v1/staff/999999999/absences", new { type = "AnnualLeave", startDate = "2026-12-01", endDate = "2026-12-02" }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/v1/staff/999999999/absences")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.Absences.Count())));
    }

    [Fact]
    public async Task An_absence_reached_through_another_member_of_staff_is_not_found()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var member = await TestData.CreateStaffAsync(admin, team.Id);
        var colleague = await TestData.CreateStaffAsync(admin, team.Id);
        var absence = await TestData.CreateAbsenceAsync(admin, member.Id, "2026-12-01", "2026-12-02");

        await (await admin.GetAsync($"/api/v1/staff/{colleague.Id}/absences/{absence.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/v1/staff/{colleague.Id}/absences/{absence.Id}", new { type = "Sickness", startDate = "2026-12-01", endDate = "2026-12-02" }, version: 1))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(absence, await (await admin.GetAsync($"/api/v1/staff/{member.Id}/absences/{absence.Id}")).ReadAsync<AbsenceDto>());
    }

    [Fact]
    public async Task An_unknown_member_of_staff_is_not_found()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        await (await admin.GetAsync("/api/v1/staff/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync("/api/v1/staff/999999999", StaffBody(team.Id), version: 1)).ProblemAsync(HttpStatusCode.NotFound);
    }

    private static Dictionary<string, object?> StaffBody(
        int teamId, decimal contractedHours = 37, string startDate = "2020-01-06", string? endDate = null, string? email = null, string? staffCode = null) => new()
        {
            ["teamId"] = teamId,
            ["staffCode"] = staffCode ?? TestData.Unique("S"),
            ["firstName"] = "Robin",
            ["lastName"] = "Hours",
            ["email"] = email,
            ["grade"] = "ProbationOfficer",
            ["contractedHours"] = contractedHours,
            ["startDate"] = startDate,
            ["endDate"] = endDate,
        };
}

public sealed class StaffApiTests_Sqlite(SqliteApp app) : StaffApiTests(app), IClassFixture<SqliteApp>;

public sealed class StaffApiTests_Postgres(PostgresApp app) : StaffApiTests(app), IClassFixture<PostgresApp>;
