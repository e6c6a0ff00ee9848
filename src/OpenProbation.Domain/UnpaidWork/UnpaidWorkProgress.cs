using System.Globalization;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.UnpaidWork;

/// <summary>An unpaid work requirement, as progress sees it.</summary>
/// <param name="HoursOrdered">The hours the court ordered.</param>
/// <param name="OrderMadeOn">The day the order was made (the date of sentence): the time to complete runs from it.</param>
/// <param name="ExtendedTo">The last day to work the hours when the court extended the time, if it did.</param>
public sealed record UnpaidWorkOrder(int HoursOrdered, DateOnly OrderMadeOn, DateOnly? ExtendedTo = null)
{
    /// <summary>The requirement's hours and its order's date of sentence; fails for a requirement that is not unpaid work.</summary>
    public static UnpaidWorkOrder For(Requirement requirement, Order order, DateOnly? extendedTo = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(order);
        if (requirement.Type != RequirementType.UnpaidWork || requirement.UnpaidWorkHours is not { } hours)
        {
            throw new ArgumentException("The requirement is not unpaid work with its hours", nameof(requirement));
        }

        return new UnpaidWorkOrder(hours, order.SentenceDate, extendedTo);
    }
}

/// <summary>One person's credit from one session, as progress and the summaries see it.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="ProjectId">The session's project.</param>
/// <param name="PersonId">The person.</param>
/// <param name="Date">The session's day.</param>
/// <param name="CreditedMinutes">The minutes credited (<see cref="UnpaidWorkAttendance.CreditedMinutes"/>); never negative.</param>
public sealed record CreditedSession(int SessionId, int ProjectId, int PersonId, DateOnly Date, int CreditedMinutes);

/// <summary>Where an unpaid work requirement stands.</summary>
/// <param name="MinutesOrdered">The hours ordered, in minutes.</param>
/// <param name="MinutesRecorded">Every minute credited on the record, even past the hours ordered.</param>
/// <param name="SessionsCredited">Sessions that credited any time.</param>
/// <param name="LastDay">The last day to work the hours (<see cref="UnpaidWorkHours.LastDay"/>, or the court's extension).</param>
/// <param name="Today">The day progress was worked out for.</param>
/// <param name="CompletedOn">The day of the session that reached the hours ordered, once reached.</param>
/// <param name="RealisticHoursPerWeek">The pace judged realistic (<see cref="UnpaidWorkSettings.RealisticHoursPerWeek"/>).</param>
public sealed record UnpaidWorkProgress(
    int MinutesOrdered, int MinutesRecorded, int SessionsCredited, DateOnly LastDay, DateOnly Today, DateOnly? CompletedOn, decimal RealisticHoursPerWeek)
{
    /// <summary>Minutes credited towards the order: never more than the hours ordered.</summary>
    public int MinutesCredited => Math.Min(MinutesRecorded, MinutesOrdered);

    /// <summary>Minutes still to work: never negative.</summary>
    public int MinutesRemaining => MinutesOrdered - MinutesCredited;

    /// <summary>Minutes recorded beyond the hours ordered: credited nowhere, and flagged.</summary>
    public int ExcessMinutes => MinutesRecorded - MinutesCredited;

    /// <summary>True when the record holds more time than the court ordered (a correction is needed, or the last session ran over).</summary>
    public bool RecordExceedsOrdered => ExcessMinutes > 0;

    /// <summary>True once the hours ordered are worked.</summary>
    public bool IsComplete => MinutesRemaining == 0;

    /// <summary>Days left to work in, counting today and the last day; none once the last day has passed.</summary>
    public int DaysLeft => Math.Max(0, LastDay.DayNumber - Today.DayNumber + 1);

    /// <summary>Weeks left: <see cref="DaysLeft"/> over 7.</summary>
    public decimal WeeksLeft => DaysLeft / 7m;

    /// <summary>True when the hours are not worked and the last day has passed: the order needs the court.</summary>
    public bool IsOverdue => !IsComplete && DaysLeft == 0;

    /// <summary>
    /// Hours a week needed from today to finish by the last day: none needed once complete; nothing (no pace is enough)
    /// once overdue.
    /// </summary>
    public decimal? RequiredHoursPerWeek => IsComplete ? 0m : IsOverdue ? null : MinutesRemaining * 7m / (60m * DaysLeft);

    /// <summary>
    /// True when the hours will not be finished in time at a realistic pace: overdue, or needing more than
    /// <see cref="RealisticHoursPerWeek"/> hours a week (immutable line 8: flagged while there is still time).
    /// </summary>
    public bool IsAtRisk => !IsComplete && (RequiredHoursPerWeek is not { } rate || rate > RealisticHoursPerWeek);
}

