using FsCheck;
using FsCheck.Fluent;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>A start date from 1978 to 2100, a number of working days to add, and a few office closures near it.</summary>
public sealed record WorkingDayProbe(DateOnly Date, int Days, DateOnly[] Closures)
{
    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd} + {Days}, closures [{string.Join(", ", Closures.Select(c => c.ToString("yyyy-MM-dd")))}]";
}

/// <summary>The London wall-clock start of a series (working hours, any day, often near the clocks changing), its step and its length.</summary>
public sealed record SeriesProbe(DateTime FirstLocal, int Every, int Count)
{
    /// <inheritdoc />
    public override string ToString() => $"{FirstLocal:yyyy-MM-dd HH:mm} every {Every} days × {Count}";
}

/// <summary>Two time slots of 5 minutes to 8 hours, starting within a few hours of each other, so they often touch or overlap.</summary>
public sealed record SlotPair(TimeSlot First, TimeSlot Second);

/// <summary>
/// Generators for the calendar and contact property tests. Dates stay within 1978–2100, the years the bank holiday rules
/// describe, and near the days that trip calendars up: Christmas, Easter, the clocks changing.
/// </summary>
public static class ContactArbitraries
{
    private static readonly DateOnly _earliest = new(BankHolidays.FirstYear, 1, 1);
    private static readonly DateOnly _latest = new(2100, 12, 31);

    public static Arbitrary<WorkingDayProbe> WorkingDayProbes() =>
        (from date in Dates
         from days in Gen.Frequency((3, Gen.Choose(0, 10)), (2, Gen.Choose(0, 400)))
         from count in Gen.Choose(0, 6)
         from offsets in Gen.ArrayOf(Gen.Choose(-5, 60), count)
         select new WorkingDayProbe(date, days, [.. offsets.Select(o => date.AddDays(o))])).ToArbitrary();

    public static Arbitrary<SeriesProbe> SeriesProbes() =>
        (from date in Gen.Frequency(
             (1, Dates),
             (2, from year in Gen.Choose(2000, 2100)
                 from month in Gen.Elements(3, 10)
                 from offset in Gen.Choose(-60, 7)
                 select LastSunday(year, month).AddDays(offset)))
         from hour in Gen.Choose(7, 20)
         from minute in Gen.Elements(0, 15, 30, 45)
         from every in Gen.Choose(1, AppointmentDetails.MaxRepeatEveryDays)
         from count in Gen.Choose(AppointmentDetails.MinOccurrences, AppointmentDetails.MaxOccurrences)
         select new SeriesProbe(date.ToDateTime(new TimeOnly(hour, minute)), every, count)).ToArbitrary();

    public static Arbitrary<SlotPair> SlotPairs()
    {
        var origin = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var slot =
            from startMinutes in Gen.Choose(0, 480)
            from length in Gen.Choose(AppointmentDetails.MinDurationMinutes, AppointmentDetails.MaxDurationMinutes)
            select new TimeSlot(origin.AddMinutes(startMinutes), origin.AddMinutes(startMinutes + length));
        return (from a in slot from b in slot select new SlotPair(a, b)).ToArbitrary();
    }

    /// <summary>Any day in range, or one within a fortnight of Christmas or Easter.</summary>
    internal static Gen<DateOnly> Dates =>
        Gen.Frequency(
            (2, Gen.Choose(_earliest.DayNumber, _latest.DayNumber).Select(DateOnly.FromDayNumber)),
            (1, from year in Gen.Choose(_earliest.Year, _latest.Year)
                from offset in Gen.Choose(-14, 14)
                select new DateOnly(year, 12, 25).AddDays(offset)),
            (1, from year in Gen.Choose(_earliest.Year, _latest.Year)
                from offset in Gen.Choose(-14, 14)
                select BankHolidays.EasterSunday(year).AddDays(offset)));

    // The clocks change on the last Sunday of March and of October.
    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
