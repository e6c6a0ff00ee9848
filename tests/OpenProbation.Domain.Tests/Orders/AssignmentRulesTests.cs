using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>
/// Handing an order to a responsible officer (AssignmentRules doc comment; PRACTICE.md section 1 for who holds
/// cases, section 7 line 3 for allocation to staff who are away).
/// </summary>
public class AssignmentRulesTests
{
    private const int OfficerId = 7;
    private static readonly DateOnly _today = new(2026, 3, 15);
    private static readonly DateOnly _sentenced = new(2026, 3, 1);
    private static readonly AssignmentDetails _details = new(OfficerId, null, "Allocation on the day of sentence");

    [Fact]
    public void A_probation_officer_in_post_can_take_a_live_order_from_today() =>
        ErrorAssert.Valid(Validate(_details));

    [Theory]
    [InlineData(StaffGrade.ProbationOfficer, true)]
    [InlineData(StaffGrade.ProbationServiceOfficer, true)]
    [InlineData(StaffGrade.TraineeProbationOfficer, true)]
    [InlineData(StaffGrade.SeniorProbationOfficer, true)]
    [InlineData(StaffGrade.CaseAdministrator, false)]
    [InlineData(StaffGrade.CourtOfficer, false)]
    public void Only_case_holding_grades_can_be_responsible_officer_and_court_officers_and_administrators_cannot(
        StaffGrade grade, bool canHold)
    {
        Assert.Equal(canHold, StaffGrades.CanHoldCases(grade));

        var errors = ValidateFor(Officer(grade), _details);

        if (canHold)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("Sam Patel is not of a grade that holds cases", ErrorAssert.Single(errors, "staffMemberId"));
        }
    }

    [Fact]
    public void A_grade_that_names_no_member_cannot_hold_cases() =>
        Assert.False(StaffGrades.CanHoldCases((StaffGrade)0));

    [Theory]
    [InlineData("2026-03-10", null, "2026-03-09", false)]
    [InlineData("2026-03-10", null, "2026-03-10", true)]
    [InlineData("2020-01-01", "2026-03-10", "2026-03-10", true)]
    [InlineData("2020-01-01", "2026-03-10", "2026-03-11", false)]
    [InlineData("2026-04-01", null, null, false)]
    [InlineData("2020-01-01", "2026-03-14", null, false)]
    public void The_officer_must_be_in_post_on_the_first_day_of_responsibility(
        string officerStart, string? officerLeft, string? from, bool valid)
    {
        var officer = Officer(StaffGrade.ProbationOfficer, D(officerStart), Maybe(officerLeft));

        var errors = ValidateFor(officer, _details with { FromDate = Maybe(from) });

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.StartsWith("Sam Patel is not in post on ", ErrorAssert.Single(errors, "staffMemberId"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(OrderStatus.Active, true)]
    [InlineData(OrderStatus.Breached, true)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Terminated, false)]
    [InlineData(OrderStatus.Revoked, false)]
    public void Only_a_live_order_can_be_allocated(OrderStatus status, bool live)
    {
        var errors = Validate(_details, order: AnOrder(status));

        if (live)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("The order has ended: it cannot be allocated", ErrorAssert.Single(errors, "staffMemberId"));
        }
    }

    [Theory]
    [InlineData("2026-02-28", "Responsibility cannot start before the date of sentence")]
    [InlineData("2026-03-01", null)]
    [InlineData("2026-03-14", null)]
    [InlineData("2026-04-15", null)]
    [InlineData("2026-04-16", "Responsibility can start at most 31 days ahead")]
    public void Responsibility_starts_between_the_sentence_date_and_31_days_from_today(string from, string? message)
    {
        var errors = Validate(_details with { FromDate = D(from) });

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "fromDate"));
        }
    }

    [Theory]
    [InlineData("2026-03-09", false)]
    [InlineData("2026-03-10", true)]
    [InlineData("2026-03-20", true)]
    public void A_new_officer_cannot_start_before_the_current_officer_did_so_history_is_not_rewritten(string from, bool valid)
    {
        var current = new Assignment { StaffMemberId = 3, FromDate = new DateOnly(2026, 3, 10) };

        var errors = Validate(_details with { FromDate = D(from) }, current: current);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("Responsibility cannot start before the current officer's did", ErrorAssert.Single(errors, "fromDate"));
        }
    }

    [Fact]
    public void The_current_responsible_officer_cannot_be_assigned_again()
    {
        var current = new Assignment { StaffMemberId = OfficerId, FromDate = _sentenced };

        Assert.Equal("Sam Patel is already the responsible officer", ErrorAssert.Single(Validate(_details, current: current), "staffMemberId"));
    }

    [Fact]
    public void An_officer_must_be_chosen_and_must_exist()
    {
        Assert.Equal(
            "Select the responsible officer",
            ErrorAssert.Single(ValidateFor(null, _details with { StaffMemberId = null }), "staffMemberId"));
        Assert.Equal(
            "There is no member of staff with that id",
            ErrorAssert.Single(ValidateFor(null, _details with { StaffMemberId = 99 }), "staffMemberId"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_reason_for_the_allocation_is_required(string? reason) =>
        Assert.Equal("Enter the reason for the allocation", ErrorAssert.Single(Validate(_details with { Reason = reason }), "reason"));

    [Fact]
    public void The_reason_may_be_2000_characters_but_not_2001()
    {
        ErrorAssert.Valid(Validate(_details with { Reason = new string('r', 2000) }));
        ErrorAssert.Single(Validate(_details with { Reason = new string('r', 2001) }), "reason");
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var officer = Officer(StaffGrade.CourtOfficer, new DateOnly(2026, 4, 1), null);
        var current = new Assignment { StaffMemberId = OfficerId, FromDate = new DateOnly(2026, 3, 10) };

        var errors = ValidateFor(officer, _details with { FromDate = new DateOnly(2026, 2, 1), Reason = null }, AnOrder(OrderStatus.Revoked), current);

        ErrorAssert.Fields(errors, "staffMemberId", "fromDate", "reason");
        Assert.Equal(4, ErrorAssert.Messages(errors, "staffMemberId").Length);
        Assert.Equal(2, ErrorAssert.Messages(errors, "fromDate").Length);
    }

    [Fact]
    public void The_details_and_the_order_are_needed()
    {
        Assert.Throws<ArgumentNullException>(() => AssignmentRules.Validate(null!, AnOrder(), Officer(), null, _today));
        Assert.Throws<ArgumentNullException>(() => AssignmentRules.Validate(_details, null!, Officer(), null, _today));
    }

    // Validate with a probation officer in post since 2020; ValidateFor with the officer given (or none).
    private static ValidationErrors Validate(AssignmentDetails details, Order? order = null, Assignment? current = null) =>
        ValidateFor(Officer(), details, order, current);

    private static ValidationErrors ValidateFor(
        StaffMember? officer, AssignmentDetails details, Order? order = null, Assignment? current = null) =>
        AssignmentRules.Validate(details, order ?? AnOrder(), officer, current, _today);

    private static Order AnOrder(OrderStatus status = OrderStatus.Active) => new()
    {
        Type = OrderType.CommunityOrder,
        SentenceDate = _sentenced,
        StartDate = _sentenced,
        Length = 12,
        LengthUnit = LengthUnit.Months,
        ExpectedEndDate = new DateOnly(2027, 2, 28),
        Status = status,
    };

    private static StaffMember Officer(
        StaffGrade grade = StaffGrade.ProbationOfficer, DateOnly? start = null, DateOnly? left = null) => new()
    {
        Id = OfficerId,
        FirstName = "Sam",
        LastName = "Patel",
        Grade = grade,
        ContractedHours = 37m,
        StartDate = start ?? new DateOnly(2020, 1, 1),
        EndDate = left,
    };
}
