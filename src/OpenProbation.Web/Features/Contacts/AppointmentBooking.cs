using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>What arranging or recording came to: the errors, by the domain's field names, or the appointments saved.</summary>
/// <param name="Errors">Refusals of the appointment's details; empty when saved.</param>
/// <param name="OutcomeErrors">Refusals of the outcome (for a contact recorded with its outcome); empty when saved.</param>
/// <param name="Appointments">What was saved: every occurrence of a series, or the one contact; empty when refused.</param>
public sealed record BookingResult(ValidationErrors Errors, ValidationErrors OutcomeErrors, IReadOnlyList<Appointment> Appointments)
{
    /// <summary>True when everything was saved.</summary>
    public bool Saved => Errors.IsValid && OutcomeErrors.IsValid;
}

/// <summary>What recording an outcome came to.</summary>
/// <param name="Errors">Refusals by the domain's outcome field names; <c>version</c> when someone else changed it first.</param>
/// <param name="Replacement">For a rescheduled appointment, the new one that replaces it.</param>
public sealed record OutcomeResult(ValidationErrors Errors, Appointment? Replacement);

/// <summary>
/// Arranging appointments and recording what happened, for the pages and the API alike: load what the rules need, call
/// the pure rules (<see cref="AppointmentDetails.Validate"/>, <see cref="AppointmentRules"/>,
/// <see cref="OutcomeDetails.Validate"/>), then save everything in one SaveChanges, so a series is saved whole or not at
/// all. The caller has already found the person through the case-access query.
/// </summary>
public static class AppointmentBooking
{
    /// <summary>The message when someone else recorded or changed the appointment first.</summary>
    public const string StaleMessage = "Someone else changed this appointment while you were working on it: check what is recorded now, then record yours again";

    /// <summary>Arranges an appointment, or a repeating series, in the future (with every check); saves all or none.</summary>
    public static async Task<BookingResult> ArrangeAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, string userName, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(now);
        if (errors.IsValid)
        {
            errors.Merge(await CheckAsync(db, policies, personId, details, ignoreId: null, ct));
        }

        if (!errors.IsValid)
        {
            return new BookingResult(errors, new ValidationErrors(), []);
        }

