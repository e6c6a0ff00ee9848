using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

public class OrderDetailsTests
{
    private static readonly DateOnly _today = new(2026, 3, 15);

    private static readonly OrderDetails _valid = new(
        OrderType.CommunityOrder, "Birmingham Magistrates' Court", "Theft from a shop", new DateOnly(2026, 1, 10),
        null, 12, LengthUnit.Months, null, null, null, null);

    [Fact]
    public void Complete_details_are_valid() => ErrorAssert.Valid(_valid.Validate(_today));

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_field_names_a_client_sends()
    {
        var nothing = new OrderDetails(null, null, null, null, null, null, null, null, null, null, null);

        ErrorAssert.Fields(nothing.Validate(_today), "type", "court", "offence", "sentenceDate", "length", "lengthUnit");
    }

    [Fact]
    public void Type_and_unit_must_be_named_members_and_an_unknown_unit_skips_the_length_checks()
    {
        Assert.Equal("Select a valid type of order", ErrorAssert.Single((_valid with { Type = (OrderType)0 }).Validate(_today), "type"));
        Assert.Equal("Select a valid unit for the length", ErrorAssert.Single((_valid with { LengthUnit = (LengthUnit)9, Length = 99_999 }).Validate(_today), "lengthUnit"));
        Assert.Equal("Select a valid status", ErrorAssert.Single((_valid with { Status = (OrderStatus)0 }).Validate(_today), "status"));
    }

    [Theory]
    [InlineData("court", 200)]
    [InlineData("offence", 200)]
    public void Court_and_offence_may_be_200_characters_but_not_201(string field, int limit)
    {
        ErrorAssert.Valid(WithText(field, new string('c', limit)).Validate(_today));
        ErrorAssert.Single(WithText(field, new string('c', limit + 1)).Validate(_today), field);
    }

    [Fact]
    public void A_termination_reason_may_be_2000_characters_but_not_2001()
    {
        var terminated = _valid with { Status = OrderStatus.Terminated, TerminationDate = _today };

        ErrorAssert.Valid((terminated with { TerminationReason = new string('r', 2000) }).Validate(_today));
        ErrorAssert.Single((terminated with { TerminationReason = new string('r', 2001) }).Validate(_today), "terminationReason");
    }

