using System.Collections.Concurrent;

namespace OpenProbation.Domain.Calendar;

/// <summary>One bank holiday: its date and its name as GOV.UK lists it.</summary>
/// <param name="Date">The day the holiday is taken (a substitute day when the holiday falls at a weekend).</param>
/// <param name="Name">Its name, e.g. <c>Boxing Day (substitute day)</c>.</param>
public readonly record struct BankHoliday(DateOnly Date, string Name);

/// <summary>A one-off change to the bank holidays of one year, made by royal proclamation.</summary>
/// <param name="Replaces">The rule's date that was moved, or empty for an extra holiday.</param>
/// <param name="Date">The day taken instead, or the extra day.</param>
/// <param name="Name">The holiday's name.</param>
public sealed record BankHolidayChange(DateOnly? Replaces, DateOnly Date, string Name);

/// <summary>
/// England and Wales bank holidays, computed by rule with the one-off changes of particular years, so working-day
/// deadlines (e.g. the induction within 5 working days of sentence) are right in any year without a downloaded list.
/// <list type="bullet">
/// <item>New Year's Day, 1 January; at a weekend, the following Monday.</item>
/// <item>Good Friday and Easter Monday, from the Gregorian Easter (<see cref="EasterSunday"/>).</item>
/// <item>Early May bank holiday, the first Monday of May.</item>
/// <item>Spring bank holiday, the last Monday of May.</item>
/// <item>Summer bank holiday, the last Monday of August.</item>
/// <item>Christmas Day and Boxing Day; when either falls at a weekend it is taken on the next weekday that is not already a holiday
/// (Christmas on a Saturday: Monday 27 and Tuesday 28; on a Sunday: Boxing Day Monday 26, Christmas Tuesday 27;
/// Boxing Day on a Saturday: Monday 28).</item>
/// </list>
/// The one-off changes are in <see cref="Changes"/>. The rules are those in force since <see cref="FirstYear"/>, when the
/// early May holiday began; earlier years are computed with the same rules rather than refused (no deadline the service
/// works to falls then), so they are not the holidays those years actually had. Scotland and Northern Ireland differ and
/// are not covered.
/// </summary>
public static class BankHolidays
{
    /// <summary>The first year whose holidays follow today's pattern (the early May holiday began in 1978).</summary>
    public const int FirstYear = 1978;

    private static readonly ConcurrentDictionary<int, BankHoliday[]> _byYear = new();

    /// <summary>
    /// The one-off changes known, oldest first: holidays moved for, or added for, national events. A future change is added
    /// here when it is proclaimed.
    /// </summary>
    public static IReadOnlyList<BankHolidayChange> Changes { get; } =
    [
        new(null, new DateOnly(1981, 7, 29), "Royal wedding"),
        new(new DateOnly(1995, 5, 1), new DateOnly(1995, 5, 8), "Early May bank holiday (VE Day)"),
        new(null, new DateOnly(1999, 12, 31), "Millennium celebrations"),
        new(new DateOnly(2002, 5, 27), new DateOnly(2002, 6, 4), "Spring bank holiday"),
        new(null, new DateOnly(2002, 6, 3), "Golden Jubilee bank holiday"),
        new(null, new DateOnly(2011, 4, 29), "Royal wedding"),
        new(new DateOnly(2012, 5, 28), new DateOnly(2012, 6, 4), "Spring bank holiday"),
        new(null, new DateOnly(2012, 6, 5), "Queen's Diamond Jubilee"),
        new(new DateOnly(2020, 5, 4), new DateOnly(2020, 5, 8), "Early May bank holiday (VE Day)"),
        new(new DateOnly(2022, 5, 30), new DateOnly(2022, 6, 2), "Spring bank holiday"),
        new(null, new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(null, new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        new(null, new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];

    /// <summary>The bank holidays of <paramref name="year"/> (1 to 9999), in date order.</summary>
    public static IReadOnlyList<BankHoliday> InYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return _byYear.GetOrAdd(year, Compute);
    }

    /// <summary>True when <paramref name="date"/> is a bank holiday in England and Wales.</summary>
    public static bool IsBankHoliday(DateOnly date)
    {
        foreach (var holiday in InYear(date.Year))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bank holidays from <paramref name="from"/> to <paramref name="to"/>, both inclusive, in date order.</summary>
    public static IReadOnlyList<BankHoliday> Between(DateOnly from, DateOnly to)
    {
        var found = new List<BankHoliday>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            found.AddRange(InYear(year).Where(h => h.Date >= from && h.Date <= to));
        }

        return found;
    }

    /// <summary>
    /// Easter Sunday in the Gregorian calendar, by the anonymous computus (Meeus, <i>Astronomical Algorithms</i>, ch. 8),
    /// which the Church of England's tables follow.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static BankHoliday[] Compute(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>
        {
            NewYear(year),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(FirstMonday(year, 5), "Early May bank holiday"),
            new(LastMonday(year, 5), "Spring bank holiday"),
            new(LastMonday(year, 8), "Summer bank holiday"),
        };
        holidays.AddRange(Christmas(year));

        foreach (var change in Changes.Where(c => c.Date.Year == year))
        {
            if (change.Replaces is { } moved)
            {
                holidays.RemoveAll(h => h.Date == moved);
            }

            holidays.Add(new BankHoliday(change.Date, change.Name));
        }

        return [.. holidays.OrderBy(h => h.Date)];
    }

    private static BankHoliday NewYear(int year)
    {
        var day = new DateOnly(year, 1, 1);
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => new(day.AddDays(2), "New Year's Day (substitute day)"),
            DayOfWeek.Sunday => new(day.AddDays(1), "New Year's Day (substitute day)"),
            _ => new(day, "New Year's Day"),
        };
    }

    private static BankHoliday[] Christmas(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        var boxing = christmas.AddDays(1);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => [new(christmas, "Christmas Day"), new(boxing.AddDays(2), "Boxing Day (substitute day)")],
            DayOfWeek.Saturday =>
            [
                new(christmas.AddDays(2), "Christmas Day (substitute day)"),
                new(christmas.AddDays(3), "Boxing Day (substitute day)"),
            ],
            DayOfWeek.Sunday => [new(boxing, "Boxing Day"), new(christmas.AddDays(2), "Christmas Day (substitute day)")],
            _ => [new(christmas, "Christmas Day"), new(boxing, "Boxing Day")],
        };
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
