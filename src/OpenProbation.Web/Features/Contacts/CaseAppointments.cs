using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Rar;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Enforcement;
using OpenProbation.Web.Features.Rar;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>The extras of one person's place on a group session; the time, room and staff come from the session.</summary>
/// <param name="OrderId">The order it is for.</param>
/// <param name="RequirementId">The requirement it delivers (a programme's, say).</param>
/// <param name="IsEnforceable">Whether a failure to comply can be enforced; defaults by kind.</param>
/// <param name="CountsTowardsRar">Whether it is a RAR day; defaults by kind.</param>
/// <param name="Notes">Notes.</param>
/// <param name="PlanNeed">For a RAR activity: the need in the sentence plan it works on.</param>
public sealed record GroupBooking(int? OrderId, int? RequirementId, bool? IsEnforceable, bool? CountsTowardsRar, string? Notes, NeedArea? PlanNeed = null);

/// <summary>
/// Arranging, changing and recording appointments, and group sessions and their bookings: load what the rules need,
/// ask the domain (<see cref="AppointmentDetails"/>, <see cref="AppointmentRules"/>, <see cref="OutcomeDetails"/>), save
/// all or nothing. The API and the pages share these, so a rule holds whichever way a change comes in. Each returns the
/// field-level errors that stopped it (empty when saved). A room's or session's bookings queue on its row, so two people
/// booking the last place or the same slot at once cannot both succeed.
/// </summary>
public static class CaseAppointments
{
    /// <summary>The field a refusal is under when the appointment is no longer at the version the user saw.</summary>
    public const string VersionField = "version";

    /// <summary>The message when someone else recorded or changed the appointment first.</summary>
    public const string StaleMessage = "Someone else changed this appointment while you were working on it: check what is recorded now, then record yours again";

    /// <summary>The appointment with this id if <paramref name="user"/> may see its person, or null (not there and not visible alike).</summary>
    public static Task<Appointment?> FindAsync(OpenProbationDbContext db, ClaimsPrincipal user, int id, bool track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = db.Appointments.WhereVisible(a => a.Person!, user);
        return (track ? visible : visible.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>
    /// Arranges one appointment, or every occurrence of a repeating series, for a person: all are checked (room, bookings,
    /// working days, group places, the person's order and requirement, the member of staff) and saved together, or none.
    /// </summary>
    public static async Task<(IReadOnlyList<Appointment> Arranged, ValidationErrors Errors)> ArrangeAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(now);
        if (!errors.IsValid)
        {
            return ([], errors);
        }

        await using var transaction = await LockAsync(db, details.RoomId, details.GroupSessionId, ct, details.RequirementId);
        var starts = AppointmentRules.Occurrences(details, ContactPolicies.Zone);
        errors.Merge(await CheckAsync(db, policies, personId, details, starts, except: null, happened: false, ct));
        errors.Merge(await PlanNeedErrorsAsync(db, details, ct));
        if (!errors.IsValid)
        {
            return ([], errors);
        }

        var arranged = Appointment.Arrange(personId, details, ContactPolicies.Zone, Guid.NewGuid(), who, now.ToUniversalTime());
        db.Appointments.AddRange(arranged);
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return (arranged, errors);
    }

    /// <summary>
    /// Records a contact that has already happened, with its outcome, in one step: the start must be past, it cannot
    /// repeat, and group sessions are recorded on the person's booking instead. Working days and room bookings are not
    /// checked (it has happened); the room must still be one at the location, and private for a one-to-one interview.
    /// The outcome's notes are checked under <c>outcomeNotes</c>, apart from the appointment's own <c>notes</c>.
    /// </summary>
    public static async Task<(Appointment? Recorded, ValidationErrors Errors)> RecordContactAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, OutcomeDetails outcome, string who,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(outcome);
        var errors = details.Validate(now, allowPast: true);
        if (details.StartsAt > now)
        {
            errors.Add("startsAt", "A contact is recorded once it has happened: arrange an appointment in the future instead");
        }

        if (details.Type is { } type && AppointmentTypes.IsGroup(type))
        {
            errors.Add("type", "Record what happened at a group session on the person's booking for it");
        }

        if (outcome.Outcome == AppointmentOutcome.Rescheduled)
        {
            errors.Add("outcome", "A contact that has happened cannot be rescheduled: arrange a new appointment");
        }

        if (!errors.IsValid)
        {
            return (null, errors.Merge(new ValidationErrors().Defined("outcome", outcome.Outcome, "an outcome")));
        }

        var appointment = Appointment.Arrange(personId, details, ContactPolicies.Zone, Guid.Empty, who, now.ToUniversalTime())[0];
        errors.Merge(outcome.Validate(appointment, now).Renamed(f => f == "notes" ? "outcomeNotes" : f));
        await using var transaction = await LockAsync(db, null, null, ct, details.RequirementId);
        errors.Merge(await CheckAsync(db, policies, personId, details, [appointment.StartsAt], except: null, happened: true, ct));
        errors.Merge(await PlanNeedErrorsAsync(db, details, ct));
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        appointment.RecordOutcome(outcome, who, now.ToUniversalTime());
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        await Enforcements.OpenAsync(db, policies, appointment, now, ct);
        return (appointment, errors);
    }

