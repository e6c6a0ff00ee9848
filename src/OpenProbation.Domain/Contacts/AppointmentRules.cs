using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Contacts;

/// <summary>
/// The rules for arranging appointments that need loaded records: rooms, their bookings, group places, working days and
/// repeating series. Each is a pure function given what it needs; the handler loads, calls them, then saves.
/// </summary>
public static class AppointmentRules
{
    /// <summary>The time zone appointments are arranged in: England and Wales.</summary>
    public const string TimeZoneId = "Europe/London";

    /// <summary>The start of each appointment the details arrange (see <see cref="Occurrences(DateTimeOffset, int?, int?, TimeZoneInfo)"/>).</summary>
    public static IReadOnlyList<DateTimeOffset> Occurrences(AppointmentDetails details, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Occurrences(details.StartsAt!.Value, details.RepeatEveryDays, details.Occurrences, zone);
    }

    /// <summary>
    /// The starts (UTC) of a single appointment or of a repeating series. A series keeps the wall-clock time in
    /// <paramref name="zone"/>, so a weekly 10:00 appointment stays at 10:00 when the clocks change rather than moving to
    /// 09:00 or 11:00. A local time that does not exist (the hour skipped when the clocks go forward) moves forward by the
    /// gap; one that happens twice (the hour repeated when they go back) takes the first.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Occurrences(DateTimeOffset first, int? repeatEveryDays, int? occurrences, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = first.ToUniversalTime();
        if (repeatEveryDays is not { } every)
        {
            return [start];
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var count = occurrences ?? 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var local = TimeZoneInfo.ConvertTime(first, zone).DateTime;
        return [start, .. Enumerable.Range(1, count - 1).Select(i => FromLocal(local.AddDays(checked(every * i)), zone))];
    }

    /// <summary>The instant (UTC) of a wall-clock time in <paramref name="zone"/>, resolving skipped and repeated times as <see cref="Occurrences(DateTimeOffset, int?, int?, TimeZoneInfo)"/> does.</summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // For a skipped time the zone reports its standard offset, the one in force before the clocks went forward,
        // which lands the instant the length of the gap later on the wall clock (01:30 becomes 02:30 in London).
        var offset = zone.IsAmbiguousTime(wallClock) ? zone.GetAmbiguousTimeOffsets(wallClock).Max() : zone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>
    /// Office-based appointments (<see cref="AppointmentTypes.IsOfficeBased"/>) must fall on working days of the
    /// calendar: refuses the occurrences that do not, naming each date (local time), under <c>startsAt</c>.
    /// </summary>
    public static ValidationErrors CheckWorkingDays(
        AppointmentType type, IReadOnlyList<DateTimeOffset> starts, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new ValidationErrors();
        if (!AppointmentTypes.IsOfficeBased(type))
        {
            return errors;
        }

        var closed = starts.Select(s => LocalDate(s, zone)).Where(d => !calendar.IsWorkingDay(d)).Distinct().ToList();
        if (closed.Count == 0)
        {
            return errors;
        }

        var dates = Wording.List([.. closed.Select(Wording.Date)]);
        return errors.Add(
            "startsAt",
            starts.Count == 1 ? $"{dates} is not a working day: choose another day"
            : closed.Count == 1 ? $"The series includes a day that is not a working day: {dates}. Choose another day, or arrange fewer appointments"
            : $"The series includes days that are not working days: {dates}. Choose another day, or arrange fewer appointments");
    }

    /// <summary>
    /// Checks the room chosen for an appointment: it must be at the location chosen, and a one-to-one interview needs a
    /// private room, because interviews in open-plan areas and booths put staff, the public and data protection at risk
    /// (PRACTICE.md section 3). Errors are under <c>roomId</c>. Whether a kind may have a room at all is checked by
    /// <see cref="AppointmentDetails.Validate"/>.
    /// </summary>
    public static ValidationErrors CheckRoom(AppointmentType type, int? locationId, Room? room)
    {
        var errors = new ValidationErrors();
        if (room is null)
        {
            return errors;
        }

        if (locationId is { } location && room.LocationId != location)
        {
            errors.Add("roomId", $"{room.Name} is not at the location chosen: choose a room there");
        }

        if (AppointmentTypes.IsOneToOne(type) && !room.IsPrivate)
        {
            errors.Add("roomId", $"Choose a private interview room: {room.Name} is open plan");
        }

        return errors;
    }

    /// <summary>
    /// A room holds one booking at a time: refuses the requested slots that overlap any of the room's existing bookings
    /// (one-to-one interviews and group sessions in it; a group member's own appointment shares its session's booking and
    /// is not passed). Back-to-back is fine: a slot ends the instant the next may start. Errors are under <c>roomId</c>.
    /// </summary>
    public static ValidationErrors CheckRoomFree(
        Room room, IReadOnlyList<TimeSlot> requested, IEnumerable<TimeSlot> booked, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(booked);
        ArgumentNullException.ThrowIfNull(zone);
        var bookings = booked.ToList();
        var clashes = requested
            .Select(slot => (slot, other: bookings.Where(slot.Overlaps).OrderBy(b => b.Start).Cast<TimeSlot?>().FirstOrDefault()))
            .Where(c => c.other is not null)
            .ToList();
        var errors = new ValidationErrors();
        if (clashes.Count == 0)
        {
            return errors;
        }

        if (requested.Count == 1)
        {
            var other = clashes[0].other!.Value;
            var start = TimeZoneInfo.ConvertTime(other.Start, zone).DateTime;
            var end = TimeZoneInfo.ConvertTime(other.End, zone).DateTime;
            return errors.Add(
                "roomId",
                $"{room.Name} is booked from {Wording.Time(start)} to {Wording.Time(end)} on {Wording.Date(DateOnly.FromDateTime(start))}: choose another room or time");
        }

        var dates = Wording.List([.. clashes.Select(c => Wording.Date(LocalDate(c.slot.Start, zone)))]);
        return errors.Add(
            "roomId",
            $"{room.Name} is already booked at the time of {Wording.Count(clashes.Count, "appointment", "appointments")} in the series, on {dates}: choose another room or time");
    }

