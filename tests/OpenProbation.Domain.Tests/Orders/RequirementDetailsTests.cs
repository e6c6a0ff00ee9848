using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>Requirements of community and suspended sentence orders (PRACTICE.md section 2).</summary>
public class RequirementDetailsTests
{
    private static readonly DateOnly _today = new(2026, 3, 15);

    private static readonly RequirementDetails _notStarted =
        new(RequirementType.Drr, null, null, null, null, null, null, null, null, null);

    [Theory]
    [InlineData(RequirementType.Rar, "rarMaxDays")]
    [InlineData(RequirementType.UnpaidWork, "unpaidWorkHours")]
    [InlineData(RequirementType.AccreditedProgramme, "programmeName")]
    [InlineData(RequirementType.Drr, null)]
    [InlineData(RequirementType.Atr, null)]
    [InlineData(RequirementType.Mhtr, null)]
    [InlineData(RequirementType.Curfew, null)]
    [InlineData(RequirementType.Exclusion, null)]
    [InlineData(RequirementType.Other, "description")]
    public void Each_type_of_requirement_needs_its_own_detail(RequirementType type, string? requiredField)
    {
        var bare = _notStarted with { Type = type };

        ErrorAssert.Fields(bare.Validate(AnOrder(), _today), requiredField is null ? [] : [requiredField]);
        ErrorAssert.Valid(WithItsDetail(bare).Validate(AnOrder(), _today));
    }

    [Fact]
    public void A_type_is_required_and_must_be_a_named_one()
    {
        Assert.Equal("Select a type of requirement", ErrorAssert.Single((_notStarted with { Type = null }).Validate(AnOrder(), _today), "type"));
        Assert.Equal("Select a valid type of requirement", ErrorAssert.Single((_notStarted with { Type = (RequirementType)0 }).Validate(AnOrder(), _today), "type"));
    }

