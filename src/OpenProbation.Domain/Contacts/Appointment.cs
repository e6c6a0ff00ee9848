using OpenProbation.Domain.Common;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Contacts;

/// <summary>
/// An appointment with a person on probation, and once it has happened, its outcome. Appointments are not deleted: a
/// moved appointment is recorded as rescheduled and a new one replaces it (<see cref="RescheduledFromId"/>), so the
/// record shows what was arranged and what happened. Times are stored in UTC and shown in Europe/London time.
/// </summary>
public sealed class Appointment : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>The order it is for, when it is for one.</summary>
    public int? OrderId { get; set; }

    /// <summary>Whom it is with; for a group, the lead facilitator.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>Kind of appointment.</summary>
    public AppointmentType Type { get; set; }

    /// <summary>When it starts (UTC).</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>How long it lasts.</summary>
    public int DurationMinutes { get; set; }

    /// <summary>Where it is held, for appointments at an office or site.</summary>
    public int? LocationId { get; set; }

    /// <summary>The room, for office interviews and groups.</summary>
    public int? RoomId { get; set; }

    /// <summary>The group session, for group appointments.</summary>
    public int? GroupSessionId { get; set; }

    /// <summary>Shared by the appointments arranged together as a repeating series; empty for a single appointment.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>Whether a failure to comply can be enforced (a warning, then breach or recall; PRACTICE.md section 5).</summary>
    public bool IsEnforceable { get; set; }

    /// <summary>Whether the day counts as a RAR day (PRACTICE.md section 2).</summary>
    public bool CountsTowardsRar { get; set; }

    /// <summary>The requirement it is for: the RAR it counts towards, the unpaid work or programme it delivers.</summary>
    public int? RequirementId { get; set; }

    /// <summary>For a RAR activity: the need in the sentence plan it works on, which links it to the outcomes agreed for that need.</summary>
    public NeedArea? PlanNeed { get; set; }

    /// <summary>Notes made when arranging it.</summary>
    public string? Notes { get; set; }

    /// <summary>What happened; empty until recorded.</summary>
    public AppointmentOutcome? Outcome { get; set; }

    /// <summary>Notes on what happened.</summary>
    public string? OutcomeNotes { get; set; }

    /// <summary>For an absence: the reason given.</summary>
    public string? AbsenceReason { get; set; }

    /// <summary>
    /// For an absence: the evidence seen and where it is held. It stays with the record, because evidence presented
    /// locally was needed centrally (PRACTICE.md section 5).
    /// </summary>
    public string? AbsenceEvidence { get; set; }

    /// <summary>User name of whoever recorded the outcome.</summary>
    public string? OutcomeRecordedBy { get; set; }

    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset? OutcomeRecordedAt { get; set; }

    /// <summary>The appointment this one replaces, when it was arranged by rescheduling another.</summary>
    public int? RescheduledFromId { get; set; }

    /// <summary>User name of whoever arranged it.</summary>
    public string ArrangedBy { get; set; } = "";

    /// <summary>When it was arranged.</summary>
    public DateTimeOffset ArrangedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>When it ends.</summary>
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    /// <summary>The time it takes up in its room.</summary>
    public TimeSlot Slot => new(StartsAt, EndsAt);

    /// <summary>True when the person was seen (<see cref="AppointmentOutcomes.IsHeld"/>).</summary>
    public bool IsHeld => Outcome is { } outcome && AppointmentOutcomes.IsHeld(outcome);

    /// <summary>True when the outcome is a failure to comply that opens an enforcement decision (<see cref="AppointmentOutcomes.IsFailureToComply"/>).</summary>
    public bool IsFailureToComply => Outcome is { } outcome && AppointmentOutcomes.IsFailureToComply(outcome, IsEnforceable);

    /// <summary>
    /// The appointments that validated details arrange for a person: one, or one per occurrence of a repeating series
    /// (<see cref="AppointmentRules.Occurrences(AppointmentDetails, TimeZoneInfo)"/>), all sharing <paramref name="seriesId"/>.
    /// </summary>
    /// <param name="personId">The person.</param>
    /// <param name="details">Validated details.</param>
    /// <param name="zone">The zone whose wall-clock time a series keeps (Europe/London).</param>
    /// <param name="seriesId">The series identity, used only when the details repeat (the caller makes it, so this stays pure).</param>
    /// <param name="arrangedBy">User name of whoever arranged them.</param>
    /// <param name="arrangedAt">When.</param>
    public static IReadOnlyList<Appointment> Arrange(
        int personId, AppointmentDetails details, TimeZoneInfo zone, Guid seriesId, string arrangedBy, DateTimeOffset arrangedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        var starts = AppointmentRules.Occurrences(details, zone);
        return [.. starts.Select(start =>
        {
            var appointment = new Appointment
            {
                PersonId = personId,
                SeriesId = details.RepeatEveryDays is null ? null : seriesId,
                ArrangedBy = arrangedBy,
                ArrangedAt = arrangedAt,
            };
            appointment.Apply(details);
            appointment.StartsAt = start;
            return appointment;
        })];
    }

    /// <summary>
    /// Copies validated details onto this one appointment. Repetition is ignored: an edit changes one occurrence, and
    /// its series identity stays. Enforceability and RAR counting take the kind's defaults when not given.
    /// </summary>
    public void Apply(AppointmentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Type = details.Type!.Value;
        StartsAt = details.StartsAt!.Value.ToUniversalTime();
        DurationMinutes = details.DurationMinutes!.Value;
        StaffMemberId = details.StaffMemberId!.Value;
        OrderId = details.OrderId;
        LocationId = details.LocationId;
        RoomId = AppointmentTypes.TakesNoRoom(Type) ? null : details.RoomId;
        GroupSessionId = AppointmentTypes.IsGroup(Type) ? details.GroupSessionId : null;
        RequirementId = details.RequirementId;
        IsEnforceable = details.IsEnforceable ?? AppointmentTypes.DefaultEnforceable(Type);
        CountsTowardsRar = details.CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(Type);
        PlanNeed = CountsTowardsRar ? details.PlanNeed : null;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }

    /// <summary>The appointment as details, e.g. to check a new time with the same rules as a new appointment.</summary>
    public AppointmentDetails ToDetails() => new(
        Type, StartsAt, DurationMinutes, StaffMemberId, OrderId, LocationId, RoomId, GroupSessionId, RequirementId,
        IsEnforceable, CountsTowardsRar, Notes, RepeatEveryDays: null, Occurrences: null, PlanNeed);

    /// <summary>
    /// Records a validated outcome (see <see cref="OutcomeDetails.Validate"/>). For a rescheduled appointment, returns the
    /// new appointment that replaces it, at the new time and otherwise the same, for the caller to check and save;
    /// otherwise returns nothing. Reason and evidence are kept only for absences.
    /// </summary>
    public Appointment? RecordOutcome(OutcomeDetails details, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        var outcome = details.Outcome!.Value;
        var absence = AppointmentOutcomes.IsAbsence(outcome);
        Outcome = outcome;
        OutcomeNotes = Clean(details.Notes);
        AbsenceReason = absence ? Clean(details.AbsenceReason) : null;
        AbsenceEvidence = absence ? Clean(details.AbsenceEvidence) : null;
        OutcomeRecordedBy = recordedBy;
        OutcomeRecordedAt = recordedAt;
        if (outcome != AppointmentOutcome.Rescheduled)
        {
            return null;
        }

        var replacement = new Appointment
        {
            PersonId = PersonId,
            SeriesId = SeriesId,
            RescheduledFromId = Id,
            ArrangedBy = recordedBy,
            ArrangedAt = recordedAt,
        };
        replacement.Apply(ToDetails() with { StartsAt = details.RescheduledTo!.Value });
        return replacement;
    }

    /// <summary>The appointment as contact compliance sees it, dated in <paramref name="zone"/>'s local time.</summary>
    public ContactRecord ToContactRecord(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(StartsAt, zone).DateTime), Type, Outcome);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a client sends to arrange or change an appointment.</summary>