    /// <summary>
    /// Why an appointment can no longer be changed (moved, another room, other staff), or null when it still can: only
    /// before it starts and while no outcome is recorded. A change after that would rewrite what was arranged.
    /// </summary>
    public static string? WhyUnchangeable(Appointment appointment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return appointment.Outcome is { } outcome
            ? $"The appointment's outcome is recorded ({AppointmentOutcomes.Describe(outcome)}): it can no longer be changed"
            : appointment.StartsAt <= now
                ? "The appointment has started: record what happened instead of changing it"
                : null;
    }

    /// <summary>
    /// Changes one appointment before it happens (time, room, staff, notes), checked as a new one would be but against
    /// the bookings other than its own. A series is changed one appointment at a time; each keeps its series.
    /// </summary>
    public static async Task<ValidationErrors> ChangeAsync(
        OpenProbationDbContext db, ContactPolicies policies, Appointment appointment, AppointmentDetails details, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(details);
        var errors = new ValidationErrors();
        if (WhyUnchangeable(appointment, now) is { } why)
        {
            return errors.Add("startsAt", why);
        }

        if (details.RepeatEveryDays is not null || details.Occurrences is not null)
        {
            errors.Add("repeatEveryDays", "An appointment is changed on its own: leave the repetition empty, and change the others one by one");
        }

        errors.Merge(details.Validate(now));
        if (!errors.IsValid)
        {
            return errors;
        }

        await using var transaction = await LockAsync(db, details.RoomId, details.GroupSessionId, ct, details.RequirementId);
        errors.Merge(await CheckAsync(db, policies, appointment.PersonId, details, [details.StartsAt!.Value.ToUniversalTime()], appointment.Id, happened: false, ct));
        errors.Merge(await PlanNeedErrorsAsync(db, details, ct));
        if (!errors.IsValid)
        {
            return errors;
        }

        appointment.Apply(details);
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return errors;
    }

    /// <summary>
    /// Records what happened (<see cref="OutcomeDetails.Validate"/>), with who and when. A rescheduled appointment gets
    /// its replacement at the new time, checked as a new appointment and saved with it; the replacement is returned. An
    /// acceptable absence keeps its reason and evidence on the record. A group booking is not moved on its own: the
    /// person is booked onto another session. <paramref name="expectedVersion"/> is the version the user saw (the API's
    /// If-Match, the page's hidden field): on any other, nothing is checked or saved and the refusal is under
    /// <see cref="VersionField"/>. A change saved after this check still fails, at save, with a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static async Task<(Appointment? Replacement, ValidationErrors Errors)> RecordOutcomeAsync(
        OpenProbationDbContext db, ContactPolicies policies, Appointment appointment, int expectedVersion, OutcomeDetails details, string who,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(details);
        if (appointment.Version != expectedVersion)
        {
            return (null, new ValidationErrors().Add(VersionField, StaleMessage));
        }

        var errors = details.Validate(appointment, now);
        var rescheduling = details.Outcome == AppointmentOutcome.Rescheduled;
        if (rescheduling && appointment.GroupSessionId is not null && appointment.Outcome != AppointmentOutcome.Rescheduled)
        {
            errors.Add("outcome", "A group appointment is held when its session is: book the person onto another session instead");
        }

        if (!errors.IsValid)
        {
            return (null, errors);
        }

        await using var transaction = rescheduling ? await LockAsync(db, appointment.RoomId, null, ct, appointment.RequirementId) : null;
        if (rescheduling)
        {
            var moved = appointment.ToDetails() with { StartsAt = details.RescheduledTo };
            var checks = await CheckAsync(db, policies, appointment.PersonId, moved, [details.RescheduledTo!.Value.ToUniversalTime()], appointment.Id, happened: false, ct);
            errors.Merge(checks.Renamed(f => f == "startsAt" ? "rescheduledTo" : f));
            if (!errors.IsValid)
            {
                return (null, errors);
            }
        }

