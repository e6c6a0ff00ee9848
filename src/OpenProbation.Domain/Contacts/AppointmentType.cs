namespace OpenProbation.Domain.Contacts;

/// <summary>Kinds of appointment with a person on probation.</summary>
public enum AppointmentType
{
    /// <summary>One-to-one interview with the responsible officer at a probation office.</summary>
    OfficeInterview = 1,

    /// <summary>Visit to the person's home.</summary>
    HomeVisit,

    /// <summary>Telephone call.</summary>
    Telephone,

    /// <summary>Video call.</summary>
    Video,

    /// <summary>Offender-management group session (e.g. a reporting or compliance group).</summary>
    GroupSession,

    /// <summary>Group induction after sentence or release (PRACTICE.md section 3: planned at 1 member of staff to 6).</summary>
    GroupInduction,

    /// <summary>Rehabilitation Activity Requirement session.</summary>
    RarSession,

    /// <summary>Unpaid work (community payback) session.</summary>
    UnpaidWork,

    /// <summary>Accredited programme session, e.g. Building Better Relationships.</summary>
    ProgrammeSession,

    /// <summary>Appointment with another agency (treatment provider, housing, employment).</summary>
    OtherAgency,
}

/// <summary>What follows from the kind of an appointment.</summary>
public static class AppointmentTypes
{
    /// <summary>
    /// True when the person and a member of staff are in the same place. Telephone and video calls are not; every other
    /// kind is, including sessions delivered by others.
    /// </summary>
    public static bool IsFaceToFace(AppointmentType type) => type is not (AppointmentType.Telephone or AppointmentType.Video);

    /// <summary>True for an office interview, the one kind that must be held in a private room (PRACTICE.md section 3).</summary>
    public static bool IsOneToOne(AppointmentType type) => type == AppointmentType.OfficeInterview;

    /// <summary>True for the kinds held as a group session with facilitators: group sessions, group inductions, programme sessions.</summary>
    public static bool IsGroup(AppointmentType type) =>
        type is AppointmentType.GroupSession or AppointmentType.GroupInduction or AppointmentType.ProgrammeSession;

    /// <summary>True for the kinds that are held in a room of a probation office: an office interview and the groups.</summary>
    public static bool NeedsRoom(AppointmentType type) => IsOneToOne(type) || IsGroup(type);

    /// <summary>
    /// True for the kinds that can have no room: telephone and video calls and home visits happen away from the office, so
    /// booking a room for them would take one from someone who needs it.
    /// </summary>
    public static bool TakesNoRoom(AppointmentType type) =>
        type is AppointmentType.Telephone or AppointmentType.Video or AppointmentType.HomeVisit;

    /// <summary>
    /// True for the kinds held at a probation office, which must fall on working days (<see cref="NeedsRoom"/>): unpaid
    /// work, RAR and other agencies' sessions can run at weekends, and a home visit or a call may be made out of hours.
    /// </summary>
    public static bool IsOfficeBased(AppointmentType type) => NeedsRoom(type);

    /// <summary>
    /// True for offender-management contacts, which are what a contact standard counts: office interviews, home visits,
    /// telephone and video calls, group sessions and group inductions. RAR sessions, unpaid work, programme sessions and
    /// other agencies' appointments are delivered by others for a requirement and are counted against that requirement
    /// instead (issue 6), so they neither make up for a missed supervision contact nor hide one.
    /// </summary>
    public static bool CountsTowardsContactStandard(AppointmentType type) => type is AppointmentType.OfficeInterview
        or AppointmentType.HomeVisit or AppointmentType.Telephone or AppointmentType.Video
        or AppointmentType.GroupSession or AppointmentType.GroupInduction;

    /// <summary>
    /// Whether a missed appointment of this kind is enforceable unless staff say otherwise: all are, except other
    /// agencies' appointments, which the person is encouraged but not instructed to attend.
    /// </summary>
    public static bool DefaultEnforceable(AppointmentType type) => type != AppointmentType.OtherAgency;

    /// <summary>
    /// Whether an appointment of this kind counts towards a RAR unless staff say otherwise: only RAR sessions do.
    /// Offender-management appointments are never RAR days (PRACTICE.md section 2, RAR guidance).
    /// </summary>
    public static bool DefaultCountsTowardsRar(AppointmentType type) => type == AppointmentType.RarSession;

    /// <summary>
    /// Whether staff may mark an appointment of this kind as counting towards a RAR: RAR sessions and other agencies'
    /// appointments (a RAR activity can be delivered by a partner). Offender-management contacts may not (PRACTICE.md
    /// section 2), nor unpaid work and programmes, which are requirements of their own.
    /// </summary>
    public static bool MayCountTowardsRar(AppointmentType type) => type is AppointmentType.RarSession or AppointmentType.OtherAgency;

    /// <summary>The kind in words for a sentence, e.g. "group induction".</summary>
    public static string Describe(AppointmentType type) => type switch
    {
        AppointmentType.OfficeInterview => "office interview",
        AppointmentType.HomeVisit => "home visit",
        AppointmentType.Telephone => "telephone contact",
        AppointmentType.Video => "video call",
        AppointmentType.GroupSession => "group session",
        AppointmentType.GroupInduction => "group induction",
        AppointmentType.RarSession => "RAR session",
        AppointmentType.UnpaidWork => "unpaid work session",
        AppointmentType.ProgrammeSession => "programme session",
        AppointmentType.OtherAgency => "appointment with another agency",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown appointment type"),
    };
}
