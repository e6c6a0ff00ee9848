namespace OpenProbation.Domain.UnpaidWork;

/// <summary>How one attendance's credit was worked out.</summary>
/// <param name="Status">What happened.</param>
/// <param name="MinutesWorked">Minutes worked that count (none for an absence).</param>
/// <param name="TravelMinutesClaimed">Travel recorded, before the cap.</param>
/// <param name="TravelMinutesCredited">Travel credited: no more than <see cref="UnpaidWorkSettings.TravelCapMinutes"/>.</param>
/// <param name="AdjustmentMinutes">The adjustments that count, added together (a deduction is negative).</param>
/// <param name="CreditedMinutes">The credit: never negative, never more than <see cref="UnpaidWorkSettings.MaxCreditedMinutesPerSession"/>.</param>
/// <param name="SessionCapApplied">True when the time recorded came to more than one session may credit.</param>
public sealed record SessionCredit(
    UnpaidWorkAttendanceStatus Status, int MinutesWorked, int TravelMinutesClaimed, int TravelMinutesCredited, int AdjustmentMinutes, int CreditedMinutes, bool SessionCapApplied)
{
    /// <summary>True when travel beyond the cap was left out.</summary>
    public bool TravelCapApplied => TravelMinutesCredited < TravelMinutesClaimed;
}

/// <summary>
/// The credit for one session: the minutes worked, travel up to <see cref="UnpaidWorkSettings.TravelCapMinutes"/> (180),
/// and adjustments with reasons (an induction, time stood down by the provider, a deduction), never below nothing and
/// never above <see cref="UnpaidWorkSettings.MaxCreditedMinutesPerSession"/>. A person sent home is credited only the
/// time worked before; an absence credits nothing.
/// </summary>
public static class UnpaidWorkCredit
{
    /// <summary>
    /// The credit from what was recorded. Negative minutes worked or travel count as none; adjustments count only for a
    /// person who attended or was stood down.
    /// </summary>
    public static SessionCredit For(
        UnpaidWorkAttendanceStatus status, int minutesWorked, int travelMinutes, IEnumerable<int> adjustmentMinutes, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(adjustmentMinutes);
        ArgumentNullException.ThrowIfNull(settings);
        var turnedUp = status is UnpaidWorkAttendanceStatus.Attended or UnpaidWorkAttendanceStatus.StoodDown or UnpaidWorkAttendanceStatus.SentHome;
        var fullCredit = status is UnpaidWorkAttendanceStatus.Attended or UnpaidWorkAttendanceStatus.StoodDown;
        var worked = turnedUp ? Math.Max(0, minutesWorked) : 0;
        var claimed = Math.Max(0, travelMinutes);
        var travel = fullCredit ? Math.Min(claimed, Math.Max(0, settings.TravelCapMinutes)) : 0;

        // Summed wide so that no list of adjustments can overflow; the credit is bounded below.
        var adjustments = fullCredit ? adjustmentMinutes.Sum(m => (long)m) : 0L;
        var raw = worked + (long)travel + adjustments;
        var credited = (int)Math.Clamp(raw, 0L, settings.MaxCreditedMinutesPerSession);
        var adjustmentTotal = (int)Math.Clamp(adjustments, int.MinValue, int.MaxValue);
        return new SessionCredit(status, worked, claimed, travel, adjustmentTotal, credited, raw > settings.MaxCreditedMinutesPerSession);
    }

    /// <summary>The credit for details a client sent (checked by <see cref="UnpaidWorkAttendanceDetails.Validate"/>).</summary>
    public static SessionCredit For(UnpaidWorkAttendanceDetails details, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(details);
        return For(details.Status!.Value, details.MinutesWorked ?? 0, details.TravelMinutes ?? 0,
            (details.Adjustments ?? []).Select(a => a?.Minutes ?? 0), settings);
    }

    /// <summary>The credit for a recorded attendance; nothing is credited before it is recorded.</summary>
    public static SessionCredit For(UnpaidWorkAttendance attendance, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return attendance.Status is { } status
            ? For(status, attendance.MinutesWorked, attendance.TravelMinutes, attendance.Adjustments.Select(a => a.Minutes), settings)
            : new SessionCredit(UnpaidWorkAttendanceStatus.AcceptableAbsence, 0, 0, 0, 0, 0, false);
    }

    /// <summary>
    /// True for what the supervisor reports to the responsible officer as a failure to comply: sent home, or absent
    /// without an acceptable reason.
    /// </summary>
    public static bool IsFailureToComply(UnpaidWorkAttendanceStatus status) =>
        status is UnpaidWorkAttendanceStatus.SentHome or UnpaidWorkAttendanceStatus.UnacceptableAbsence;

    /// <summary>
    /// The working in words, e.g. "6 hours worked, travel 3 hours 30 minutes (3 hours credited: travel is capped at 3
    /// hours), adjustments 1 hour: 10 hours credited". This is what a session's page and API show.
    /// </summary>
    public static string Explain(SessionCredit credit, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(credit);
        ArgumentNullException.ThrowIfNull(settings);
        switch (credit.Status)
        {
            case UnpaidWorkAttendanceStatus.AcceptableAbsence:
                return "Absent (acceptable): nothing credited";
            case UnpaidWorkAttendanceStatus.UnacceptableAbsence:
                return "Absent (unacceptable): nothing credited; a failure to comply";
            case UnpaidWorkAttendanceStatus.SentHome:
                return $"Sent home after {UnpaidWorkHours.Describe(credit.MinutesWorked)} worked: only the time worked is credited, "
                    + $"{UnpaidWorkHours.Describe(credit.CreditedMinutes)}; a failure to comply";
            default:
                break;
        }

        var parts = new List<string>();
        if (credit.Status == UnpaidWorkAttendanceStatus.StoodDown)
        {
            parts.Add("Stood down by the provider");
        }

        if (credit.MinutesWorked > 0 || (credit.TravelMinutesClaimed == 0 && credit.AdjustmentMinutes == 0))
        {
            parts.Add($"{UnpaidWorkHours.Describe(credit.MinutesWorked)} worked");
        }

        if (credit.TravelMinutesClaimed > 0)
        {
            parts.Add(credit.TravelCapApplied
                ? $"travel {UnpaidWorkHours.Describe(credit.TravelMinutesClaimed)} ({UnpaidWorkHours.Describe(credit.TravelMinutesCredited)} credited: travel is capped at {UnpaidWorkHours.Describe(settings.TravelCapMinutes)})"
                : $"travel {UnpaidWorkHours.Describe(credit.TravelMinutesCredited)}");
        }

        if (credit.AdjustmentMinutes != 0)
        {
            parts.Add(credit.AdjustmentMinutes > 0
                ? $"adjustments {UnpaidWorkHours.Describe(credit.AdjustmentMinutes)}"
                : $"adjustments take off {UnpaidWorkHours.Describe(-(long)credit.AdjustmentMinutes)}");
        }

        var words = $"{string.Join(", ", parts)}: {UnpaidWorkHours.Describe(credit.CreditedMinutes)} credited";
        return credit.SessionCapApplied
            ? $"{words} (a session credits at most {UnpaidWorkHours.Describe(settings.MaxCreditedMinutesPerSession)})"
            : words;
    }
}