    // Sentencing Code, Schedule 9 paragraph 2: 40 to 300 hours.
    [Theory]
    [InlineData(null, false)]
    [InlineData(0, false)]
    [InlineData(39, false)]
    [InlineData(40, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Unpaid_work_is_40_to_300_hours(int? hours, bool valid)
    {
        var errors = (_notStarted with { Type = RequirementType.UnpaidWork, UnpaidWorkHours = hours }).Validate(AnOrder(), _today);

        ErrorAssert.Fields(errors, valid ? [] : ["unpaidWorkHours"]);
    }

    // PRACTICE.md section 2 (RAR): the court sets a maximum number of days; above a year is a typing mistake.
    [Theory]
    [InlineData(null, false)]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(60, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void A_RAR_has_a_maximum_of_1_to_365_days(int? days, bool valid)
    {
        var errors = (_notStarted with { Type = RequirementType.Rar, RarMaxDays = days }).Validate(AnOrder(), _today);

        ErrorAssert.Fields(errors, valid ? [] : ["rarMaxDays"]);
    }

    [Theory]
    [InlineData(RequirementType.UnpaidWork)]
    [InlineData(RequirementType.AccreditedProgramme)]
    [InlineData(RequirementType.Curfew)]
    [InlineData(RequirementType.Other)]
    public void RAR_days_belong_only_to_a_RAR(RequirementType type)
    {
        var errors = (WithItsDetail(_notStarted with { Type = type }) with { RarMaxDays = 20 }).Validate(AnOrder(), _today);

        Assert.Equal("RAR days apply only to a RAR", ErrorAssert.Single(errors, "rarMaxDays"));
    }

    [Theory]
    [InlineData(RequirementType.Rar)]
    [InlineData(RequirementType.AccreditedProgramme)]
    [InlineData(RequirementType.Exclusion)]
    [InlineData(RequirementType.Other)]
    public void Unpaid_work_hours_belong_only_to_unpaid_work(RequirementType type)
    {
        var errors = (WithItsDetail(_notStarted with { Type = type }) with { UnpaidWorkHours = 100 }).Validate(AnOrder(), _today);

        Assert.Equal("Unpaid work hours apply only to unpaid work", ErrorAssert.Single(errors, "unpaidWorkHours"));
    }

    [Theory]
    [InlineData(RequirementType.AccreditedProgramme, "programmeName", "  ")]
    [InlineData(RequirementType.Other, "description", "")]
    [InlineData(RequirementType.Other, "description", "\t")]
    public void A_blank_programme_name_or_description_is_missing(RequirementType type, string field, string blank)
    {
        var details = type == RequirementType.AccreditedProgramme
            ? _notStarted with { Type = type, ProgrammeName = blank }
            : _notStarted with { Type = type, Description = blank };

        ErrorAssert.Single(details.Validate(AnOrder(), _today), field);
    }

    [Theory]
    [InlineData("programmeName", 200)]
    [InlineData("description", 2000)]
    [InlineData("terminationReason", 2000)]
    public void Free_text_has_its_limit(string field, int limit)
    {
        RequirementDetails With(int length) => field switch
        {
            "programmeName" => _notStarted with { Type = RequirementType.AccreditedProgramme, ProgrammeName = new string('p', length) },
            "description" => _notStarted with { Description = new string('d', length) },
            _ => Terminated() with { TerminationReason = new string('r', length) },
        };

        ErrorAssert.Valid(With(limit).Validate(AnOrder(), _today));
        ErrorAssert.Single(With(limit + 1).Validate(AnOrder(), _today), field);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void A_length_given_in_months_is_1_to_36(int? months, bool valid) =>
        ErrorAssert.Fields((_notStarted with { LengthMonths = months }).Validate(AnOrder(), _today), valid ? [] : ["lengthMonths"]);

    // PRACTICE.md section 2: community and suspended sentence orders carry requirements; licences and
    // post-sentence supervision follow custody and carry licence conditions instead.
    [Theory]
    [InlineData(OrderType.CommunityOrder, true)]
    [InlineData(OrderType.SuspendedSentenceOrder, true)]
    [InlineData(OrderType.Licence, false)]
    [InlineData(OrderType.PostSentenceSupervision, false)]
    [InlineData(OrderType.Custody, false)]
    public void Only_community_and_suspended_sentence_orders_carry_requirements(OrderType orderType, bool carries)
    {
        var errors = _notStarted.Validate(AnOrder(orderType), _today);

        if (carries)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.StartsWith($"A {OrderRules.Describe(orderType)} does not carry requirements", ErrorAssert.Single(errors, "type"), StringComparison.Ordinal);
        }
    }

    // Requirement doc comments: a start date once started; an end date once completed or terminated;
    // a reason once terminated.
    [Theory]
    [InlineData(null, null, null, null, new string[0])]
    [InlineData(null, "2026-02-01", null, null, new[] { "status" })]
    [InlineData(RequirementStatus.NotStarted, null, null, null, new string[0])]
    [InlineData(RequirementStatus.NotStarted, "2026-02-01", null, null, new[] { "status" })]
    [InlineData(RequirementStatus.NotStarted, null, "2026-02-01", null, new[] { "status" })]
    [InlineData(RequirementStatus.Active, "2026-02-01", null, null, new string[0])]
    [InlineData(RequirementStatus.Active, null, null, null, new[] { "startDate" })]
    [InlineData(RequirementStatus.Active, "2026-02-01", "2026-03-01", null, new[] { "endDate" })]
    [InlineData(RequirementStatus.Completed, "2026-02-01", "2026-03-01", null, new string[0])]
    [InlineData(RequirementStatus.Completed, "2026-02-01", null, null, new[] { "endDate" })]
    [InlineData(RequirementStatus.Completed, null, "2026-03-01", null, new[] { "startDate" })]
    [InlineData(RequirementStatus.Terminated, "2026-02-01", "2026-03-01", "Order revoked", new string[0])]
    [InlineData(RequirementStatus.Terminated, "2026-02-01", "2026-03-01", null, new[] { "terminationReason" })]
    [InlineData(RequirementStatus.Terminated, "2026-02-01", "2026-03-01", " ", new[] { "terminationReason" })]
    [InlineData(RequirementStatus.Terminated, "2026-02-01", null, "Order revoked", new[] { "endDate" })]
    [InlineData(RequirementStatus.Terminated, null, null, null, new[] { "startDate", "endDate", "terminationReason" })]
    public void Each_status_has_the_dates_that_go_with_it(
        RequirementStatus? status, string? start, string? end, string? reason, string[] errorFields)
    {
        var details = _notStarted with { Status = status, StartDate = Maybe(start), EndDate = Maybe(end), TerminationReason = reason };

        ErrorAssert.Fields(details.Validate(AnOrder(), _today), errorFields);
    }

    [Fact]
    public void The_status_must_be_a_named_one()
    {
        var errors = (_notStarted with { Status = (RequirementStatus)7 }).Validate(AnOrder(), _today);

        Assert.Equal(["Select a valid status"], ErrorAssert.Messages(errors, "status"));
    }

    [Theory]
    [InlineData("2026-01-10", "2026-03-15", null, null)]
    [InlineData("2026-01-09", null, "startDate", "A requirement cannot start before the date of sentence")]
    [InlineData("2026-03-16", null, "startDate", "The start date must be today or in the past")]
    [InlineData("2026-02-01", "2026-02-01", null, null)]
    [InlineData("2026-02-02", "2026-02-01", "endDate", "The end date must be the same as or after the start date")]
    [InlineData("2026-02-01", "2026-03-16", "endDate", "The end date must be today or in the past")]
    public void A_requirement_runs_from_the_sentence_date_or_later_and_ends_today_or_earlier(
        string start, string? end, string? errorField, string? message)
    {
        var details = _notStarted with
        {
            Status = end is null ? RequirementStatus.Active : RequirementStatus.Completed,
            StartDate = D(start),
            EndDate = Maybe(end),
        };

        var errors = details.Validate(AnOrder(), _today);

        if (errorField is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, errorField));
        }
    }

    // PRACTICE.md section 7, line 8: requirements must be delivered before the order ends.
    [Theory]
    [InlineData(RequirementStatus.Completed, "2026-01-09", true)]
    [InlineData(RequirementStatus.Completed, "2026-01-10", false)]
    [InlineData(RequirementStatus.Terminated, "2026-01-09", true)]
    [InlineData(RequirementStatus.Terminated, "2026-01-10", false)]
    public void A_requirement_cannot_end_after_its_order_has_ended(RequirementStatus status, string ended, bool valid)
    {
        var order = AnOrder(sentenced: new DateOnly(2025, 1, 10), expectedEnd: new DateOnly(2026, 1, 9));
        var details = _notStarted with
        {
            Status = status,
            StartDate = new DateOnly(2025, 2, 1),
            EndDate = D(ended),
            TerminationReason = status == RequirementStatus.Terminated ? "Order revoked" : null,
        };

        var errors = details.Validate(order, _today);

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("A requirement must end by the end of the order", ErrorAssert.Single(errors, "endDate"));
        }
    }

