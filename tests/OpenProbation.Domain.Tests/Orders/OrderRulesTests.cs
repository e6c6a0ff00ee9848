using FsCheck.Xunit;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>Order lengths, end dates and statutory limits (OrderRules doc comments; Sentencing Code ss.209 and 288).</summary>
public class OrderRulesTests
{
    // The end date is the last day of the order, inclusive: N months from the 15th end on the 14th;
    // a month added to 31 January gives the end of February, then the day before (OrderRules.ExpectedEndDate).
    [Theory]
    [InlineData("2026-01-15", 12, LengthUnit.Months, "2027-01-14")]
    [InlineData("2026-01-15", 1, LengthUnit.Months, "2026-02-14")]
    [InlineData("2026-01-31", 1, LengthUnit.Months, "2026-02-27")]
    [InlineData("2024-01-31", 1, LengthUnit.Months, "2024-02-28")]
    [InlineData("2026-03-31", 1, LengthUnit.Months, "2026-04-29")]
    [InlineData("2026-01-01", 36, LengthUnit.Months, "2028-12-31")]
    [InlineData("2026-03-10", 1, LengthUnit.Days, "2026-03-10")]
    [InlineData("2026-03-10", 2, LengthUnit.Days, "2026-03-11")]
    [InlineData("2026-12-31", 7, LengthUnit.Days, "2027-01-06")]
    [InlineData("2024-02-28", 2, LengthUnit.Days, "2024-02-29")]
    [InlineData("2026-03-10", 1, LengthUnit.Weeks, "2026-03-16")]
    [InlineData("2026-03-10", 2, LengthUnit.Weeks, "2026-03-23")]
    [InlineData("2026-01-01", 1, LengthUnit.Years, "2026-12-31")]
    [InlineData("2024-02-29", 1, LengthUnit.Years, "2025-02-27")]
    [InlineData("2024-02-29", 4, LengthUnit.Years, "2028-02-28")]
    [InlineData("2026-03-01", 2, LengthUnit.Years, "2028-02-29")]
    public void The_expected_end_is_the_last_day_of_the_order_inclusive(string start, int length, LengthUnit unit, string end) =>
        Assert.Equal(D(end), OrderRules.ExpectedEndDate(D(start), length, unit));

    [Fact]
    public void An_unknown_unit_has_no_end_date() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderRules.ExpectedEndDate(new DateOnly(2026, 1, 1), 1, (LengthUnit)0));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool An_order_never_ends_before_it_starts(DateOnly start, OrderLength length) =>
        OrderRules.ExpectedEndDate(start, length.Length, length.Unit) >= start;

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool A_longer_order_in_the_same_unit_ends_later(DateOnly start, OrderLength length) =>
        OrderRules.ExpectedEndDate(start, length.Length, length.Unit)
            < OrderRules.ExpectedEndDate(start, length.Length + 1, length.Unit);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool An_order_in_days_or_weeks_covers_exactly_that_many_days_counting_both_ends(DateOnly start, OrderLength length)
    {
        var days = length.Unit switch
        {
            LengthUnit.Days => length.Length,
            LengthUnit.Weeks => length.Length * 7,
            _ => (int?)null,
        };

        return days is not { } d
            || OrderRules.ExpectedEndDate(start, length.Length, length.Unit).DayNumber - start.DayNumber + 1 == d;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool A_length_in_years_ends_on_the_same_day_as_twelve_times_as_many_months(DateOnly start, OrderLength length) =>
        length.Unit != LengthUnit.Years
        || OrderRules.ExpectedEndDate(start, length.Length, LengthUnit.Years)
            == OrderRules.ExpectedEndDate(start, length.Length * 12, LengthUnit.Months);

    // Rounded up, so a length just over a whole number of months counts as the next month against a maximum.
    [Theory]
    [InlineData(1, LengthUnit.Days, 1)]
    [InlineData(30, LengthUnit.Days, 1)]
    [InlineData(31, LengthUnit.Days, 2)]
    [InlineData(1095, LengthUnit.Days, 36)]
    [InlineData(1096, LengthUnit.Days, 37)]
    [InlineData(4, LengthUnit.Weeks, 1)]
    [InlineData(5, LengthUnit.Weeks, 2)]
    [InlineData(156, LengthUnit.Weeks, 36)]
    [InlineData(157, LengthUnit.Weeks, 37)]
    [InlineData(36, LengthUnit.Months, 36)]
    [InlineData(3, LengthUnit.Years, 36)]
    [InlineData(1000, LengthUnit.Years, 12_000)]
    [InlineData(1001, LengthUnit.Years, int.MaxValue)]
    [InlineData(int.MaxValue, LengthUnit.Years, int.MaxValue)]
    [InlineData(int.MaxValue, LengthUnit.Days, 70_553_878)]
    [InlineData(int.MaxValue, LengthUnit.Weeks, 493_877_143)]
    public void Lengths_are_compared_with_maxima_in_months_rounded_up(int length, LengthUnit unit, int months) =>
        Assert.Equal(months, OrderRules.ToApproximateMonths(length, unit));

    // Rounded down, so a length a few days short of a whole number of months never passes a minimum.
    [Theory]
    [InlineData(182, LengthUnit.Days, 5)]
    [InlineData(183, LengthUnit.Days, 6)]
    [InlineData(26, LengthUnit.Weeks, 5)]
    [InlineData(27, LengthUnit.Weeks, 6)]
    [InlineData(6, LengthUnit.Months, 6)]
    [InlineData(1, LengthUnit.Years, 12)]
    [InlineData(1001, LengthUnit.Years, int.MaxValue)]
    [InlineData(int.MaxValue, LengthUnit.Weeks, 493_877_142)]
    public void Lengths_are_compared_with_minima_in_complete_months_rounded_down(int length, LengthUnit unit, int months) =>
        Assert.Equal(months, OrderRules.ToCompleteMonths(length, unit));

    [Theory]
    [InlineData(OrderType.CommunityOrder, 36, null, true, "community order")]
    [InlineData(OrderType.SuspendedSentenceOrder, 24, 6, true, "suspended sentence order")]
    [InlineData(OrderType.Licence, null, null, false, "licence")]
    [InlineData(OrderType.PostSentenceSupervision, 12, null, false, "post-sentence supervision period")]
    [InlineData(OrderType.Custody, null, null, false, "custodial sentence")]
    public void Each_type_of_order_has_its_statutory_limits_and_says_whether_it_carries_requirements(
        OrderType type, int? maximumMonths, int? minimumMonths, bool carriesRequirements, string description)
    {
        Assert.Equal(maximumMonths, OrderRules.MaximumMonths(type));
        Assert.Equal(minimumMonths, OrderRules.MinimumMonths(type));
        Assert.Equal(carriesRequirements, OrderRules.CarriesRequirements(type));
        Assert.Equal(description, OrderRules.Describe(type));
    }

    [Theory]
    [InlineData(OrderStatus.Active, true)]
    [InlineData(OrderStatus.Breached, true)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Terminated, false)]
    [InlineData(OrderStatus.Revoked, false)]
    public void An_order_is_live_while_active_or_in_breach(OrderStatus status, bool live) =>
        Assert.Equal(live, new Order { Status = status }.IsLive);
}
