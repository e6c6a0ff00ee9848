namespace OpenProbation.Domain.Calendar;

/// <summary>
/// Which days are working days: Monday to Friday, except England and Wales bank holidays (<see cref="BankHolidays"/>)
/// and any extra days an organisation closes (an office closure, a local holiday). Deadlines "within N working days"
/// are counted with it.
/// </summary>
public sealed class WorkingCalendar
{
    // Only the extra days that would otherwise be working days, so counting can subtract them without double counting.
    private readonly DateOnly[] _closures;

    /// <summary>A calendar with the bank holidays and the given extra non-working days (weekends and bank holidays among them change nothing).</summary>
    public WorkingCalendar(IEnumerable<DateOnly>? extraNonWorkingDays = null)
    {
        ExtraNonWorkingDays = [.. (extraNonWorkingDays ?? []).Distinct().Order()];
        _closures = [.. ExtraNonWorkingDays.Where(d => IsWeekday(d) && !BankHolidays.IsBankHoliday(d))];
    }

    /// <summary>England and Wales bank holidays and weekends only.</summary>
    public static WorkingCalendar EnglandAndWales { get; } = new();

    /// <summary>The extra non-working days given, without duplicates, in date order.</summary>
    public IReadOnlyList<DateOnly> ExtraNonWorkingDays { get; }

    /// <summary>True when <paramref name="date"/> is a weekday that is neither a bank holiday nor an extra non-working day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        IsWeekday(date) && !BankHolidays.IsBankHoliday(date) && Array.BinarySearch(_closures, date) < 0;

    /// <summary>
    /// The <paramref name="days"/>th working day after <paramref name="date"/>; the date itself is never counted, so a
    /// deadline "within 5 working days of sentence" on a Friday with no holidays is the following Friday. Zero days gives
    /// <paramref name="date"/> unchanged, working day or not.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = date;
        var left = days;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>. When <paramref name="to"/> is before
    /// <paramref name="from"/> the same days are counted backwards and the result is negative; the same date gives 0.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        if (to == from)
        {
            return 0;
        }

        var first = from.AddDays(1);
        var weekdays = WeekdaysBefore(to.DayNumber + 1) - WeekdaysBefore(first.DayNumber);
        var holidays = BankHolidays.Between(first, to).Count;
        var closures = IndexAfter(to) - IndexAfter(from);
        return weekdays - holidays - closures;
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    // Day number 0 (1 January 0001) was a Monday, so each run of seven day numbers starts with five weekdays.
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    // How many closures fall on or before the date.
    private int IndexAfter(DateOnly date)
    {
        var index = Array.BinarySearch(_closures, date);
        return index >= 0 ? index + 1 : ~index;
    }
}
