using OpenProbation.Domain.Calendar;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Calendar;

/// <summary>
/// England and Wales bank holidays by rule and by proclamation (BankHolidays doc comment), checked against the dates
/// GOV.UK published for each year.
/// </summary>
public class BankHolidaysTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_follows_the_Gregorian_computus_including_the_earliest_and_latest_possible_dates(int year, string easter) =>
        Assert.Equal(D(easter), BankHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    [InlineData(2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2019, "2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26")]
    [InlineData(2016, "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27")]
    [InlineData(2017, "2017-01-02 2017-04-14 2017-04-17 2017-05-01 2017-05-29 2017-08-28 2017-12-25 2017-12-26")]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26")]
    [InlineData(2011, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27")]
    [InlineData(2002, "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26")]
    [InlineData(1999, "1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 1999-12-28 1999-12-31")]
    [InlineData(1995, "1995-01-02 1995-04-14 1995-04-17 1995-05-08 1995-05-29 1995-08-28 1995-12-25 1995-12-26")]
    [InlineData(1981, "1981-01-01 1981-04-17 1981-04-20 1981-05-04 1981-05-25 1981-07-29 1981-08-31 1981-12-25 1981-12-28")]
    public void Each_year_has_the_holidays_GOV_UK_published_substitutes_and_one_off_changes_included(int year, string dates) =>
        Assert.Equal(dates.Split(' ').Select(D), BankHolidays.InYear(year).Select(h => h.Date));

    [Theory]
    [InlineData("2021-12-27", "Christmas Day (substitute day)")]
    [InlineData("2021-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-12-26", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-01-03", "New Year's Day (substitute day)")]
    [InlineData("2023-01-02", "New Year's Day (substitute day)")]
    [InlineData("2020-05-08", "Early May bank holiday (VE Day)")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void Substitute_days_and_one_off_holidays_carry_their_names(string date, string name) =>
        Assert.Equal(name, Assert.Single(BankHolidays.InYear(D(date).Year), h => h.Date == D(date)).Name);

    [Theory]
    [InlineData("2020-05-04")]
    [InlineData("2022-05-30")]
    [InlineData("2012-05-28")]
    [InlineData("2002-05-27")]
    [InlineData("1995-05-01")]
    [InlineData("2021-12-25")]
    [InlineData("2022-12-25")]
    [InlineData("2026-12-26")]
    public void A_moved_holiday_or_one_falling_at_a_weekend_is_not_a_holiday_on_its_usual_day(string date) =>
        Assert.False(BankHolidays.IsBankHoliday(D(date)));

    [Fact]
    public void Every_one_off_change_is_in_its_year_s_list_and_every_moved_date_is_not()
    {
        foreach (var change in BankHolidays.Changes)
        {
            Assert.True(BankHolidays.IsBankHoliday(change.Date), $"{change.Date} should be a holiday");
            if (change.Replaces is { } moved)
            {
                Assert.False(BankHolidays.IsBankHoliday(moved), $"{moved} should have moved to {change.Date}");
            }
        }
    }

    // WorkingCalendar counts weekdays and then subtracts holidays, which is right only if no holiday falls at a weekend.
    [Fact]
    public void No_holiday_falls_at_a_weekend_and_each_year_has_eight_to_ten_distinct_days_from_1978_to_2200()
    {
        for (var year = BankHolidays.FirstYear; year <= 2200; year++)
        {
            var holidays = BankHolidays.InYear(year);

            Assert.All(holidays, h => Assert.False(h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{h} is at a weekend"));
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.InRange(holidays.Count, 8, 10);
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.Equal(holidays.Select(h => h.Date).Order(), holidays.Select(h => h.Date));
        }
    }

    [Fact]
    public void Between_includes_both_ends_and_crosses_the_year()
    {
        var holidays = BankHolidays.Between(D("2026-12-25"), D("2027-01-01"));

        Assert.Equal([D("2026-12-25"), D("2026-12-28"), D("2027-01-01")], holidays.Select(h => h.Date));
        Assert.Empty(BankHolidays.Between(D("2026-12-29"), D("2026-12-31")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Years_outside_the_calendar_are_refused(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidays.InYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => BankHolidays.EasterSunday(year));
    }

    [Fact]
    public void The_first_and_last_years_of_the_calendar_can_be_computed()
    {
        Assert.NotEmpty(BankHolidays.InYear(1));
        Assert.NotEmpty(BankHolidays.InYear(9999));
    }
}
