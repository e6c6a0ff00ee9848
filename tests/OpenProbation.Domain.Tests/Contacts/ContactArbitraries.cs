using FsCheck;
using FsCheck.Fluent;
using OpenProbation.Domain.Calendar;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>A start date from 1978 to 2100, a number of working days to add, and a few office closures near it.</summary>
public sealed record WorkingDayProbe(DateOnly Date, int Days, DateOnly[] Closures)
{
    /// <inheritdoc />
    public override string ToString() => $"{Date:yyyy-MM-dd} + {Days}, closures [{string.Join(", ", Closures.Select(c => c.ToString("yyyy-MM-dd")))}]";
}

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
}