    [Fact]
    public void A_requirement_cannot_start_after_its_order_ends()
    {
        var order = AnOrder(sentenced: new DateOnly(2025, 1, 10), expectedEnd: new DateOnly(2026, 1, 9));
        var details = _notStarted with { Status = RequirementStatus.Active, StartDate = new DateOnly(2026, 1, 10) };
        Assert.Equal("A requirement cannot start after the order ends", ErrorAssert.Single(details.Validate(order, _today), "startDate"));
    }

    [Theory]
    [InlineData(OrderStatus.Active, RequirementStatus.NotStarted, true)]
    [InlineData(OrderStatus.Breached, RequirementStatus.NotStarted, true)]
    [InlineData(OrderStatus.Completed, RequirementStatus.NotStarted, false)]
    [InlineData(OrderStatus.Terminated, RequirementStatus.NotStarted, false)]
    [InlineData(OrderStatus.Revoked, RequirementStatus.NotStarted, false)]
    [InlineData(OrderStatus.Revoked, RequirementStatus.Active, false)]
    [InlineData(OrderStatus.Revoked, RequirementStatus.Terminated, true)]
    [InlineData(OrderStatus.Completed, RequirementStatus.Completed, true)]
    public void An_ended_order_has_no_requirement_left_to_deliver(OrderStatus orderStatus, RequirementStatus status, bool valid)
    {
        var order = AnOrder();
        order.Status = orderStatus;
        var details = status switch
        {
            RequirementStatus.NotStarted => _notStarted,
            RequirementStatus.Active => _notStarted with { Status = status, StartDate = new DateOnly(2026, 2, 1) },
            RequirementStatus.Terminated => Terminated(),
            _ => _notStarted with { Status = status, StartDate = new DateOnly(2026, 2, 1), EndDate = new DateOnly(2026, 3, 1) },
        };

        var errors = details.Validate(order, _today);

        ErrorAssert.Fields(errors, valid ? [] : ["status"]);
    }

    [Fact]
    public void The_order_is_needed_to_check_a_requirement() =>
        Assert.Throws<ArgumentNullException>(() => _notStarted.Validate(null!, _today));

    [Fact]
    public void Applying_keeps_only_the_detail_that_belongs_to_the_type_and_defaults_to_not_started()
    {
        var requirement = new Requirement();

        requirement.Apply(new RequirementDetails(RequirementType.AccreditedProgramme, 20, 100, " Building Better Relationships ", 12, " ", null, null, null, null));

        Assert.Equal(RequirementType.AccreditedProgramme, requirement.Type);
        Assert.Null(requirement.RarMaxDays);
        Assert.Null(requirement.UnpaidWorkHours);
        Assert.Equal("Building Better Relationships", requirement.ProgrammeName);
        Assert.Equal(12, requirement.LengthMonths);
        Assert.Null(requirement.Description);
        Assert.Equal(RequirementStatus.NotStarted, requirement.Status);
    }

    private static RequirementDetails Terminated() => _notStarted with
    {
        Status = RequirementStatus.Terminated,
        StartDate = new DateOnly(2026, 2, 1),
        EndDate = new DateOnly(2026, 3, 1),
        TerminationReason = "Order revoked",
    };

    private static RequirementDetails WithItsDetail(RequirementDetails details) => details.Type switch
    {
        RequirementType.Rar => details with { RarMaxDays = 20 },
        RequirementType.UnpaidWork => details with { UnpaidWorkHours = 120 },
        RequirementType.AccreditedProgramme => details with { ProgrammeName = "Building Better Relationships" },
        RequirementType.Other => details with { Description = "Attend a victim awareness course" },
        _ => details,
    };

    private static Order AnOrder(
        OrderType type = OrderType.CommunityOrder, DateOnly? sentenced = null, DateOnly? expectedEnd = null)
    {
        var sentence = sentenced ?? new DateOnly(2026, 1, 10);
        return new Order
        {
            Type = type,
            SentenceDate = sentence,
            StartDate = sentence,
            Length = 12,
            LengthUnit = LengthUnit.Months,
            ExpectedEndDate = expectedEnd ?? OrderRules.ExpectedEndDate(sentence, 12, LengthUnit.Months),
            Status = OrderStatus.Active,
        };
    }
}