    /// <summary>
    /// Checks a group session's room and staffing against the people already booked on it: the room must be at the
    /// session's location and hold the staff and at least one person; the staff, at the session's ratio, and the room
    /// must both have space for everyone booked (PRACTICE.md section 3: induction planned at 1 member of staff to 6).
    /// </summary>
    public static ValidationErrors CheckGroupSession(GroupSessionDetails details, Room? room, int attendeesBooked)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new ValidationErrors();
        if (details.Type is not { } type || !AppointmentTypes.IsGroup(type) || details.FacilitatorStaffIds is not { Count: > 0 } staff)
        {
            return errors;
        }

        var described = AppointmentTypes.Describe(type);
        var facilitators = staff.Distinct().Count();
        var perStaff = details.MaximumAttendeesPerStaff ?? GroupSession.DefaultAttendeesPerStaffFor(type);
        var byStaff = checked(facilitators * perStaff);
        if (attendeesBooked > byStaff)
        {
            errors.Add(
                "facilitatorStaffIds",
                $"{Wording.Article(described, capital: true)} with {Wording.Count(facilitators, "member of staff", "members of staff")} can take at most {Wording.Count(byStaff, "person", "people")}, and {attendeesBooked} are booked: add staff");
        }

        if (room is null)
        {
            return errors;
        }

        if (details.LocationId is { } location && room.LocationId != location)
        {
            errors.Add("roomId", $"{room.Name} is not at the location chosen: choose a room there");
        }

        var space = room.Capacity - facilitators;
        if (space < Math.Max(1, attendeesBooked))
        {
            errors.Add(
                "roomId",
                attendeesBooked == 0
                    ? $"{room.Name} holds {Wording.Count(room.Capacity, "person", "people")}: with {Wording.Count(facilitators, "member of staff", "members of staff")} there is no space for anyone else"
                    : $"{room.Name} holds {Wording.Count(room.Capacity, "person", "people")}: with {Wording.Count(facilitators, "member of staff", "members of staff")} there is space for {Math.Max(0, space)}, and {attendeesBooked} are booked");
        }

        return errors;
    }

    /// <summary>
    /// Checks that one more person can be booked on a group session: fewer than
    /// <see cref="GroupSession.AttendeeLimit"/> are booked. Errors are under <c>groupSessionId</c>, e.g. "A group induction
    /// with 1 member of staff can take at most 6 people: this one is full".
    /// </summary>
    public static ValidationErrors CheckGroupPlace(GroupSession session, Room? room, int attendeesBooked)
    {
        ArgumentNullException.ThrowIfNull(session);
        var errors = new ValidationErrors();
        var facilitators = session.Facilitators.Count;
        var staffWords = Wording.Count(facilitators, "member of staff", "members of staff");
        var byStaff = checked(facilitators * session.MaximumAttendeesPerStaff);
        if (attendeesBooked >= byStaff)
        {
            return errors.Add(
                "groupSessionId",
                $"{Wording.Article(AppointmentTypes.Describe(session.Type), capital: true)} with {staffWords} can take at most {Wording.Count(byStaff, "person", "people")}: this one is full");
        }

        if (room is not null && attendeesBooked >= session.AttendeeLimit(room))
        {
            errors.Add(
                "groupSessionId",
                $"{room.Name} holds {Wording.Count(room.Capacity, "person", "people")}: with {staffWords} there is space for {Math.Max(0, room.Capacity - facilitators)}, and this session is full");
        }

        return errors;
    }

    /// <summary>
    /// Checks a person's appointment for a group session: it is of the session's kind, starts when the session starts, in
    /// the session's room, and there is a place (<see cref="CheckGroupPlace"/>).
    /// </summary>
    public static ValidationErrors CheckGroupBooking(AppointmentDetails details, GroupSession session, Room? room, int attendeesBooked)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(session);
        var errors = new ValidationErrors();
        var described = AppointmentTypes.Describe(session.Type);
        if (details.Type != session.Type)
        {
            errors.Add("type", $"The session is {Wording.Article(described)}: choose that type");
        }

        if (details.StartsAt != session.StartsAt)
        {
            errors.Add("startsAt", "A group appointment starts when its session does");
        }

        if (details.LocationId != session.LocationId || details.RoomId != session.RoomId)
        {
            errors.Add("roomId", "A group appointment is held in its session's room");
        }

        return errors.Merge(CheckGroupPlace(session, room, attendeesBooked));
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
