using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Rar;

/// <summary>An appointment for a RAR, as day counting sees it.</summary>
/// <param name="AppointmentId">The appointment, so a refusal or a day can name it.</param>
/// <param name="Date">The day it is held, in Europe/London.</param>
/// <param name="Type">Kind of appointment.</param>
/// <param name="Outcome">What happened; empty until recorded.</param>
/// <param name="IsEnforceable">Whether it is enforceable.</param>
/// <param name="CountsTowardsRar">Whether staff marked it as a RAR activity.</param>
/// <param name="Need">The need in the sentence plan it works on; empty when not linked.</param>
public sealed record RarSession(
    int AppointmentId, DateOnly Date, AppointmentType Type, AppointmentOutcome? Outcome, bool IsEnforceable, bool CountsTowardsRar, NeedArea? Need = null);

/// <summary>Where a RAR stands.</summary>
/// <param name="MaximumDays">The most days the court allows.</param>
/// <param name="CompletedDays">Each day delivered, earliest first (a day with two sessions appears once).</param>
/// <param name="PlannedDays">Each day instructed and not yet held, earliest first, leaving out days already delivered.</param>
public sealed record RarProgress(int MaximumDays, IReadOnlyList<DateOnly> CompletedDays, IReadOnlyList<DateOnly> PlannedDays)
{
    /// <summary>Days delivered, never more than the maximum.</summary>
    public int DaysCompleted => Math.Min(CompletedDays.Count, MaximumDays);

    /// <summary>Days instructed and still to come, never taking the total past the maximum.</summary>
    public int DaysPlanned => Math.Min(PlannedDays.Count, MaximumDays - DaysCompleted);

    /// <summary>Days delivered and instructed.</summary>
    public int DaysInstructed => DaysCompleted + DaysPlanned;

    /// <summary>Days the officer may still instruct.</summary>
    public int DaysRemaining => MaximumDays - DaysInstructed;

    /// <summary>True when the record holds more delivered or instructed days than the court allowed (only an import or an old record can).</summary>
    public bool RecordExceedsMaximum => CompletedDays.Count + PlannedDays.Count > MaximumDays;
}

/// <summary>
/// RAR day counting (PRACTICE.md section 2, the MoJ RAR guidance): a RAR day is a day with at least one planned,
/// structured, enforceable activity; two or more sessions on one day count as one day; offender-management
/// appointments never count; the officer may never instruct more days than the court's maximum.
/// </summary>
public static class RarDays
{
    /// <summary>The rule name a refusal to instruct beyond the maximum carries.</summary>
    public const string MaximumDaysRule = "rar-maximum-days";

    /// <summary>
    /// True for a session that can make a RAR day: marked as a RAR activity, enforceable, and not an
    /// offender-management appointment (whatever it was marked).
    /// </summary>
    public static bool IsActivity(RarSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.CountsTowardsRar && session.IsEnforceable && !AppointmentTypes.CountsTowardsContactStandard(session.Type);
    }

    /// <summary>
    /// True for an activity that was delivered: the person attended and complied. Attending and failing to comply, being
    /// sent home or being absent delivers nothing, so the day is not counted (the failure goes to enforcement).
    /// </summary>
    public static bool IsDelivered(RarSession session) => IsActivity(session) && session.Outcome == AppointmentOutcome.AttendedComplied;

    /// <summary>True for an activity instructed and not yet held (no outcome recorded).</summary>
    public static bool IsPlanned(RarSession session) => IsActivity(session) && session.Outcome is null;

    /// <summary>The RAR's days from its sessions.</summary>
    public static RarProgress Progress(int maximumDays, IEnumerable<RarSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumDays);
        var list = sessions.ToList();
        var completed = list.Where(IsDelivered).Select(s => s.Date).Distinct().Order().ToList();
        var done = completed.ToHashSet();
        var planned = list.Where(IsPlanned).Select(s => s.Date).Where(d => !done.Contains(d)).Distinct().Order().ToList();
        return new RarProgress(maximumDays, completed, planned);
    }

    /// <summary>
    /// Why instructing an activity on <paramref name="date"/> would go beyond the maximum, or nothing when it would not: a
    /// session on a day already delivered or instructed adds no day, and any other needs a day left.
    /// </summary>
    /// <param name="progress">The RAR as it stands, without the new session.</param>
    /// <param name="date">The day of the new session.</param>
    public static string? RefuseInstruction(RarProgress progress, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.CompletedDays.Contains(date) || progress.PlannedDays.Contains(date))
        {
            return null;
        }

        return progress.DaysRemaining > 0
            ? null
            : $"The court allowed at most {Days(progress.MaximumDays)} and {Days(progress.DaysInstructed)} already delivered or instructed "
              + $"({Days(progress.DaysCompleted)} delivered, {Days(progress.DaysPlanned)} to come): another day cannot be instructed. "
              + "A further session can only be on a day already instructed.";
    }

    /// <summary>
    /// Each session with what it did for the RAR in words, earliest first: the day it made, the day it shared with an
    /// earlier session, or why it made none. This is the working the RAR page and API show.
    /// </summary>
    public static IReadOnlyList<(RarSession Session, string Words)> Explain(IEnumerable<RarSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var delivered = new HashSet<DateOnly>();
        var planned = new HashSet<DateOnly>();
        var result = new List<(RarSession, string)>();
        foreach (var s in sessions.OrderBy(s => s.Date).ThenBy(s => s.AppointmentId))
        {
            string words;
            if (AppointmentTypes.CountsTowardsContactStandard(s.Type))
            {
                words = $"Not a RAR day: offender management ({AppointmentTypes.Describe(s.Type)})";
            }
            else if (!s.CountsTowardsRar)
            {
                words = "Not a RAR day: not recorded as a RAR activity";
            }
            else if (!s.IsEnforceable)
            {
                words = "Not a RAR day: a RAR activity must be enforceable";
            }
            else if (s.Outcome is null)
            {
                words = delivered.Contains(s.Date) || !planned.Add(s.Date) ? "To come, on a day already counted" : "To come: a day instructed";
            }
            else if (s.Outcome == AppointmentOutcome.AttendedComplied)
            {
                words = delivered.Add(s.Date) ? "A RAR day delivered" : "Another session on a day already counted: the day counts once";
            }
            else
            {
                words = $"Not a RAR day: {AppointmentOutcomes.Describe(s.Outcome.Value)}";
            }

            result.Add((s, words));
        }

        return result;
    }

    /// <summary>"1 day", "15 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";
}
