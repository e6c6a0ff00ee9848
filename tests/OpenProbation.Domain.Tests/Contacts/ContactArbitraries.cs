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
/// One case for contact compliance: a start, a day to judge (sometimes before the start), a tier timeline under one
/// of the two default policies (with untiered and unknown tiers among them) and appointments of every kind and outcome,
/// some outside the start to today.
/// </summary>
public sealed record ComplianceCase(DateOnly Start, DateOnly Today, bool Brag, TierPeriod[] Tiers, ContactRecord[] Contacts)
{
    /// <summary>The schedule the case is judged by.</summary>
    public ContactStandardSchedule Schedule => Brag ? ContactStandardDefaults.BragSchedule : ContactStandardDefaults.EnglandAndWalesSchedule;

    /// <summary>Assesses the case, optionally with more contacts or on another day.</summary>
    public ComplianceResult Assess(IEnumerable<ContactRecord>? extra = null, DateOnly? today = null) =>
        ContactCompliance.Assess(Start, Tiers, Schedule, [.. Contacts, .. extra ?? []], WorkingCalendar.EnglandAndWales, today ?? Today);

    /// <inheritdoc />
    public override string ToString() =>
        $"start {Start:yyyy-MM-dd}, today {Today:yyyy-MM-dd}, {(Brag ? "BRAG" : "E&W")}, tiers [{string.Join(", ", Tiers.Select(t => $"{t.From:yyyy-MM-dd} {t.Tier ?? "none"}"))}], "
        + $"contacts [{string.Join(", ", Contacts.Select(c => $"{c.Date:yyyy-MM-dd} {c.Type} {c.Outcome?.ToString() ?? "none"}"))}]";
}

/// <summary>A case and one more appointment on a day from its start to today.</summary>
public sealed record CaseAndContact(ComplianceCase Case, ContactRecord Extra)
{
    /// <inheritdoc />
    public override string ToString() => $"{Case}; extra {Extra.Date:yyyy-MM-dd} {Extra.Type} {Extra.Outcome?.ToString() ?? "none"}";
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

    private static readonly string?[] _englandAndWalesTiers = ["A3", "A0", "B2", "B0", "C1", "C3", "D0", "D2", null, "X9"];
    private static readonly string?[] _bragTiers = ["RED", "AMBER", "GREEN", "BLUE", null, "PURPLE"];
    private static readonly AppointmentOutcome[] _held =
        [AppointmentOutcome.AttendedComplied, AppointmentOutcome.AttendedFailedToComply, AppointmentOutcome.SentHome];
    private static readonly AppointmentOutcome?[] _notHeld =
        [AppointmentOutcome.UnacceptableAbsence, AppointmentOutcome.FailedToAttend, AppointmentOutcome.AcceptableAbsence, AppointmentOutcome.Rescheduled, null];

    public static Arbitrary<ComplianceCase> ComplianceCases() => Cases.ToArbitrary();

    public static Arbitrary<CaseAndContact> CasesAndContacts() =>
        (from c in Cases.Where(c => c.Today >= c.Start)
         from offset in RecentOffset(c.Today.DayNumber - c.Start.DayNumber)
         from type in Gen.Elements(Enum.GetValues<AppointmentType>())
         from outcome in Gen.Elements(_held)
         select new CaseAndContact(c, new ContactRecord(c.Start.AddDays(offset), type, outcome))).ToArbitrary();

    /// <summary>Any held or not held outcome, held more often.</summary>
    internal static Gen<AppointmentOutcome?> Outcomes =>
        Gen.Frequency((3, Gen.Elements(_held).Select(o => (AppointmentOutcome?)o)), (2, Gen.Elements(_notHeld)));

    internal static Gen<ComplianceCase> Cases =>
        from start in Dates
        from length in Gen.Frequency((1, Gen.Choose(-5, -1)), (1, Gen.Choose(0, 10)), (4, Gen.Choose(0, 150)), (2, Gen.Choose(150, 500)))
        let today = start.AddDays(length)
        from brag in Gen.Elements(true, false)
        from tierCount in Gen.Choose(0, 4)
        from tiers in Gen.ArrayOf(
            from offset in Gen.Choose(-30, Math.Max(0, length))
            from tier in Gen.Elements(brag ? _bragTiers : _englandAndWalesTiers)
            select new TierPeriod(start.AddDays(offset), tier),
            tierCount)
        from contactCount in Gen.Frequency((2, Gen.Choose(0, 4)), (2, Gen.Choose(0, 15)), (1, Gen.Choose(0, 60)))
        from contacts in Gen.ArrayOf(
            from offset in Gen.Frequency((1, Gen.Choose(-10, Math.Max(0, length) + 10)), (2, RecentOffset(Math.Max(0, length))))
            from type in Gen.Elements(Enum.GetValues<AppointmentType>())
            from outcome in Outcomes
            select new ContactRecord(start.AddDays(offset), type, outcome),
            contactCount)
        select new ComplianceCase(start, today, brag, tiers, contacts);

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

    // Days after the start, mostly within the face-to-face lookback before today, where contacts decide the most.
    private static Gen<int> RecentOffset(int length) =>
        Gen.Frequency((1, Gen.Choose(0, length)), (2, Gen.Choose(Math.Max(0, length - (7 * ContactCompliance.DefaultLookbackWeeks) + 1), length)));

    // The clocks change on the last Sunday of March and of October.
    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
