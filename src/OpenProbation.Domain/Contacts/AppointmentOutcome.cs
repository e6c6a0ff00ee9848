namespace OpenProbation.Domain.Contacts;

/// <summary>What happened at an appointment.</summary>
public enum AppointmentOutcome
{
    /// <summary>The person attended and complied.</summary>
    AttendedComplied = 1,

    /// <summary>The person attended but did not comply (e.g. refused to take part, behaved unacceptably).</summary>
    AttendedFailedToComply,

    /// <summary>The person attended and was sent home (e.g. under the influence, or the session was full or cancelled on the day).</summary>
    SentHome,

    /// <summary>The person did not attend and the absence was judged unacceptable.</summary>
    UnacceptableAbsence,

    /// <summary>The person did not attend and the absence has not yet been judged: it becomes acceptable or unacceptable later.</summary>
    FailedToAttend,

    /// <summary>The person did not attend for a reason accepted on the evidence (illness with a note, a court date).</summary>
    AcceptableAbsence,

    /// <summary>The appointment was moved to another time; a new appointment replaces it.</summary>
    Rescheduled,
}

/// <summary>What follows from an appointment's outcome.</summary>
public static class AppointmentOutcomes
{
    /// <summary>True when the person was seen: attended and complied, attended and failed to comply, or sent home.</summary>
    public static bool IsHeld(AppointmentOutcome outcome) => outcome is AppointmentOutcome.AttendedComplied
        or AppointmentOutcome.AttendedFailedToComply or AppointmentOutcome.SentHome;

    /// <summary>True when the person did not attend, whatever the reason.</summary>
    public static bool IsAbsence(AppointmentOutcome outcome) => outcome is AppointmentOutcome.UnacceptableAbsence
        or AppointmentOutcome.FailedToAttend or AppointmentOutcome.AcceptableAbsence;

    /// <summary>
    /// True for a failure to comply: attended but failed to comply, or an unacceptable absence, at an enforceable
    /// appointment. Each opens an enforcement decision (PRACTICE.md section 5); an unenforceable appointment never does.
    /// </summary>
    public static bool IsFailureToComply(AppointmentOutcome outcome, bool isEnforceable) =>
        isEnforceable && outcome is AppointmentOutcome.AttendedFailedToComply or AppointmentOutcome.UnacceptableAbsence;

    /// <summary>
    /// True when the outcome needs the reason and the evidence for it: an acceptable absence. The evidence is described
    /// on the record, with where it is held, because evidence presented locally was needed centrally (PRACTICE.md section 5).
    /// </summary>
    public static bool NeedsReasonAndEvidence(AppointmentOutcome outcome) => outcome == AppointmentOutcome.AcceptableAbsence;

    /// <summary>
    /// True when the outcome needs a note of what happened, because an enforcement decision may rest on it: attended but
    /// failed to comply, sent home, unacceptable absence (PRACTICE.md section 5: what happened, decided by whom, why, when).
    /// </summary>
    public static bool NeedsNotes(AppointmentOutcome outcome) => outcome is AppointmentOutcome.AttendedFailedToComply
        or AppointmentOutcome.SentHome or AppointmentOutcome.UnacceptableAbsence;

    /// <summary>
    /// True when the outcome may be recorded before the appointment starts: rescheduling, and an acceptable absence the
    /// person told staff about in advance. Anything else needs the appointment to have started.
    /// </summary>
    public static bool MayBeRecordedInAdvance(AppointmentOutcome outcome) =>
        outcome is AppointmentOutcome.Rescheduled or AppointmentOutcome.AcceptableAbsence;

    /// <summary>The outcome in words for a sentence, e.g. "unacceptable absence".</summary>
    public static string Describe(AppointmentOutcome outcome) => outcome switch
    {
        AppointmentOutcome.AttendedComplied => "attended and complied",
        AppointmentOutcome.AttendedFailedToComply => "attended but failed to comply",
        AppointmentOutcome.SentHome => "sent home",
        AppointmentOutcome.UnacceptableAbsence => "unacceptable absence",
        AppointmentOutcome.FailedToAttend => "failed to attend",
        AppointmentOutcome.AcceptableAbsence => "acceptable absence",
        AppointmentOutcome.Rescheduled => "rescheduled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown appointment outcome"),
    };
}
