using System.Net;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Orders;

/// <summary>Orders, their requirements and their responsible officers (PRACTICE.md sections 2 and 4).</summary>
public abstract class OrdersApiTests(AppFixture app)
{
    // ---- Orders ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_order_is_recorded_for_a_person_with_its_location_and_reads_back_with_an_etag()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", OrderBody(sentenceDate: "2026-11-02", length: 18));

        var created = await TestData.Created<OrderDto>(response);
        Assert.Equal($"/api/v1/orders/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            new OrderDto(created.Id, person.Crn, OrderType.CommunityOrder, "Birmingham Magistrates' Court", "Theft from a shop", new DateOnly(2026, 11, 2),
                new DateOnly(2026, 11, 2), 18, LengthUnit.Months, new DateOnly(2028, 5, 1), OrderStatus.Active, null, null, null, 1),
            created);
        var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<OrderDto>());

        var forPerson = await (await client.GetAsync($"/api/v1/people/{person.Crn}/orders")).ReadAsync<PagedList<OrderDto>>();
        Assert.Equal([created], forPerson.Items);
    }

    [Theory]
    [InlineData("CommunityOrder", "2026-01-15", 12, "Months", "2027-01-14")]
    [InlineData("CommunityOrder", "2026-01-15", 1, "Years", "2027-01-14")]
    [InlineData("CommunityOrder", "2026-11-01", 10, "Days", "2026-11-10")]
    [InlineData("SuspendedSentenceOrder", "2026-05-04", 27, "Weeks", "2026-11-08")]
    [InlineData("CommunityOrder", "2026-11-02", 36, "Months", "2029-11-01")]
    // OrderRules.ExpectedEndDate decides month ends: 31 January plus a month is 28 February, then the day before.
    [InlineData("CommunityOrder", "2025-01-31", 1, "Months", "2025-02-27")]
    public async Task The_expected_end_date_is_the_day_before_the_same_date_after_the_length(string type, string start, int length, string unit, string expectedEnd)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var order = await TestData.CreateOrderAsync(client, person.Crn, type, start, length, unit);

        Assert.Equal(DateOnly.Parse(expectedEnd, System.Globalization.CultureInfo.InvariantCulture), order.ExpectedEndDate);
    }

    [Fact]
    public async Task Supervision_that_starts_after_sentence_runs_from_its_own_start_date()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var body = OrderBody("Licence", "2026-06-01", 6, "Months");
        body["startDate"] = "2026-12-01";

        var order = await TestData.Created<OrderDto>(await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", body));

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 5, 31)), (order.StartDate, order.ExpectedEndDate));
    }

    [Theory]
    // Statutory limits in OrderRules: community order at most 36 months (Sentencing Code s.209); suspended sentence
    // operational period 6 to 24 months (s.288); post-sentence supervision at most 12 months.
    [InlineData("CommunityOrder", 37, "Months")]
    [InlineData("CommunityOrder", 4, "Years")]
    [InlineData("CommunityOrder", 157, "Weeks")]
    [InlineData("SuspendedSentenceOrder", 25, "Months")]
    [InlineData("SuspendedSentenceOrder", 3, "Months")]
    [InlineData("SuspendedSentenceOrder", 5, "Months")]
    [InlineData("PostSentenceSupervision", 13, "Months")]
    [InlineData("Licence", 0, "Months")]
    [InlineData("Licence", 101, "Years")]
    [InlineData("CommunityOrder", int.MaxValue, "Weeks")] // once a server error: the weeks overflowed before the limit was checked
    [InlineData("Licence", int.MaxValue, "Weeks")]
    [InlineData("Licence", int.MaxValue, "Days")]
    [InlineData("Licence", int.MaxValue, "Months")]
    [InlineData("Licence", int.MaxValue, "Years")]
    public async Task A_length_outside_the_statutory_limits_for_the_order_type_is_refused(string type, int length, string unit)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", OrderBody(type, length: length, lengthUnit: unit)))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["length"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("CommunityOrder", 25, "Months")]
    [InlineData("CommunityOrder", 36, "Months")]
    [InlineData("CommunityOrder", 3, "Years")]
    [InlineData("SuspendedSentenceOrder", 6, "Months")]
    [InlineData("SuspendedSentenceOrder", 24, "Months")]
    [InlineData("PostSentenceSupervision", 12, "Months")]
    [InlineData("Custody", 10, "Years")]
    public async Task A_length_within_the_statutory_limits_is_accepted(string type, int length, string unit)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var order = await TestData.CreateOrderAsync(client, person.Crn, type, length: length, lengthUnit: unit);

        Assert.Equal((length, Enum.Parse<LengthUnit>(unit)), (order.Length, order.LengthUnit));
    }

    // A licence can be recorded before release, but not more than two years ahead.
    [Theory]
    [InlineData("2028-11-23", true)]
    [InlineData("2028-11-24", false)]
    [InlineData("9999-12-01", false)] // once a server error: its end date was past the last representable date
    public async Task Supervision_can_start_up_to_two_years_from_today_but_no_later(string startDate, bool accepted)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);
        var body = OrderBody("Licence", "2026-11-02", 1, "Years");
        body["startDate"] = startDate;

        var response = await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", body);

        if (accepted)
        {
            Assert.Equal(new DateOnly(2029, 11, 22), (await TestData.Created<OrderDto>(response)).ExpectedEndDate);
        }
        else
        {
            Assert.Equal(["startDate"], (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }
    }

    [Fact]
    public async Task A_sentence_date_in_the_future_or_supervision_starting_before_sentence_is_refused()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var person = await TestData.CreatePersonAsync(client);

        var future = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", OrderBody(sentenceDate: "2026-11-24"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["sentenceDate"], future.ErrorFields());

        var body = OrderBody(sentenceDate: "2026-11-02");
        body["startDate"] = "2026-11-01";
        var early = await (await client.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", body)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startDate"], early.ErrorFields());

        Assert.Empty((await (await client.GetAsync($"/api/v1/people/{person.Crn}/orders")).ReadAsync<PagedList<OrderDto>>()).Items);
    }

    [Fact]
    public async Task A_terminated_order_needs_the_date_and_the_reason_it_ended()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        var url = $"/api/v1/orders/{order.Id}";

        var noReason = Ended(OrderBody(), "Terminated", "2026-11-20", reason: null);
        Assert.Equal(["terminationReason"], (await (await client.PutJsonAsync(url, noReason, version: 1)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var noDate = Ended(OrderBody(), "Terminated", null, "Resentenced for a new offence");
        Assert.Equal(["terminationDate"], (await (await client.PutJsonAsync(url, noDate, version: 1)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var futureDate = Ended(OrderBody(), "Terminated", "2026-11-24", "Resentenced for a new offence");
        Assert.Equal(["terminationDate"], (await (await client.PutJsonAsync(url, futureDate, version: 1)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var activeWithDate = Ended(OrderBody(), "Active", "2026-11-20", null);
        Assert.Equal(["terminationDate"], (await (await client.PutJsonAsync(url, activeWithDate, version: 1)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var newlyTerminated = Ended(OrderBody(), "Terminated", "2026-11-20", null);
        Assert.Equal(["terminationReason"], (await (await client.PostJsonAsync($"/api/v1/people/{order.Crn}/orders", newlyTerminated)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var saved = await (await client.PutJsonAsync(url, Ended(OrderBody(), "Terminated", "2026-11-20", " Resentenced for a new offence "), version: 1)).ReadAsync<OrderDto>();
        Assert.Equal((OrderStatus.Terminated, new DateOnly(2026, 11, 20), "Resentenced for a new offence", 2), (saved.Status, saved.TerminationDate, saved.TerminationReason, saved.Version));
    }

    [Fact]
    public async Task An_order_update_needs_the_current_version()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        var url = $"/api/v1/orders/{order.Id}";
        var change = OrderBody(length: 24);

        await (await client.PutJsonAsync(url, change, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await client.PutJsonAsync(url, change, version: 1);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        Assert.Equal(new DateOnly(2028, 11, 1), (await saved.ReadAsync<OrderDto>()).ExpectedEndDate);
        await (await client.PutJsonAsync(url, OrderBody(length: 6), version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(24, (await (await client.GetAsync(url)).ReadAsync<OrderDto>()).Length);
    }

    [Fact]
    public async Task Orders_and_their_parts_with_unknown_ids_are_not_found()
    {
        var client = await app.ClientForAsync(Roles.SystemAdministrator);
        await (await client.GetAsync("/api/v1/orders/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutJsonAsync("/api/v1/orders/999999999", OrderBody(), version: 1)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/people/Z999999/orders", OrderBody())).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/orders/999999999/requirements", new { type = "Rar", rarMaxDays = 20 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/requirements/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/orders/999999999/assignments")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/assignments/999999999")).ProblemAsync(HttpStatusCode.NotFound);
    }

    // ---- Requirements ---------------------------------------------------------------------------------------

    [Fact]
    public async Task A_rar_is_recorded_with_its_maximum_days_and_reads_back_with_an_etag()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 });

        var created = await TestData.Created<RequirementDto>(response);
        Assert.Equal($"/api/v1/requirements/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(new RequirementDto(created.Id, order.Id, RequirementType.Rar, 20, null, null, null, null, RequirementStatus.NotStarted, null, null, null, 1), created);
        var read = await client.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created, await read.ReadAsync<RequirementDto>());
        var list = await (await client.GetAsync($"/api/v1/orders/{order.Id}/requirements")).ReadAsync<PagedList<RequirementDto>>();
        Assert.Equal([created], list.Items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(366)]
    public async Task A_rar_needs_its_maximum_days_from_1_to_365(int? days)
    {
        // The court sets the maximum number of RAR days (PRACTICE.md section 2, RAR).
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);

        var problem = await (await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = days })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["rarMaxDays"], problem.ErrorFields());
    }

    [Theory]
    [InlineData(39, false)]
    [InlineData(40, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public async Task Unpaid_work_is_from_40_to_300_hours(int hours, bool accepted)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);

        var response = await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "UnpaidWork", unpaidWorkHours = hours });

        if (accepted)
        {
            Assert.Equal(hours, (await TestData.Created<RequirementDto>(response)).UnpaidWorkHours);
        }
        else
        {
            Assert.Equal(["unpaidWorkHours"], (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }
    }

    [Theory]
    [InlineData("Licence")]
    [InlineData("PostSentenceSupervision")]
    [InlineData("Custody")]
    public async Task Only_community_and_suspended_sentence_orders_carry_requirements(string type)
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var order = await TestData.CreateOrderAsync(client, (await TestData.CreatePersonAsync(client)).Crn, type, length: 6);

        var problem = await (await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["type"], problem.ErrorFields());
    }

    [Fact]
    public async Task An_order_with_requirements_cannot_become_a_licence()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        await TestData.Created<RequirementDto>(await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Curfew", lengthMonths = 3 }));

        var problem = await (await client.PutJsonAsync($"/api/v1/orders/{order.Id}", OrderBody("Licence"), version: 1)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["type"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_requirement_that_has_started_needs_its_start_date_and_one_not_started_has_none()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        var url = $"/api/v1/orders/{order.Id}/requirements";

        var noStart = await (await client.PostJsonAsync(url, new { type = "Rar", rarMaxDays = 15, status = "Active" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startDate"], noStart.ErrorFields());

        var notStartedWithDate = await (await client.PostJsonAsync(url, new { type = "Rar", rarMaxDays = 15, startDate = "2026-11-09" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["status"], notStartedWithDate.ErrorFields());

        var beforeSentence = await (await client.PostJsonAsync(url, new { type = "Rar", rarMaxDays = 15, status = "Active", startDate = "2026-11-01" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["startDate"], beforeSentence.ErrorFields());

        var started = await TestData.Created<RequirementDto>(await client.PostJsonAsync(url, new { type = "Rar", rarMaxDays = 15, status = "Active", startDate = "2026-11-09" }));
        Assert.Equal((RequirementStatus.Active, new DateOnly(2026, 11, 9)), (started.Status, started.StartDate));
    }

    [Fact]
    public async Task A_requirement_update_needs_the_current_version()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        var requirement = await TestData.Created<RequirementDto>(await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "UnpaidWork", unpaidWorkHours = 120 }));
        var url = $"/api/v1/requirements/{requirement.Id}";
        var started = new { type = "UnpaidWork", unpaidWorkHours = 120, status = "Active", startDate = "2026-11-14" };

        await (await client.PutJsonAsync(url, started, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        var saved = await (await client.PutJsonAsync(url, started, version: 1)).ReadAsync<RequirementDto>();
        Assert.Equal((RequirementStatus.Active, 2), (saved.Status, saved.Version));
        await (await client.PutJsonAsync(url, started, version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    // ---- Assignments ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A_senior_probation_officer_makes_an_officer_responsible_for_an_order()
    {
        // The SPO allocates cases (PRACTICE.md section 1), on the day of sentence where possible (section 2).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id, firstName: "Rosa", lastName: "Ndlovu");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spoName = await app.CreateUserAsync(Roles.SeniorProbationOfficer);
        var spo = await app.ClientForUserAsync(spoName);

        var response = await spo.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = officer.Id, reason = " Allocated at court " });

        var assignment = await TestData.Created<AssignmentDto>(response);
        Assert.Equal($"/api/v1/assignments/{assignment.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(
            new AssignmentDto(assignment.Id, order.Id, officer.Id, "Rosa Ndlovu", app.Today, null, "Allocated at court", spoName, AppFixture.Now, 1),
            assignment);
        var read = await spo.GetAsync(response.Headers.Location);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(assignment, await read.ReadAsync<AssignmentDto>());

        Assert.Equal(new OfficerDto(officer.Id, "Rosa Ndlovu"), (await (await spo.GetAsync($"/api/v1/orders/{order.Id}")).ReadAsync<OrderDto>()).ResponsibleOfficer);
        var person = await (await spo.GetAsync($"/api/v1/people/{order.Crn}")).ReadAsync<PersonDto>();
        Assert.Equal(new OfficerDto(officer.Id, "Rosa Ndlovu"), Assert.Single(person.Orders).ResponsibleOfficer);
    }

    [Fact]
    public async Task A_new_assignment_ends_the_current_one_on_its_first_day_and_the_history_keeps_both_in_order()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var first = await TestData.CreateStaffAsync(admin, team.Id);
        var second = await TestData.CreateStaffAsync(admin, team.Id, "ProbationServiceOfficer");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var original = await TestData.AssignAsync(spo, order.Id, first.Id, fromDate: "2026-11-02");

        var transfer = await TestData.AssignAsync(spo, order.Id, second.Id, fromDate: "2026-11-16", reason: "Transfer: risk reviewed as low");

        var history = await (await spo.GetAsync($"/api/v1/orders/{order.Id}/assignments")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal([original.Id, transfer.Id], history.Items.Select(a => a.Id));
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16), 2), (history.Items[0].FromDate, history.Items[0].ToDate, history.Items[0].Version));
        Assert.Equal((new DateOnly(2026, 11, 16), (DateOnly?)null), (history.Items[1].FromDate, history.Items[1].ToDate));
        Assert.Equal(second.Id, (await (await spo.GetAsync($"/api/v1/orders/{order.Id}")).ReadAsync<OrderDto>()).ResponsibleOfficer?.StaffMemberId);
    }

    [Fact]
    public async Task A_new_assignment_cannot_start_before_the_current_one_or_before_sentence_or_go_to_the_same_officer()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var first = await TestData.CreateStaffAsync(admin, team.Id);
        var second = await TestData.CreateStaffAsync(admin, team.Id);
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        await TestData.AssignAsync(spo, order.Id, first.Id, fromDate: "2026-11-10");
        var url = $"/api/v1/orders/{order.Id}/assignments";

        var backdated = await (await spo.PostJsonAsync(url, new { staffMemberId = second.Id, fromDate = "2026-11-09", reason = "Transfer" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["fromDate"], backdated.ErrorFields());
        var same = await (await spo.PostJsonAsync(url, new { staffMemberId = first.Id, reason = "Again" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["staffMemberId"], same.ErrorFields());
        var farAhead = await (await spo.PostJsonAsync(url, new { staffMemberId = second.Id, fromDate = "2026-12-25", reason = "Later" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["fromDate"], farAhead.ErrorFields());

        var other = await TestData.CreatePersonWithOrderAsync(admin);
        var beforeSentence = await (await spo.PostJsonAsync($"/api/v1/orders/{other.Id}/assignments", new { staffMemberId = second.Id, fromDate = "2026-11-01", reason = "Early" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["fromDate"], beforeSentence.ErrorFields());

        Assert.Single((await (await spo.GetAsync(url)).ReadAsync<PagedList<AssignmentDto>>()).Items);
    }

    [Theory]
    [InlineData("CourtOfficer")]
    [InlineData("CaseAdministrator")]
    public async Task Staff_who_do_not_hold_cases_cannot_be_made_responsible(string grade)
    {
        // Court officers and case administrators support cases but do not hold them (PRACTICE.md section 1).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var member = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id, grade);
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);

        var problem = await (await spo.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = member.Id, reason = "Allocation" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["staffMemberId"], problem.ErrorFields());
        Assert.Null((await (await spo.GetAsync($"/api/v1/orders/{order.Id}")).ReadAsync<OrderDto>()).ResponsibleOfficer);
    }

    [Fact]
    public async Task A_case_cannot_go_to_someone_who_has_left_or_has_not_yet_started()
    {
        // No case goes to someone who is away (PRACTICE.md section 7, line 3).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var leaver = await TestData.CreateStaffAsync(admin, team.Id, endDate: "2026-10-31");
        var starter = await TestData.CreateStaffAsync(admin, team.Id, startDate: "2026-12-01");
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var url = $"/api/v1/orders/{order.Id}/assignments";

        Assert.Equal(["staffMemberId"], (await (await spo.PostJsonAsync(url, new { staffMemberId = leaver.Id, reason = "Allocation" })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["staffMemberId"], (await (await spo.PostJsonAsync(url, new { staffMemberId = starter.Id, reason = "Allocation" })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["staffMemberId"], (await (await spo.PostJsonAsync(url, new { staffMemberId = 999_999_999, reason = "Allocation" })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["reason", "staffMemberId"], (await (await spo.PostJsonAsync(url, new { })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().Order());

        // From their first day in post they can.
        await TestData.AssignAsync(spo, order.Id, starter.Id, fromDate: "2026-12-01");
    }

    [Theory]
    [InlineData(Roles.ProbationOfficer)]
    [InlineData(Roles.ProbationServiceOfficer)]
    [InlineData(Roles.CaseAdministrator)]
    [InlineData(Roles.CourtOfficer)]
    public async Task Only_managers_allocate_cases(string role)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id);
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var assignment = await TestData.AssignAsync(admin, order.Id, officer.Id);
        var other = await TestData.CreatePersonWithOrderAsync(admin);
        var client = await app.ClientForAsync(role);

        await (await client.PostJsonAsync($"/api/v1/orders/{other.Id}/assignments", new { staffMemberId = officer.Id, reason = "Self-allocation" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"/api/v1/assignments/{assignment.Id}", new { reason = "Rewritten" }, version: 1)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Null((await (await client.GetAsync($"/api/v1/orders/{other.Id}")).ReadAsync<OrderDto>()).ResponsibleOfficer);
        Assert.Equal(assignment, await (await client.GetAsync($"/api/v1/assignments/{assignment.Id}")).ReadAsync<AssignmentDto>());
    }

    [Fact]
    public async Task Terminating_an_order_ends_its_current_assignment_and_it_can_no_longer_be_allocated()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var other = await TestData.CreateStaffAsync(admin, team.Id);
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var assignment = await TestData.AssignAsync(spo, order.Id, officer.Id, fromDate: "2026-11-02");

        var terminated = Ended(OrderBody(), "Terminated", "2026-11-20", "Revoked and resentenced to custody");
        // Version 2: the allocation changed the order's responsible officer.
        var saved = await (await admin.PutJsonAsync($"/api/v1/orders/{order.Id}", terminated, version: 2)).ReadAsync<OrderDto>();

        Assert.Null(saved.ResponsibleOfficer);
        var ended = await (await spo.GetAsync($"/api/v1/assignments/{assignment.Id}")).ReadAsync<AssignmentDto>();
        // The officer was responsible up to and including the order's last day; ToDate is exclusive.
        Assert.Equal((new DateOnly(2026, 11, 21), 2), (ended.ToDate, ended.Version));
        var caseload = await (await spo.GetAsync($"/api/v1/assignments?staffMemberId={officer.Id}&current=true")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Empty(caseload.Items);

        var refused = await (await spo.PostJsonAsync($"/api/v1/orders/{order.Id}/assignments", new { staffMemberId = other.Id, reason = "Reallocation" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["staffMemberId"], refused.ErrorFields());
    }

    [Fact]
    public async Task The_unallocated_list_holds_an_order_until_it_is_allocated()
    {
        // Service users were turned away from induction because the case was not yet allocated (PRACTICE.md section 2).
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await TestData.CreateStaffAsync(admin, (await TestData.CreateTeamAsync(admin)).Id);
        var order = await TestData.CreatePersonWithOrderAsync(admin);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var ending = $"endingFrom={order.ExpectedEndDate:yyyy-MM-dd}&endingTo={order.ExpectedEndDate:yyyy-MM-dd}&pageSize=200";

        var before = await (await spo.GetAsync($"/api/v1/orders?unallocated=true&{ending}")).ReadAsync<PagedList<OrderDto>>();
        Assert.Contains(before.Items, o => o.Id == order.Id);
        Assert.DoesNotContain((await (await spo.GetAsync($"/api/v1/orders?unallocated=false&{ending}")).ReadAsync<PagedList<OrderDto>>()).Items, o => o.Id == order.Id);

        await TestData.AssignAsync(spo, order.Id, officer.Id);

        var after = await (await spo.GetAsync($"/api/v1/orders?unallocated=true&{ending}")).ReadAsync<PagedList<OrderDto>>();
        Assert.DoesNotContain(after.Items, o => o.Id == order.Id);
        Assert.Equal(before.Total - 1, after.Total);
        Assert.Contains((await (await spo.GetAsync($"/api/v1/orders?unallocated=false&{ending}")).ReadAsync<PagedList<OrderDto>>()).Items, o => o.Id == order.Id);
    }

    [Fact]
    public async Task The_order_list_filters_by_status_type_and_expected_end()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var crn = (await TestData.CreatePersonAsync(admin)).Crn;
        var licence = await TestData.CreateOrderAsync(admin, crn, "Licence", "2025-11-23", 1, "Days");
        var sso = await TestData.CreateOrderAsync(admin, crn, "SuspendedSentenceOrder", "2025-11-23", 1, "Years");
        var ending = "endingFrom=2025-11-23&endingTo=2026-11-22&pageSize=200";

        var licences = await (await admin.GetAsync($"/api/v1/orders?type=Licence&{ending}")).ReadAsync<PagedList<OrderDto>>();
        Assert.Contains(licences.Items, o => o.Id == licence.Id);
        Assert.DoesNotContain(licences.Items, o => o.Id == sso.Id);
        Assert.All(licences.Items, o => Assert.Equal(OrderType.Licence, o.Type));

        var ssos = await (await admin.GetAsync($"/api/v1/orders?status=Active&type=SuspendedSentenceOrder&endingFrom=2026-11-22&endingTo=2026-11-22")).ReadAsync<PagedList<OrderDto>>();
        Assert.Contains(ssos.Items, o => o.Id == sso.Id);
        Assert.All(ssos.Items, o => Assert.Equal((OrderType.SuspendedSentenceOrder, new DateOnly(2026, 11, 22)), (o.Type, o.ExpectedEndDate)));
    }

    [Fact]
    public async Task An_officers_current_assignments_are_their_caseload()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var colleague = await TestData.CreateStaffAsync(admin, team.Id);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var kept1 = await TestData.AssignAsync(spo, (await TestData.CreatePersonWithOrderAsync(admin)).Id, officer.Id, fromDate: "2026-11-03");
        var kept2 = await TestData.AssignAsync(spo, (await TestData.CreatePersonWithOrderAsync(admin)).Id, officer.Id, fromDate: "2026-11-05");
        var movedOrder = await TestData.CreatePersonWithOrderAsync(admin);
        var moved = await TestData.AssignAsync(spo, movedOrder.Id, officer.Id, fromDate: "2026-11-02");
        await TestData.AssignAsync(spo, movedOrder.Id, colleague.Id, fromDate: "2026-11-10");

        var caseload = await (await spo.GetAsync($"/api/v1/assignments?staffMemberId={officer.Id}&current=true")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal([kept2.Id, kept1.Id], caseload.Items.Select(a => a.Id));
        Assert.Equal(2, caseload.Total);

        var past = await (await spo.GetAsync($"/api/v1/assignments?staffMemberId={officer.Id}&current=false")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal(moved.Id, Assert.Single(past.Items).Id);

        var all = await (await spo.GetAsync($"/api/v1/assignments?staffMemberId={officer.Id}")).ReadAsync<PagedList<AssignmentDto>>();
        Assert.Equal(3, all.Total);
    }

    [Fact]
    public async Task Correcting_an_assignment_changes_only_its_reason_and_needs_the_current_version()
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var team = await TestData.CreateTeamAsync(admin);
        var officer = await TestData.CreateStaffAsync(admin, team.Id);
        var other = await TestData.CreateStaffAsync(admin, team.Id);
        var spo = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var assignment = await TestData.AssignAsync(spo, (await TestData.CreatePersonWithOrderAsync(admin)).Id, officer.Id, fromDate: "2026-11-02");
        var url = $"/api/v1/assignments/{assignment.Id}";

        // Who and when change only by a new assignment: the update request has no such fields.
        var reassigned = await (await spo.PutJsonAsync(url, new { reason = "Typo fixed", staffMemberId = other.Id }, version: 1)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["staffMemberId"], reassigned.ErrorFields());
        await (await spo.PutJsonAsync(url, new { reason = "Typo fixed" }, version: null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        Assert.Equal(["reason"], (await (await spo.PutJsonAsync(url, new { reason = " " }, version: 1)).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var response = await spo.PutJsonAsync(url, new { reason = "Allocated on the day of sentence" }, version: 1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(assignment with { Reason = "Allocated on the day of sentence", Version = 2 }, await response.ReadAsync<AssignmentDto>());

        await (await spo.PutJsonAsync(url, new { reason = "Lost update" }, version: 1)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("Allocated on the day of sentence", (await (await spo.GetAsync(url)).ReadAsync<AssignmentDto>()).Reason);
    }

    private static Dictionary<string, object?> OrderBody(
        string type = "CommunityOrder", string sentenceDate = "2026-11-02", int length = 12, string lengthUnit = "Months") => new()
        {
            ["type"] = type,
            ["court"] = "Birmingham Magistrates' Court",
            ["offence"] = "Theft from a shop",
            ["sentenceDate"] = sentenceDate,
            ["length"] = length,
            ["lengthUnit"] = lengthUnit,
        };

    private static Dictionary<string, object?> Ended(Dictionary<string, object?> body, string status, string? date, string? reason)
    {
        body["status"] = status;
        body["terminationDate"] = date;
        body["terminationReason"] = reason;
        return body;
    }
}

public sealed class OrdersApiTests_Sqlite(SqliteApp app) : OrdersApiTests(app), IClassFixture<SqliteApp>;

public sealed class OrdersApiTests_Postgres(PostgresApp app) : OrdersApiTests(app), IClassFixture<PostgresApp>;