        var replacement = appointment.RecordOutcome(details, who, now.ToUniversalTime());
        if (replacement is not null)
        {
            db.Appointments.Add(replacement);
        }

        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        await Enforcements.OpenAsync(db, policies, appointment, now, ct);
        return (replacement, errors);
    }

    /// <summary>
    /// Arranges a group session, induction or programme session: the room must be at the location, free, and hold the
    /// staff and at least one person; the facilitators must exist; an office-based session falls on a working day.
    /// </summary>
    public static async Task<(GroupSession? Session, ValidationErrors Errors)> CreateGroupSessionAsync(
        OpenProbationDbContext db, ContactPolicies policies, GroupSessionDetails details, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(now);
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        await using var transaction = await LockAsync(db, details.RoomId, null, ct);
        var staffIds = details.FacilitatorStaffIds!.Distinct().ToList();
        var found = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        foreach (var missing in staffIds.Except(found))
        {
            errors.Add("facilitatorStaffIds", string.Create(CultureInfo.InvariantCulture, $"There is no member of staff with id {missing}"));
        }

        var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == details.RoomId, ct);
        if (!await db.Locations.AnyAsync(l => l.Id == details.LocationId, ct))
        {
            errors.Add("locationId", "There is no location with that id");
        }

        if (room is null)
        {
            errors.Add("roomId", "There is no room with that id");
        }
        else
        {
            errors.Merge(AppointmentRules.CheckGroupSession(details, room, attendeesBooked: 0));
            var slot = new TimeSlot(details.StartsAt!.Value.ToUniversalTime(), details.StartsAt.Value.ToUniversalTime().AddMinutes(details.DurationMinutes!.Value));
            errors.Merge(AppointmentRules.CheckRoomFree(room, [slot], await BookingsAsync(db, room.Id, slot.Start, slot.End, except: null, ct), ContactPolicies.Zone));
        }

        errors.Merge(AppointmentRules.CheckWorkingDays(details.Type!.Value, [details.StartsAt!.Value], policies.Calendar, ContactPolicies.Zone));
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var session = new GroupSession();
        session.Apply(details);
        db.GroupSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await CommitAsync(transaction, ct);
        return (session, errors);
    }

    /// <summary>
    /// Books a person onto a group session as an appointment at the session's time and room with its lead facilitator,
    /// refused once the session is full by its staff (facilitators × ratio) or its room, or when the person is already on it.
    /// </summary>
    public static Task<(IReadOnlyList<Appointment> Arranged, ValidationErrors Errors)> BookOntoSessionAsync(
        OpenProbationDbContext db, ContactPolicies policies, GroupSession session, int personId, GroupBooking booking, string who, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(booking);
        var lead = session.Facilitators.OrderBy(f => f.Position).First().StaffMemberId;
        var details = new AppointmentDetails(
            session.Type, session.StartsAt, session.DurationMinutes, lead, booking.OrderId, session.LocationId, session.RoomId, session.Id,
            booking.RequirementId, booking.IsEnforceable, booking.CountsTowardsRar, booking.Notes, RepeatEveryDays: null, Occurrences: null, booking.PlanNeed);
        return ArrangeAsync(db, policies, personId, details, who, now, ct);
    }

    /// <summary>The people booked on a session who take a place: every booking except one rescheduled away (one query for many sessions).</summary>
    public static async Task<IReadOnlyDictionary<int, int>> BookedAsync(OpenProbationDbContext db, IReadOnlyCollection<int> sessionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = sessionIds.Distinct().ToList();
        return await db.Appointments.AsNoTracking()
            .Where(a => a.GroupSessionId != null && ids.Contains(a.GroupSessionId.Value) && a.Outcome != AppointmentOutcome.Rescheduled)
            .GroupBy(a => a.GroupSessionId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>
    /// The checks that need loaded records, for <paramref name="starts"/> (UTC), leaving out the appointment
    /// <paramref name="except"/> (the one being changed) from bookings and places.
    /// </summary>
    private static async Task<ValidationErrors> CheckAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, IReadOnlyList<DateTimeOffset> starts, int? except,
        bool happened, CancellationToken ct)
    {
        var errors = await CheckArrangementAsync(db, policies, personId, details, starts, except, happened, ct);
        if (errors.IsValid && await RarRefusalAsync(db, details, starts, except, ct) is { } refusal)
        {
            errors.Refuse("requirementId", RarDays.MaximumDaysRule, refusal);
        }

        return errors;
    }

    /// <summary>
    /// For a RAR activity, the refusal under <c>planNeed</c> when the need it works on is not one of the order's current
    /// sentence plan (<see cref="RarPlanNeeds.Refusal"/>). A rescheduled session keeps the need it had, so moving it is not
    /// checked again.
    /// </summary>
    private static async Task<ValidationErrors> PlanNeedErrorsAsync(OpenProbationDbContext db, AppointmentDetails details, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (details.RequirementId is not { } requirementId || !(details.CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(details.Type!.Value))
            || await db.Requirements.AsNoTracking().Where(r => r.Id == requirementId && r.Type == RequirementType.Rar).Select(r => (int?)r.OrderId)
                .SingleOrDefaultAsync(ct) is not { } orderId)
        {
            return errors;
        }

        if (RarPlanNeeds.Refusal(details.PlanNeed, await RarRecord.PlanNeedsAsync(db, orderId, ct)) is { } refusal)
        {
            errors.Add("planNeed", refusal);
        }

        return errors;
    }

    /// <summary>
    /// Why the sessions would take a RAR beyond the court's maximum days, or nothing: only RAR activities count
    /// (<see cref="RarDays.IsActivity"/>), and a session on a day already delivered or instructed adds no day.
    /// </summary>
    private static async Task<string?> RarRefusalAsync(
        OpenProbationDbContext db, AppointmentDetails details, IReadOnlyList<DateTimeOffset> starts, int? except, CancellationToken ct)
    {
        var type = details.Type!.Value;
        var activity = new RarSession(0, default, type, null, details.IsEnforceable ?? AppointmentTypes.DefaultEnforceable(type),
            details.CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(type));
        if (details.RequirementId is not { } requirementId || !RarDays.IsActivity(activity)
            || await db.Requirements.AsNoTracking().Where(r => r.Id == requirementId && r.Type == RequirementType.Rar).Select(r => r.RarMaxDays).SingleOrDefaultAsync(ct)
                is not { } maximum)
        {
            return null;
        }

        var progress = RarDays.Progress(maximum, await RarRecord.SessionsAsync(db, requirementId, except, ct));
        foreach (var day in starts.Select(UkTime.DateOf).Distinct().Order())
        {
            if (RarDays.RefuseInstruction(progress, day) is { } refusal)
            {
                return starts.Count > 1 ? $"{refusal} (The series reaches the maximum before {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.)" : refusal;
            }

            progress = progress with { PlannedDays = [.. progress.PlannedDays.Append(day).Distinct().Order()] };
        }

        return null;
    }

    private static async Task<ValidationErrors> CheckArrangementAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, IReadOnlyList<DateTimeOffset> starts, int? except,
        bool happened, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var type = details.Type!.Value;
        var zone = ContactPolicies.Zone;

        var staff = await db.Staff.AsNoTracking().Where(s => s.Id == details.StaffMemberId).Select(s => new { s.FirstName, s.LastName, s.StartDate, s.EndDate })
            .SingleOrDefaultAsync(ct);
        if (staff is null)
        {
            errors.Add("staffMemberId", "There is no member of staff with that id");
        }
        else if (starts.Select(s => UkTime.DateOf(s)).Where(d => d < staff.StartDate || d > staff.EndDate).Distinct().ToList() is { Count: > 0 } outOfPost)
        {
            errors.Add("staffMemberId", $"{staff.FirstName} {staff.LastName} is not in post on {string.Join(", ", outOfPost.Select(d => d.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)))}: choose someone else");
        }

        if (details.OrderId is { } orderId && !await db.Orders.AnyAsync(o => o.Id == orderId && o.PersonId == personId, ct))
        {
            errors.Add("orderId", "That order is not one of this person's");
        }

        if (details.RequirementId is { } requirementId)
        {
            var requirement = await db.Requirements.AsNoTracking().Where(r => r.Id == requirementId && r.Order!.PersonId == personId)
                .Select(r => new { r.OrderId, r.Type }).SingleOrDefaultAsync(ct);
            if (requirement is null)
            {
                errors.Add("requirementId", "That requirement is not on one of this person's orders");
            }
            else if (details.OrderId is { } o && requirement.OrderId != o)
            {
                errors.Add("requirementId", "That requirement is not on the order chosen");
            }
            else if ((details.CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(type)) && requirement.Type != RequirementType.Rar)
            {
                errors.Add("requirementId", "Only a RAR requirement has RAR days: choose the person's RAR");
            }
        }

        if (details.LocationId is { } locationId && !await db.Locations.AnyAsync(l => l.Id == locationId, ct))
        {
            errors.Add("locationId", "There is no location with that id");
        }

        Room? room = null;
        if (details.RoomId is { } roomId)
        {
            room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId, ct);
            if (room is null)
            {
                errors.Add("roomId", "There is no room with that id");
            }
        }

        errors.Merge(AppointmentRules.CheckRoom(type, details.LocationId, room));
        if (happened)
        {
            return errors;
        }

        errors.Merge(AppointmentRules.CheckWorkingDays(type, starts, policies.Calendar, zone));
        if (AppointmentTypes.IsGroup(type))
        {
            var session = await db.GroupSessions.AsNoTracking().Include(g => g.Facilitators)
                .SingleOrDefaultAsync(g => g.Id == details.GroupSessionId, ct);
            if (session is null)
            {
                return errors.Add("groupSessionId", "There is no group session with that id");
            }

            var others = db.Appointments.Where(a => a.GroupSessionId == session.Id && a.Outcome != AppointmentOutcome.Rescheduled && a.Id != except);
            if (await others.AnyAsync(a => a.PersonId == personId, ct))
            {
                return errors.Add("groupSessionId", "The person is already booked on this session");
            }

            return errors.Merge(AppointmentRules.CheckGroupBooking(details, session, room, await others.CountAsync(ct)));
        }

        if (room is not null)
        {
            var slots = starts.Select(s => new TimeSlot(s, s.AddMinutes(details.DurationMinutes!.Value))).ToList();
            errors.Merge(AppointmentRules.CheckRoomFree(room, slots, await BookingsAsync(db, room.Id, slots[0].Start, slots[^1].End, except, ct), zone));
        }

        return errors;
    }

    /// <summary>
    /// What takes a room between two instants: its one-to-one appointments (not those rescheduled away) and its group
    /// sessions, whose members' appointments share the session's booking. Whoever the people are: a restricted case's
    /// booking holds the room all the same.
    /// </summary>
    private static async Task<List<TimeSlot>> BookingsAsync(OpenProbationDbContext db, int roomId, DateTimeOffset from, DateTimeOffset to, int? except, CancellationToken ct)
    {
        // Starts are indexed and durations at most 8 hours, so anything overlapping the range starts within this one.
        var earliest = from.AddMinutes(-AppointmentDetails.MaxDurationMinutes);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.RoomId == roomId && a.GroupSessionId == null && a.StartsAt >= earliest && a.StartsAt < to
                && a.Outcome != AppointmentOutcome.Rescheduled && a.Id != except)
            .Select(a => new { a.StartsAt, a.DurationMinutes })
            .ToListAsync(ct);
        var sessions = await db.GroupSessions.AsNoTracking()
            .Where(g => g.RoomId == roomId && g.StartsAt >= earliest && g.StartsAt < to)
            .Select(g => new { g.StartsAt, g.DurationMinutes })
            .ToListAsync(ct);
        return [.. appointments.Concat(sessions).Select(b => new TimeSlot(b.StartsAt, b.StartsAt.AddMinutes(b.DurationMinutes)))];
    }

    /// <summary>
    /// Opens a transaction (unless the caller has one) and takes the room's and the session's row locks, by a write that
    /// changes nothing, so concurrent bookings of the same room or session wait their turn and see each other's rows.
    /// </summary>
    private static async Task<IDbContextTransaction?> LockAsync(OpenProbationDbContext db, int? roomId, int? groupSessionId, CancellationToken ct, int? requirementId = null)
    {
        if (roomId is null && groupSessionId is null && requirementId is null)
        {
            return null;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (requirementId is { } requirement)
        {
            // Two officers instructing the last RAR day at once: the second waits, then sees the first's session.
            await db.Requirements.Where(r => r.Id == requirement).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), ct);
        }

        if (groupSessionId is { } sessionId)
        {
            await db.GroupSessions.Where(g => g.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Version, g => g.Version), ct);
        }

        if (roomId is { } id)
        {
            await db.Rooms.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version), ct);
        }

        return transaction;
    }

    private static async Task CommitAsync(IDbContextTransaction? transaction, CancellationToken ct)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }
}