/// <summary>
/// Unpaid work hours: the court orders 40 to 300 hours (<see cref="RequirementDetails.MinUnpaidWorkHours"/>), to be worked
/// within <see cref="UnpaidWorkSettings.CompletionMonths"/> (12) months beginning with the day the order is made unless
/// the court extends the time. Progress counts the credited minutes, never past the hours ordered, and judges whether the
/// rest can be done in time at a realistic pace.
/// </summary>
public static class UnpaidWorkHours
{
    /// <summary>
    /// The last day to work the hours: the day before the same calendar day <see cref="UnpaidWorkSettings.CompletionMonths"/>
    /// months on (a period of months beginning with the day of the order); when that month has no such day, its last day.
    /// An order of 15 March 2026 runs to 14 March 2027; one of 29 February 2028 to 28 February 2029; one of 31 January 2026
    /// with a one-month period to 28 February 2026.
    /// </summary>
    public static DateOnly LastDay(DateOnly orderMadeOn, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var anniversary = orderMadeOn.AddMonths(settings.CompletionMonths);
        return anniversary.Day == orderMadeOn.Day ? anniversary.AddDays(-1) : anniversary;
    }

    /// <summary>
    /// The requirement's progress from its credited sessions, as at <paramref name="today"/>. The last day is the court's
    /// extension when later than <see cref="LastDay"/>, otherwise <see cref="LastDay"/>.
    /// </summary>
    public static UnpaidWorkProgress Progress(UnpaidWorkOrder order, IEnumerable<CreditedSession> sessions, DateOnly today, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(order.HoursOrdered);
        var ordered = checked(order.HoursOrdered * 60);
        long recorded = 0;
        var credited = 0;
        DateOnly? completedOn = null;
        foreach (var s in sessions.OrderBy(s => s.Date).ThenBy(s => s.SessionId))
        {
            if (s.CreditedMinutes < 0)
            {
                throw new ArgumentException($"Session {s.SessionId} credits {s.CreditedMinutes} minutes: a credit is never negative", nameof(sessions));
            }

            recorded += s.CreditedMinutes;
            credited += s.CreditedMinutes > 0 ? 1 : 0;
            if (completedOn is null && ordered > 0 && recorded >= ordered)
            {
                completedOn = s.Date;
            }
        }

        var statutory = LastDay(order.OrderMadeOn, settings);
        var lastDay = order.ExtendedTo is { } extended && extended > statutory ? extended : statutory;
        return new UnpaidWorkProgress(ordered, (int)Math.Min(recorded, int.MaxValue), credited, lastDay, today, completedOn, settings.RealisticHoursPerWeek);
    }

    /// <summary>
    /// The progress in words, a line each: what was ordered, credited and remains, the last day, and whether the rest can
    /// be done in time. This is the working the requirement's page and API show.
    /// </summary>
    public static IReadOnlyList<string> Explain(UnpaidWorkProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var lines = new List<string>
        {
            $"Ordered: {Describe(progress.MinutesOrdered)}",
            $"Credited: {Describe(progress.MinutesCredited)} over {Sessions(progress.SessionsCredited)}",
        };
        if (progress.RecordExceedsOrdered)
        {
            lines.Add($"{Describe(progress.ExcessMinutes)} more is recorded than the court ordered: it is not counted, and the record needs checking");
        }

        if (progress.IsComplete)
        {
            lines.Add(progress.CompletedOn is { } on ? $"Complete: the hours were worked by {Day(on)}" : "Complete");
            return lines;
        }

        lines.Add($"Remaining: {Describe(progress.MinutesRemaining)}");
        if (progress.IsOverdue)
        {
            lines.Add($"Overdue: the last day to work the hours was {Day(progress.LastDay)}; the order needs to go back to court for more time");
            return lines;
        }

        var rate = progress.RequiredHoursPerWeek!.Value;
        lines.Add($"Last day to work the hours: {Day(progress.LastDay)} ({Days(progress.DaysLeft)} left)");
        lines.Add(progress.IsAtRisk
            ? $"At risk: {HoursPerWeek(rate)} a week are needed to finish in time, more than the {HoursPerWeek(progress.RealisticHoursPerWeek)} a week judged realistic"
            : $"On track: {HoursPerWeek(rate)} a week are needed to finish in time");
        return lines;
    }

    /// <summary>Minutes as hours and minutes: "0 hours", "45 minutes", "1 hour", "12 hours 30 minutes".</summary>
    public static string Describe(long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var hours = minutes / 60;
        var rest = minutes % 60;
        var h = hours == 1 ? "1 hour" : $"{hours} hours";
        var m = rest == 1 ? "1 minute" : $"{rest} minutes";
        return (hours, rest) switch
        {
            (0, 0) => "0 hours",
            (0, _) => m,
            (_, 0) => h,
            _ => $"{h} {m}",
        };
    }

    // A required pace is shown rounded up to a tenth of an hour, so it never reads as less than is needed.
    private static string HoursPerWeek(decimal hours)
    {
        var up = Math.Ceiling(hours * 10m) / 10m;
        return up == 1m ? "1 hour" : $"{up.ToString("0.#", CultureInfo.InvariantCulture)} hours";
    }

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count} sessions";

    private static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