        var arranged = Appointment.Arrange(personId, details, ContactPolicies.Zone, Guid.NewGuid(), userName, now);
        db.Appointments.AddRange(arranged);
        await db.SaveChangesAsync(ct);
        return new BookingResult(errors, new ValidationErrors(), arranged);
    }

    /// <summary>
    /// Records a contact that was not booked in advance, with its outcome, in one step: the start may be past
    /// (<c>allowPast</c>); it cannot repeat or be rescheduled, since it has happened.
    /// </summary>
    public static async Task<BookingResult> RecordContactAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, OutcomeDetails outcome, string userName,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(outcome);
        var errors = details.Validate(now, allowPast: true);
        if (errors.IsValid)
        {
            errors.Merge(await CheckAsync(db, policies, personId, details, ignoreId: null, ct));
        }

        var outcomeErrors = new ValidationErrors();
        if (outcome.Outcome == AppointmentOutcome.Rescheduled)
        {
            outcomeErrors.Add("outcome", "A contact that has happened cannot be rescheduled: arrange a new appointment instead");
        }
        else if (outcome.Outcome is null)
        {
            outcomeErrors.Add("outcome", "Select what happened");
        }
        else if (details.StartsAt is { } start)
        {
            var probe = new Appointment { PersonId = personId, StartsAt = start.ToUniversalTime(), Type = details.Type ?? AppointmentType.OfficeInterview };
            outcomeErrors.Merge(outcome.Validate(probe, now));
        }

        if (!errors.IsValid || !outcomeErrors.IsValid)
        {
            return new BookingResult(errors, outcomeErrors, []);
        }

        var contact = Appointment.Arrange(personId, details, ContactPolicies.Zone, Guid.NewGuid(), userName, now)[0];
        contact.RecordOutcome(outcome, userName, now);
        db.Appointments.Add(contact);
        await db.SaveChangesAsync(ct);
        return new BookingResult(errors, outcomeErrors, [contact]);
    }

    /// <summary>
    /// Records the outcome of a tracked appointment whose version the user saw was <paramref name="expectedVersion"/>.
    /// A rescheduled appointment's replacement is checked like a new appointment (working day, room free) and saved with it.
    /// </summary>
    public static async Task<OutcomeResult> RecordOutcomeAsync(
        OpenProbationDbContext db, ContactPolicies policies, Appointment appointment, int expectedVersion, OutcomeDetails outcome, string userName,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(outcome);
        if (appointment.Version != expectedVersion)
        {
            return new OutcomeResult(new ValidationErrors().Add("version", StaleMessage), null);
        }

        var errors = outcome.Validate(appointment, now);
        if (errors.IsValid && outcome.Outcome == AppointmentOutcome.Rescheduled)
        {
            var moved = appointment.ToDetails() with { StartsAt = outcome.RescheduledTo };
            var checks = await CheckAsync(db, policies, appointment.PersonId, moved, appointment.Id, ct);
            foreach (var (_, messages) in checks.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add("rescheduledTo", message);
                }
            }
        }

        if (!errors.IsValid)
        {
            return new OutcomeResult(errors, null);
        }

        db.Entry(appointment).Property(a => a.Version).OriginalValue = expectedVersion;
        var replacement = appointment.RecordOutcome(outcome, userName, now);
        if (replacement is not null)
        {
            db.Appointments.Add(replacement);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new OutcomeResult(new ValidationErrors().Add("version", StaleMessage), null);
        }

        return new OutcomeResult(errors, replacement);
    }

    /// <summary>
    /// The checks that need loaded records, on details that passed <see cref="AppointmentDetails.Validate"/>: the staff
    /// member, order, requirement, location and room exist and belong together; office-based appointments fall on working
    /// days; the room suits the kind and is free (ignoring <paramref name="ignoreId"/>, the appointment being moved); a
    /// group booking matches its session and has a place.
    /// </summary>
    public static async Task<ValidationErrors> CheckAsync(
        OpenProbationDbContext db, ContactPolicies policies, int personId, AppointmentDetails details, int? ignoreId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(details);
        var errors = new ValidationErrors();
        var type = details.Type!.Value;
        var zone = ContactPolicies.Zone;
        var starts = AppointmentRules.Occurrences(details, zone);
        var day = UkTime.DateOf(starts[0]);

        if (!await db.Staff.AnyAsync(s => s.Id == details.StaffMemberId && (s.EndDate == null || s.EndDate >= day), ct))
        {
            errors.Add("staffMemberId", "Select who the appointment is with: a member of staff in post on the day");
        }

        if (details.OrderId is { } orderId && !await db.Orders.AnyAsync(o => o.Id == orderId && o.PersonId == personId, ct))
        {
            errors.Add("orderId", "Select one of the person's orders");
        }

        if (details.RequirementId is { } requirementId)
        {
            var requirement = await db.Requirements.AsNoTracking()
                .Where(r => r.Id == requirementId && r.Order!.PersonId == personId)
                .Select(r => new { r.Type, r.OrderId })
                .SingleOrDefaultAsync(ct);
            if (requirement is null)
            {
                errors.Add("requirementId", "Select one of the person's requirements");
            }
            else if ((details.CountsTowardsRar ?? AppointmentTypes.DefaultCountsTowardsRar(type)) && requirement.Type != RequirementType.Rar)
            {
                errors.Add("requirementId", "Select the RAR requirement the session counts towards");
            }
            else if (details.OrderId is { } order && requirement.OrderId != order)
            {
                errors.Add("requirementId", "Select a requirement of the order chosen");
            }
        }

        if (details.LocationId is { } locationId && !await db.Locations.AnyAsync(l => l.Id == locationId, ct))
        {
            errors.Add("locationId", "Select a location");
        }

        errors.Merge(AppointmentRules.CheckWorkingDays(type, starts, policies.Calendar, zone));

        Room? room = null;
        if (details.RoomId is { } roomId)
        {
            room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId, ct);
            if (room is null)
            {
                errors.Add("roomId", "Select a room");
            }
        }

        if (AppointmentTypes.IsGroup(type) && details.GroupSessionId is { } sessionId)
        {
            var session = await db.GroupSessions.AsNoTracking().Include(g => g.Facilitators).SingleOrDefaultAsync(g => g.Id == sessionId, ct);
            if (session is null)
            {
                return errors.Add("groupSessionId", "Select the group session");
            }

            var booked = await db.Appointments.CountAsync(
                a => a.GroupSessionId == sessionId && a.Id != ignoreId && (a.Outcome == null || a.Outcome != AppointmentOutcome.Rescheduled), ct);
            var sessionRoom = room?.Id == session.RoomId ? room : await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == session.RoomId, ct);
            return errors.Merge(AppointmentRules.CheckGroupBooking(details, session, sessionRoom, booked));
        }

        if (room is null)
        {
            return errors;
        }

        errors.Merge(AppointmentRules.CheckRoom(type, details.LocationId, room));
        var minutes = details.DurationMinutes!.Value;
        var requested = starts.Select(s => new TimeSlot(s, s.AddMinutes(minutes))).ToList();
        var from = requested.Min(s => s.Start).AddMinutes(-AppointmentDetails.MaxDurationMinutes);
        var until = requested.Max(s => s.End);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.RoomId == room.Id && a.GroupSessionId == null && a.Id != ignoreId
                && (a.Outcome == null || a.Outcome != AppointmentOutcome.Rescheduled)
                && a.StartsAt > from && a.StartsAt < until)
            .Select(a => new { a.StartsAt, a.DurationMinutes })
            .ToListAsync(ct);
        var sessions = await db.GroupSessions.AsNoTracking()
            .Where(g => g.RoomId == room.Id && g.StartsAt > from && g.StartsAt < until)
            .Select(g => new { g.StartsAt, g.DurationMinutes })
            .ToListAsync(ct);
        var bookings = appointments.Concat(sessions).Select(b => new TimeSlot(b.StartsAt, b.StartsAt.AddMinutes(b.DurationMinutes)));
        return errors.Merge(AppointmentRules.CheckRoomFree(room, requested, bookings, zone));
    }
}