    // Sentencing Code s.209 (community order at most 3 years), s.288 (suspended sentence operational period
    // 6 months to 2 years), post-sentence supervision at most 12 months; other kinds at most 100 years
    // (OrderRules.LongestTermMonths). Days and weeks are converted to months: rounded up against a maximum,
    // rounded down against a minimum.
    [Theory]
    [InlineData(OrderType.CommunityOrder, 1, LengthUnit.Days, null)]
    [InlineData(OrderType.CommunityOrder, 36, LengthUnit.Months, null)]
    [InlineData(OrderType.CommunityOrder, 37, LengthUnit.Months, "A community order can be at most 36 months long")]
    [InlineData(OrderType.CommunityOrder, 3, LengthUnit.Years, null)]
    [InlineData(OrderType.CommunityOrder, 4, LengthUnit.Years, "A community order can be at most 36 months long")]
    [InlineData(OrderType.CommunityOrder, 156, LengthUnit.Weeks, null)]
    [InlineData(OrderType.CommunityOrder, 157, LengthUnit.Weeks, "A community order can be at most 36 months long")]
    [InlineData(OrderType.CommunityOrder, 1095, LengthUnit.Days, null)]
    [InlineData(OrderType.CommunityOrder, 1096, LengthUnit.Days, "A community order can be at most 36 months long")]
    [InlineData(OrderType.CommunityOrder, int.MaxValue, LengthUnit.Weeks, "A community order can be at most 36 months long")]
    [InlineData(OrderType.CommunityOrder, int.MaxValue, LengthUnit.Years, "A community order can be at most 36 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 5, LengthUnit.Months, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 6, LengthUnit.Months, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 24, LengthUnit.Months, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 25, LengthUnit.Months, "A suspended sentence order can be at most 24 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 2, LengthUnit.Years, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 3, LengthUnit.Years, "A suspended sentence order can be at most 24 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 104, LengthUnit.Weeks, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 105, LengthUnit.Weeks, "A suspended sentence order can be at most 24 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 730, LengthUnit.Days, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 731, LengthUnit.Days, "A suspended sentence order can be at most 24 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 27, LengthUnit.Weeks, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 26, LengthUnit.Weeks, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 22, LengthUnit.Weeks, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 183, LengthUnit.Days, null)]
    [InlineData(OrderType.SuspendedSentenceOrder, 182, LengthUnit.Days, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 153, LengthUnit.Days, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.SuspendedSentenceOrder, 1, LengthUnit.Days, "A suspended sentence order must be at least 6 months long")]
    [InlineData(OrderType.PostSentenceSupervision, 1, LengthUnit.Months, null)]
    [InlineData(OrderType.PostSentenceSupervision, 12, LengthUnit.Months, null)]
    [InlineData(OrderType.PostSentenceSupervision, 13, LengthUnit.Months, "A post-sentence supervision period can be at most 12 months long")]
    [InlineData(OrderType.PostSentenceSupervision, 1, LengthUnit.Years, null)]
    [InlineData(OrderType.PostSentenceSupervision, 52, LengthUnit.Weeks, null)]
    [InlineData(OrderType.PostSentenceSupervision, 53, LengthUnit.Weeks, "A post-sentence supervision period can be at most 12 months long")]
    [InlineData(OrderType.PostSentenceSupervision, 365, LengthUnit.Days, null)]
    [InlineData(OrderType.PostSentenceSupervision, 366, LengthUnit.Days, "A post-sentence supervision period can be at most 12 months long")]
    [InlineData(OrderType.Licence, 1, LengthUnit.Days, null)]
    [InlineData(OrderType.Licence, 1200, LengthUnit.Months, null)]
    [InlineData(OrderType.Licence, 1201, LengthUnit.Months, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.Licence, 100, LengthUnit.Years, null)]
    [InlineData(OrderType.Licence, 101, LengthUnit.Years, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.Licence, 36_525, LengthUnit.Days, null)]
    [InlineData(OrderType.Licence, 36_526, LengthUnit.Days, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.Licence, int.MaxValue, LengthUnit.Weeks, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.Custody, 1200, LengthUnit.Months, null)]
    [InlineData(OrderType.Custody, 1201, LengthUnit.Months, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.Custody, int.MaxValue, LengthUnit.Days, "The length is longer than any sentence: check the number and unit")]
    [InlineData(OrderType.CommunityOrder, 0, LengthUnit.Months, "The length must be at least 1")]
    [InlineData(OrderType.Licence, 0, LengthUnit.Days, "The length must be at least 1")]
    [InlineData(OrderType.SuspendedSentenceOrder, -1, LengthUnit.Weeks, "The length must be at least 1")]
    [InlineData(OrderType.Custody, int.MinValue, LengthUnit.Years, "The length must be at least 1")]
    public void The_length_is_within_the_statutory_limits_for_the_type_of_order(
        OrderType type, int length, LengthUnit unit, string? message)
    {
        var errors = (_valid with { Type = type, Length = length, LengthUnit = unit }).Validate(_today);

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "length"));
        }
    }

    [Fact]
    public void Without_a_type_only_the_longest_term_limits_the_length()
    {
        ErrorAssert.Single((_valid with { Type = null, Length = 1200 }).Validate(_today), "type");
        ErrorAssert.Fields((_valid with { Type = null, Length = 1201 }).Validate(_today), "type", "length");
    }

    [Theory]
    [InlineData("2026-03-15", null, null, null)]
    [InlineData("2026-03-16", null, null, "sentenceDate")]
    [InlineData("2026-01-10", "2026-01-10", null, null)]
    [InlineData("2026-01-10", "2026-01-09", null, "startDate")]
    [InlineData("2026-01-10", "2026-06-01", null, null)]
    [InlineData("2026-01-10", null, "2026-01-10", null)]
    [InlineData("2026-01-10", null, "2026-01-09", "expectedEndDate")]
    [InlineData("2026-01-10", "2026-02-01", "2026-01-31", "expectedEndDate")]
    [InlineData("2026-01-10", "2026-02-01", "2027-01-31", null)]
    public void Sentence_is_today_or_earlier_supervision_starts_on_or_after_it_and_the_order_ends_on_or_after_that(
        string sentence, string? start, string? expectedEnd, string? errorField)
    {
        var errors = (_valid with { SentenceDate = D(sentence), StartDate = Maybe(start), ExpectedEndDate = Maybe(expectedEnd) })
            .Validate(_today);

        ErrorAssert.Fields(errors, errorField is null ? [] : [errorField]);
    }

    // Order.TerminationDate and TerminationReason doc comments: only ended orders have an end date; orders
    // ended early (terminated, revoked) also need the reason.
    [Theory]
    [InlineData(null, null, null, new string[0])]
    [InlineData(null, "2026-03-01", null, new[] { "terminationDate" })]
    [InlineData(OrderStatus.Active, null, null, new string[0])]
    [InlineData(OrderStatus.Active, "2026-03-01", null, new[] { "terminationDate" })]
    [InlineData(OrderStatus.Breached, null, null, new string[0])]
    [InlineData(OrderStatus.Breached, "2026-03-01", null, new[] { "terminationDate" })]
    [InlineData(OrderStatus.Completed, "2026-03-01", null, new string[0])]
    [InlineData(OrderStatus.Completed, null, null, new[] { "terminationDate" })]
    [InlineData(OrderStatus.Terminated, "2026-03-01", "Resentenced for a later offence", new string[0])]
    [InlineData(OrderStatus.Terminated, "2026-03-01", null, new[] { "terminationReason" })]
    [InlineData(OrderStatus.Terminated, "2026-03-01", "  ", new[] { "terminationReason" })]
    [InlineData(OrderStatus.Terminated, null, "Resentenced for a later offence", new[] { "terminationDate" })]
    [InlineData(OrderStatus.Terminated, null, null, new[] { "terminationDate", "terminationReason" })]
    [InlineData(OrderStatus.Revoked, "2026-03-01", "Revoked on breach", new string[0])]
    [InlineData(OrderStatus.Revoked, "2026-03-01", null, new[] { "terminationReason" })]
    [InlineData(OrderStatus.Revoked, null, "Revoked on breach", new[] { "terminationDate" })]
    public void Each_status_has_its_own_rules_for_the_termination_date_and_reason(
        OrderStatus? status, string? terminated, string? reason, string[] errorFields)
    {
        var errors = (_valid with { Status = status, TerminationDate = Maybe(terminated), TerminationReason = reason })
            .Validate(_today);

        ErrorAssert.Fields(errors, errorFields);
    }

    [Theory]
    [InlineData("2026-01-10", null)]
    [InlineData("2026-01-09", "The order cannot end before supervision started")]
    [InlineData("2026-03-15", null)]
    [InlineData("2026-03-16", "The date the order ended must be today or in the past")]
    public void An_order_ends_between_the_start_of_supervision_and_today(string terminated, string? message)
    {
        var errors = (_valid with { Status = OrderStatus.Completed, TerminationDate = D(terminated) }).Validate(_today);

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "terminationDate"));
        }
    }

    // A licence may be recorded before release, but a start years ahead is a mistake (and would overflow the calendar).
    [Theory]
    [InlineData("2028-03-15", true)]
    [InlineData("2028-03-16", false)]
    [InlineData("9999-06-01", false)]
    public void Supervision_can_start_at_most_two_years_ahead(string start, bool valid)
    {
        var details = _valid with { Type = OrderType.Licence, StartDate = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture) };
        ErrorAssert.Fields(details.Validate(_today), valid ? [] : ["startDate"]);
    }

    [Fact]
    public void Applying_defaults_the_start_to_the_sentence_date_computes_the_end_and_makes_the_order_active()
    {
        var order = new Order();

        order.Apply(_valid with { Court = " Birmingham Magistrates' Court ", TerminationReason = " " });

        Assert.Equal(new DateOnly(2026, 1, 10), order.StartDate);
        Assert.Equal(new DateOnly(2027, 1, 9), order.ExpectedEndDate);
        Assert.Equal(OrderStatus.Active, order.Status);
        Assert.Equal("Birmingham Magistrates' Court", order.Court);
        Assert.Null(order.TerminationReason);
    }

    [Fact]
    public void Applying_keeps_an_end_date_that_was_given_rather_than_computing_one()
    {
        var order = new Order();

        order.Apply(_valid with { Type = OrderType.Licence, StartDate = new DateOnly(2026, 2, 1), ExpectedEndDate = new DateOnly(2026, 11, 30) });

        Assert.Equal(new DateOnly(2026, 2, 1), order.StartDate);
        Assert.Equal(new DateOnly(2026, 11, 30), order.ExpectedEndDate);
    }

    private static OrderDetails WithText(string field, string? value) => field switch
    {
        "court" => _valid with { Court = value },
        "offence" => _valid with { Offence = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field of OrderDetails"),
    };
}
