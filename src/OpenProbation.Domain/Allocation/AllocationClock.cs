using System.Globalization;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Allocation;

/// <summary>Where an unallocated case stands against the allocation target.</summary>
/// <param name="Arrived">The day the case arrived: the day of sentence, or of release for a licence or post-sentence supervision.</param>
/// <param name="Due">The last day it may be allocated on and meet the target.</param>
/// <param name="WorkingDaysWaiting">Working days since it arrived (0 on the day itself, and while it has not yet arrived).</param>
/// <param name="WorkingDaysOverdue">Working days past <see cref="Due"/>; 0 while within target (and on a weekend just after it).</param>
/// <param name="NotYetArrived">True for a licence recorded before the release day: the clock has not started.</param>
/// <param name="IsOverdue">True once the due day has passed without an allocation.</param>
public sealed record AllocationClockReading(DateOnly Arrived, DateOnly Due, int WorkingDaysWaiting, int WorkingDaysOverdue, bool NotYetArrived, bool IsOverdue)
{
    /// <summary>For the manager: "Arrived today: due today", "Overdue by 3 working days (due 20 November 2026)"…</summary>
    public string Words
    {
        get
        {
            if (NotYetArrived)
            {
                return $"Release on {Day(Arrived)}: allocate by {Day(Due)}";
            }

            if (IsOverdue)
            {
                return WorkingDaysOverdue == 0 ? $"Overdue (due {Day(Due)})" : $"Overdue by {Days(WorkingDaysOverdue)} (due {Day(Due)})";
            }

            return WorkingDaysWaiting == 0 && Arrived == Due ? "Arrived today: due today" : $"Waiting {Days(WorkingDaysWaiting)}: due {Day(Due)}";
        }
    }

    private static string Days(int n) => n == 1 ? "1 working day" : string.Create(CultureInfo.InvariantCulture, $"{n} working days");

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// The allocation clock (PRACTICE.md section 7, line 3; issue 5): a new order or release arrives unallocated and must be
/// allocated within the target (by default the same day). The clock runs in working days from the day of sentence, or
/// of release for licences and post-sentence supervision; a case arriving on a weekend or bank holiday is due on the
/// next working day. Transferring a case between teams does not restart it.
/// </summary>
public static class AllocationClock
{
    /// <summary>The day the case arrives for allocation.</summary>
    public static DateOnly Arrival(OrderType type, DateOnly sentenceDate, DateOnly startDate) =>
        type is OrderType.Licence or OrderType.PostSentenceSupervision ? startDate : sentenceDate;

    /// <summary>The last day the case meets the target.</summary>
    public static DateOnly Due(DateOnly arrived, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var first = arrived;
        while (!calendar.IsWorkingDay(first))
        {
            first = first.AddDays(1);
        }

        return calendar.AddWorkingDays(first, settings.TargetWorkingDays);
    }

    /// <summary>The clock on <paramref name="today"/> for a case that arrived (or will arrive) on <paramref name="arrived"/>.</summary>
    public static AllocationClockReading Read(DateOnly arrived, DateOnly today, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = Due(arrived, calendar, settings);
        if (today < arrived)
        {
            return new(arrived, due, 0, 0, NotYetArrived: true, IsOverdue: false);
        }

        var waiting = calendar.WorkingDaysBetween(arrived, today);
        var overdue = today > due ? calendar.WorkingDaysBetween(due, today) : 0;
        return new(arrived, due, waiting, overdue, NotYetArrived: false, IsOverdue: today > due);
    }

    /// <summary>
    /// Whether an allocation made on <paramref name="allocatedOn"/> met the target: on or before the due day (allocating a
    /// licence before release meets it).
    /// </summary>
    public static bool MetTarget(DateOnly arrived, DateOnly allocatedOn, WorkingCalendar calendar, AllocationSettings settings) =>
        allocatedOn <= Due(arrived, calendar, settings);
}
