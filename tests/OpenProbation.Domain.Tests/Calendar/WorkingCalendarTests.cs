using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Tests.Contacts;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Calendar;

/// <summary>
/// Working days and deadlines counted in them (WorkingCalendar doc comments): the induction "within 5 working days of
/// sentence" (PRACTICE.md section 2, Crest recommendation 10) must skip weekends, bank holidays and office closures.
/// </summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2026-03-09", true)]
    [InlineData("2026-03-13", true)]
    [InlineData("2026-03-14", false)]
    [InlineData("2026-03-15", false)]
    [InlineData("2026-04-03", false)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-04-07", true)]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-12-28", false)]
    [InlineData("2026-12-29", true)]
    [InlineData("2022-09-19", false)]
    public void Weekends_and_bank_holidays_are_not_working_days(string date, bool working) =>
        Assert.Equal(working, _calendar.IsWorkingDay(D(date)));

    // The date itself never counts: 5 working days from a Friday with no holidays is the following Friday.
    [Theory]
    [InlineData("2026-03-06", 5, "2026-03-13")]
    [InlineData("2026-03-09", 5, "2026-03-16")]
    [InlineData("2026-03-07", 5, "2026-03-13")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-06", 10, "2026-03-20")]
    [InlineData("2026-04-02", 5, "2026-04-13")]
    [InlineData("2027-03-25", 5, "2027-04-05")]
    [InlineData("2024-03-28", 5, "2024-04-08")]
    [InlineData("2025-04-17", 5, "2025-04-28")]
    [InlineData("2026-05-22", 5, "2026-06-01")]
    [InlineData("2026-12-24", 5, "2027-01-05")]
    [InlineData("2026-12-23", 1, "2026-12-24")]
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2021-12-24", 1, "2021-12-29")]
    [InlineData("2022-12-23", 1, "2022-12-28")]
    [InlineData("2022-06-01", 1, "2022-06-06")]
    [InlineData("2020-05-07", 1, "2020-05-11")]
    [InlineData("2023-05-05", 1, "2023-05-09")]
    public void Adding_working_days_skips_weekends_and_bank_holidays(string from, int days, string expected) =>
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(from), days));

    [Theory]
    [InlineData("2026-03-14")]
    [InlineData("2026-12-25")]
    [InlineData("2026-03-10")]
    public void Adding_no_working_days_gives_the_same_date_working_day_or_not(string date) =>
        Assert.Equal(D(date), _calendar.AddWorkingDays(D(date), 0));

    [Fact]
    public void A_negative_number_of_working_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2026-03-10"), -1));

    [Fact]
    public void An_organisation_s_closures_are_not_working_days_and_push_deadlines_back()
    {
        var calendar = new WorkingCalendar([D("2026-12-24"), D("2026-12-31"), D("2026-12-24"), D("2026-12-26")]);

        Assert.False(calendar.IsWorkingDay(D("2026-12-24")));
        Assert.True(_calendar.IsWorkingDay(D("2026-12-24")));
        Assert.Equal(D("2026-12-29"), calendar.AddWorkingDays(D("2026-12-23"), 1));
        Assert.Equal(D("2027-01-06"), calendar.AddWorkingDays(D("2026-12-23"), 5));
        Assert.Equal([D("2026-12-24"), D("2026-12-26"), D("2026-12-31")], calendar.ExtraNonWorkingDays);
        Assert.Equal(4, calendar.WorkingDaysBetween(D("2026-12-23"), D("2027-01-05")));
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-09", 0)]
    [InlineData("2026-03-09", "2026-03-10", 1)]
    [InlineData("2026-03-06", "2026-03-09", 1)]
    [InlineData("2026-03-06", "2026-03-13", 5)]
    [InlineData("2026-03-13", "2026-03-14", 0)]
    [InlineData("2026-12-24", "2027-01-05", 5)]
    [InlineData("2026-01-01", "2026-12-31", 253)]
    [InlineData("2026-03-13", "2026-03-06", -5)]
    [InlineData("2027-01-05", "2026-12-24", -5)]
    public void Working_days_between_count_the_days_after_the_first_up_to_and_including_the_second(string from, string to, int days) =>
        Assert.Equal(days, _calendar.WorkingDaysBetween(D(from), D(to)));

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property Adding_one_or_more_working_days_always_lands_on_a_working_day(WorkingDayProbe probe)
    {
        var calendar = new WorkingCalendar(probe.Closures);
        var days = Math.Max(1, probe.Days);

        return calendar.IsWorkingDay(calendar.AddWorkingDays(probe.Date, days)).Label(probe.ToString());
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property One_more_working_day_is_always_a_later_date(WorkingDayProbe probe)
    {
        var calendar = new WorkingCalendar(probe.Closures);

        return (calendar.AddWorkingDays(probe.Date, probe.Days) < calendar.AddWorkingDays(probe.Date, probe.Days + 1))
            .Label(probe.ToString());
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property Counting_the_working_days_to_a_deadline_gives_back_the_number_added(WorkingDayProbe probe)
    {
        var calendar = new WorkingCalendar(probe.Closures);
        var deadline = calendar.AddWorkingDays(probe.Date, probe.Days);

        return (calendar.WorkingDaysBetween(probe.Date, deadline) == probe.Days
                && calendar.WorkingDaysBetween(deadline, probe.Date) == -probe.Days)
            .Label($"{probe}: deadline {deadline:yyyy-MM-dd}");
    }

    // WorkingDaysBetween counts by arithmetic; checking it against counting day by day catches an off-by-one at either end.
    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 300)]
    public Property Working_days_between_agrees_with_counting_one_day_at_a_time(WorkingDayProbe probe)
    {
        var calendar = new WorkingCalendar(probe.Closures);
        var to = probe.Date.AddDays(probe.Days);
        var counted = Enumerable.Range(1, probe.Days).Count(i => calendar.IsWorkingDay(probe.Date.AddDays(i)));

        return (calendar.WorkingDaysBetween(probe.Date, to) == counted).Label($"{probe}: counted {counted}");
    }
}