/// <param name="Type">Kind of appointment.</param>
/// <param name="StartsAt">When it starts; stored in UTC.</param>
/// <param name="DurationMinutes">How long it lasts, 5 minutes to 8 hours.</param>
/// <param name="StaffMemberId">Whom it is with (the lead facilitator for a group).</param>
/// <param name="OrderId">The order it is for.</param>
/// <param name="LocationId">Where; required with a room.</param>
/// <param name="RoomId">The room; required for office interviews and groups, refused for calls and home visits.</param>
/// <param name="GroupSessionId">The group session; required for group kinds, refused for others.</param>
/// <param name="RequirementId">The requirement it is for; required when it counts towards a RAR.</param>
/// <param name="IsEnforceable">Whether a failure to comply can be enforced; defaults by kind (<see cref="AppointmentTypes.DefaultEnforceable"/>).</param>
/// <param name="CountsTowardsRar">Whether it is a RAR day; defaults by kind (<see cref="AppointmentTypes.DefaultCountsTowardsRar"/>).</param>
/// <param name="Notes">Notes.</param>
/// <param name="RepeatEveryDays">Empty for a single appointment; otherwise repeat every 1 to 56 days at the same local time.</param>
/// <param name="Occurrences">How many appointments in a repeating series: 2 to 52.</param>
/// <param name="PlanNeed">For a RAR activity: the need in the sentence plan it works on (checked against the plan when saved).</param>
public sealed record AppointmentDetails(
    AppointmentType? Type,
    DateTimeOffset? StartsAt,
    int? DurationMinutes,
    int? StaffMemberId,
    int? OrderId,
    int? LocationId,
    int? RoomId,
    int? GroupSessionId,
    int? RequirementId,
    bool? IsEnforceable,
    bool? CountsTowardsRar,
    string? Notes,
    int? RepeatEveryDays,
    int? Occurrences,
    NeedArea? PlanNeed = null)
{
    /// <summary>The shortest appointment, in minutes.</summary>
    public const int MinDurationMinutes = 5;

    /// <summary>The longest appointment, in minutes (a working day of unpaid work).</summary>
    public const int MaxDurationMinutes = 480;

    /// <summary>The longest gap between the appointments of a series, in days (eight weeks).</summary>
    public const int MaxRepeatEveryDays = 56;

    /// <summary>The fewest appointments in a series.</summary>
    public const int MinOccurrences = 2;

    /// <summary>The most appointments in a series (a year of weekly appointments).</summary>
    public const int MaxOccurrences = 52;

    /// <summary>How far ahead an appointment may be arranged: further is a typing mistake.</summary>
    public const int MaxYearsAhead = 2;

    /// <summary>
    /// Checks the details as at <paramref name="now"/>. Arranging needs a start in the future; recording a contact that
    /// has already happened (with its outcome, <paramref name="allowPast"/> true) allows a past start but no repetition.
    /// Rooms, bookings, working days and group places need loaded records and are checked by <see cref="AppointmentRules"/>.
    /// </summary>
    public ValidationErrors Validate(DateTimeOffset now, bool allowPast = false)
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of appointment")
            .Present("startsAt", StartsAt, "Enter the date and time of the appointment")
            .Present("durationMinutes", DurationMinutes, "Enter how long the appointment lasts")
            .Present("staffMemberId", StaffMemberId, "Select who the appointment is with")
            .MaxLength("notes", Notes, FieldLimits.Note, "notes");
        CheckDuration(errors, DurationMinutes, "appointment");

        if (StartsAt is { } start)
        {
            if (!allowPast && start <= now)
            {
                errors.Add("startsAt", "The appointment must be in the future: record a contact that has happened with its outcome");
            }
            else if (start > LatestStart(now))
            {
                errors.Add("startsAt", $"An appointment can be arranged at most {MaxYearsAhead} years ahead");
            }
        }

        if (Type is { } type && Enum.IsDefined(type))
        {
            CheckPlace(errors, type);
            CheckRar(errors, type);
        }

        CheckRepetition(errors, now, allowPast);
        return errors;
    }

    /// <summary>The latest start allowed when arranging at <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestStart(DateTimeOffset now) =>
        now.Year <= DateTimeOffset.MaxValue.Year - MaxYearsAhead ? now.AddYears(MaxYearsAhead) : DateTimeOffset.MaxValue;

    /// <summary>Checks a duration in minutes is within <see cref="MinDurationMinutes"/> to <see cref="MaxDurationMinutes"/>.</summary>
    internal static void CheckDuration(ValidationErrors errors, int? minutes, string what)
    {
        if (minutes is { } m && m is < MinDurationMinutes or > MaxDurationMinutes)
        {
            errors.Add("durationMinutes", $"The {what} must last between {MinDurationMinutes} minutes and {MaxDurationMinutes / 60} hours");
        }
    }

    private void CheckPlace(ValidationErrors errors, AppointmentType type)
    {
        var described = AppointmentTypes.Describe(type);
        if (AppointmentTypes.NeedsRoom(type))
        {
            errors.Present("locationId", LocationId, "Select a location").Present("roomId", RoomId, "Select a room");
        }
        else if (AppointmentTypes.TakesNoRoom(type) && RoomId is not null)
        {
            errors.Add("roomId", $"{Wording.Article(described, capital: true)} takes no room: leave the room empty");
        }
        else if (RoomId is not null && LocationId is null)
        {
            errors.Add("locationId", "Select the location of the room");
        }

        if (AppointmentTypes.IsGroup(type))
        {
            errors.Present("groupSessionId", GroupSessionId, "Select the group session");
        }
        else if (GroupSessionId is not null)
        {
            errors.Add("groupSessionId", $"{Wording.Article(described, capital: true)} is not part of a group session");
        }
    }

    private void CheckRar(ValidationErrors errors, AppointmentType type)
    {
        var countsTowardsRar = CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(type);
        errors.Defined("planNeed", PlanNeed, "a need", required: false);
        if (!countsTowardsRar)
        {
            if (PlanNeed is not null)
            {
                errors.Add("planNeed", "Only a RAR activity is linked to a need in the sentence plan: leave the need empty");
            }

            return;
        }

        if (!AppointmentTypes.MayCountTowardsRar(type))
        {
            errors.Add(
                "countsTowardsRar",
                AppointmentTypes.CountsTowardsContactStandard(type)
                    ? $"{Wording.Article(AppointmentTypes.Describe(type), capital: true)} cannot count towards a RAR: offender-management appointments are not RAR days"
                    : $"{Wording.Article(AppointmentTypes.Describe(type), capital: true)} cannot count towards a RAR: it is a requirement of its own");
        }
        else if (RequirementId is null)
        {
            errors.Add("requirementId", "Select the RAR requirement the session counts towards");
        }
    }

    private void CheckRepetition(ValidationErrors errors, DateTimeOffset now, bool allowPast)
    {
        if (RepeatEveryDays is not { } every)
        {
            if (Occurrences is not null)
            {
                errors.Add("repeatEveryDays", "Enter how often the appointment repeats");
            }

            return;
        }

        if (allowPast)
        {
            errors.Add("repeatEveryDays", "A contact that has happened is recorded once: it cannot repeat");
            return;
        }

        if (Type is { } type && AppointmentTypes.IsGroup(type))
        {
            errors.Add("repeatEveryDays", "A group appointment follows its session: book each session separately");
            return;
        }

        if (every is < 1 or > MaxRepeatEveryDays)
        {
            errors.Add("repeatEveryDays", $"An appointment can repeat every 1 to {MaxRepeatEveryDays} days");
        }

        if (Occurrences is not { } count)
        {
            errors.Add("occurrences", "Enter how many appointments to arrange");
        }
        else if (count is < MinOccurrences or > MaxOccurrences)
        {
            errors.Add("occurrences", $"Arrange between {MinOccurrences} and {MaxOccurrences} appointments");
        }
        else if (every is >= 1 and <= MaxRepeatEveryDays && StartsAt is { } start && start <= LatestStart(now)
            && (LatestStart(now) - start).TotalDays < every * (count - 1))
        {
            errors.Add("occurrences", $"The last appointment would be more than {MaxYearsAhead} years ahead: arrange fewer");
        }
    }
}
