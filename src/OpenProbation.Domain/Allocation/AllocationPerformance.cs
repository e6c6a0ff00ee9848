using OpenProbation.Domain.Calendar;

namespace OpenProbation.Domain.Allocation;

/// <summary>A case that arrived for allocation: when, when it was first allocated, and when its first appointment was booked.</summary>
/// <param name="Arrived">The day of sentence, or of release for a licence or post-sentence supervision.</param>
/// <param name="AllocatedOn">The day the first responsible officer was recorded (when it was done, not the date typed in); null while waiting.</param>
/// <param name="FirstAppointmentBookedOn">The day the person's first appointment after arrival was booked; null while none is.</param>
public sealed record ArrivedCase(DateOnly Arrived, DateOnly? AllocatedOn, DateOnly? FirstAppointmentBookedOn);

/// <summary>
/// How a set of arrived cases did against the allocation target (issue 5; PRACTICE.md section 7, line 3): allocated by
/// the due day (by default the day of sentence) and the first appointment booked by then too. Cases still waiting
/// count against the target once overdue, so leaving a case in the queue can never improve the figure.
/// </summary>
/// <param name="Arrived">Cases that arrived (licences count from release; one not yet released is left out).</param>
/// <param name="Allocated">Cases with a responsible officer.</param>
/// <param name="AllocatedInTarget">Allocated on or before the due day.</param>
/// <param name="AppointmentBookedInTarget">First appointment booked on or before the due day.</param>
/// <param name="MetTarget">Both: allocated and first appointment booked by the due day.</param>
/// <param name="Waiting">Still waiting for allocation.</param>
/// <param name="WaitingOverdue">Still waiting and past the due day.</param>
/// <param name="MedianWorkingDaysToAllocate">The median working days from arrival to allocation of those allocated; null when none were.</param>
public sealed record AllocationPerformance(
    int Arrived, int Allocated, int AllocatedInTarget, int AppointmentBookedInTarget, int MetTarget, int Waiting, int WaitingOverdue,
    decimal? MedianWorkingDaysToAllocate)
{
    /// <summary>Cases whose target day has come: those that met it or can no longer (the rest may still meet it).</summary>
    public int Decided { get; init; }

    /// <summary>Share of decided cases that met the whole target, one decimal place; null when none is decided.</summary>
    public decimal? MetTargetPercent => Decided == 0 ? null : decimal.Round(100m * MetTarget / Decided, 1);

    /// <summary>Share of decided cases allocated in target; null when none is decided.</summary>
    public decimal? AllocatedInTargetPercent => Decided == 0 ? null : decimal.Round(100m * AllocatedInTarget / Decided, 1);

    /// <summary>The figures for <paramref name="cases"/> as they stand on <paramref name="today"/>.</summary>
    public static AllocationPerformance Of(IEnumerable<ArrivedCase> cases, DateOnly today, WorkingCalendar calendar, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        int arrived = 0, allocated = 0, allocatedIn = 0, bookedIn = 0, met = 0, waiting = 0, overdue = 0, decided = 0;
        var days = new List<int>();
        foreach (var c in cases.Where(c => c.Arrived <= today))
        {
            arrived++;
            var due = AllocationClock.Due(c.Arrived, calendar, settings);
            var allocatedInTarget = c.AllocatedOn is { } on && on <= due;
            var bookedInTarget = c.FirstAppointmentBookedOn is { } booked && booked <= due;
            if (c.AllocatedOn is { } when)
            {
                allocated++;
                days.Add(when <= c.Arrived ? 0 : calendar.WorkingDaysBetween(c.Arrived, when));
            }
            else
            {
                waiting++;
                overdue += today > due ? 1 : 0;
            }

            allocatedIn += allocatedInTarget ? 1 : 0;
            bookedIn += bookedInTarget ? 1 : 0;
            met += allocatedInTarget && bookedInTarget ? 1 : 0;
            // Decided once the due day is over, or earlier when both were done in time.
            decided += today > due || (allocatedInTarget && bookedInTarget) ? 1 : 0;
        }

        return new AllocationPerformance(arrived, allocated, allocatedIn, bookedIn, met, waiting, overdue, Median(days)) { Decided = decided };
    }

    private static decimal? Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2m;
    }
}
