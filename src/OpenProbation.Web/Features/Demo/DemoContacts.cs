using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Features.Demo;

/// <summary>
/// A year of contacts and the next month's appointments for every allocated demo case, at roughly its tier's contact
/// standard, with the misses, absences (with evidence), rescheduling and drift a real caseload has: most cases are in
/// standard, some are not, so the compliance pages have something to show. One office per team with private interview
/// rooms, an open-plan booth and a group room; no room is booked twice at the same time.
/// </summary>
internal sealed class DemoContacts(OpenProbationDbContext db, ContactPolicies policies, Random rng, DateOnly today, DateTimeOffset now)
{
    private readonly Dictionary<int, (Location Location, Room[] Private)> _offices = [];
    private readonly HashSet<(int Room, DateTimeOffset At)> _booked = [];
    private Dictionary<int, int> _teamOf = [];

    public int Appointments { get; private set; }

    public int Locations => _offices.Count;

    /// <summary>Makes an office with rooms for each team that holds cases.</summary>
    public async Task AddOfficesAsync(CancellationToken ct)
    {
        _teamOf = await db.Staff.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TeamId, ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        foreach (var team in teams)
        {
            var location = new Location { Name = $"{team.Name.Replace(" Offender Management", "", StringComparison.Ordinal)} probation office", Address = "Demo address", TeamId = team.Id };
            for (var r = 1; r <= 4; r++)
            {
                location.Rooms.Add(new Room { Name = $"Interview room {r}", IsPrivate = true, Capacity = 3 });
            }

            location.Rooms.Add(new Room { Name = "Reception booth", IsPrivate = false, Capacity = 2 });
            location.Rooms.Add(new Room { Name = "Group room", IsPrivate = true, Capacity = 14 });
            db.Locations.Add(location);
        }

        await db.SaveChangesAsync(ct);
        foreach (var location in await db.Locations.AsNoTracking().Include(l => l.Rooms).ToListAsync(ct))
        {
            _offices[location.TeamId!.Value] = (location, [.. location.Rooms.Where(r => r.IsPrivate && r.Capacity <= 3).OrderBy(r => r.Id)]);
        }
    }

    /// <summary>Adds the contacts of a batch of people.</summary>
    public async Task AddForAsync(IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        // Status filtered here: in SQL, SQLite would walk the status index over every live order (see CaseCompliance).
        var cases = (await db.Assignments.AsNoTracking()
                .Where(a => personIds.Contains(a.Order!.PersonId) && a.ToDate == null)
                .Select(a => new { a.Order!.PersonId, OrderId = a.Order.Id, a.Order.StartDate, a.Order.Type, a.Order.Status, a.StaffMemberId, a.FromDate })
                .ToListAsync(ct))
            .Where(a => a.Status is OrderStatus.Active or OrderStatus.Breached)
            .ToList();
        var tiers = await db.CaseTiers.AsNoTracking().Where(t => personIds.Contains(t.PersonId) && t.Status == CaseTierStatus.Current)
            .ToDictionaryAsync(t => t.PersonId, t => t.Tier, ct);
        // Contact is with the community supervision (CaseCompliance): the latest community order or licence, not custody.
        foreach (var c in cases.Where(c => c.Type != OrderType.Custody).GroupBy(c => c.PersonId).Select(g => g.OrderByDescending(c => c.StartDate).First()))
        {
            if (!_teamOf.TryGetValue(c.StaffMemberId, out var teamId) || !_offices.TryGetValue(teamId, out var office))
            {
                continue;
            }

            AddCase(c.PersonId, c.OrderId, c.StaffMemberId, c.StartDate, tiers.GetValueOrDefault(c.PersonId), office);
        }

        await db.SaveChangesAsync(ct);
    }

    private void AddCase(int personId, int orderId, int officerId, DateOnly orderStart, string? tier, (Location Location, Room[] Private) office)
    {
        var standard = policies.Schedule.For(today, tier);
        var start = orderStart > today.AddDays(-365) ? orderStart : today.AddDays(-365);

        // Most cases keep to the standard; some drift (a window missed now and then) and a few have stopped being seen.
        var drift = rng.NextDouble() < 0.10 ? 0.2 : 0.03;
        var stoppedDaysAgo = rng.NextDouble() < 0.05 ? standard.FrequencyDays + rng.Next(2, 20) : 0;
        var induction = policies.Calendar.AddWorkingDays(orderStart, rng.NextDouble() < 0.9 ? rng.Next(1, standard.InductionWorkingDays + 1) : standard.InductionWorkingDays + rng.Next(1, 6));
        var day = orderStart >= today.AddDays(-365) ? induction : start.AddDays(rng.Next(0, standard.FrequencyDays));
        var first = true;
        var upcoming = 0;
        var recent = new List<bool>(); // held contacts, oldest first: true when face to face
        while (upcoming < 2)
        {
            day = NextWorkingDay(day);
            var future = day > today || (day == today && rng.NextDouble() < 0.5);
            if (future && day > today.AddDays(31))
            {
                break;
            }

            if (!future && stoppedDaysAgo > 0 && day > today.AddDays(-stoppedDaysAgo))
            {
                // Stopped: nothing recorded since, and the next appointment not yet booked either.
                break;
            }

            if (!future && !first && rng.NextDouble() < drift)
            {
                day = day.AddDays(standard.FrequencyDays);
                continue;
            }

            // A call stands in only when any twelve weeks ending with it keep the face-to-face share, as an officer would plan:
            // of the contacts that fit in twelve weeks, enough of the ones before it were face to face.
            var perLookback = Math.Max(1, 7 * ContactCompliance.DefaultLookbackWeeks / standard.FrequencyDays);
            var before = recent.TakeLast(perLookback - 1).ToList();
            var phoneKeepsShare = before.Count == perLookback - 1
                && before.Count(f => f) >= (int)Math.Ceiling(standard.MinimumFaceToFaceShare * perLookback);
            var type = first ? AppointmentType.OfficeInterview
                : standard.TelephoneMayStandIn && phoneKeepsShare && rng.NextDouble() < (double)(1 - standard.MinimumFaceToFaceShare) * 0.6 ? AppointmentType.Telephone
                : rng.NextDouble() < 0.12 ? AppointmentType.HomeVisit : AppointmentType.OfficeInterview;
            var appointment = NewAppointment(personId, orderId, officerId, type, day, office);
            var held = false;
            if (future)
            {
                upcoming++;
            }
            else
            {
                held = RecordOutcome(appointment, day);
                if (held)
                {
                    recent.Add(type != AppointmentType.Telephone);
                }
            }

            first = false;

            // The next contact is booked inside the standard, a working day or two early rather than late over a weekend;
            // after a miss the officer rebooks within a few working days, as a diligent officer would.
            day = held || future
                ? WorkingDayOnOrBefore(day.AddDays(Math.Max(1, standard.FrequencyDays - rng.Next(0, 3))), day)
                : policies.Calendar.AddWorkingDays(day, rng.Next(1, 4));
        }
    }

    private Appointment NewAppointment(int personId, int orderId, int officerId, AppointmentType type, DateOnly day, (Location Location, Room[] Private) office)
    {
        DateTimeOffset startsAt;
        int? roomId = null;
        var attempts = 0;
        while (true)
        {
            var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * rng.Next(0, 15));
            startsAt = AppointmentRules.FromLocal(local, ContactPolicies.Zone);
            if (type != AppointmentType.OfficeInterview)
            {
                break;
            }

            var room = office.Private[rng.Next(office.Private.Length)];
            if (_booked.Add((room.Id, startsAt)) || ++attempts > 20)
            {
                roomId = room.Id;
                break;
            }
        }

        var appointment = new Appointment
        {
            PersonId = personId,
            OrderId = orderId,
            StaffMemberId = officerId,
            Type = type,
            StartsAt = startsAt,
            DurationMinutes = type == AppointmentType.Telephone ? 15 : type == AppointmentType.HomeVisit ? 45 : 30,
            LocationId = type == AppointmentType.OfficeInterview ? office.Location.Id : null,
            RoomId = roomId,
            IsEnforceable = AppointmentTypes.DefaultEnforceable(type),
            ArrangedBy = "demo-po",
            ArrangedAt = startsAt.AddDays(-7) < now ? startsAt.AddDays(-7) : now,
        };
        db.Appointments.Add(appointment);
        Appointments++;
        return appointment;
    }

    /// <summary>Records an outcome (or leaves a recent one waiting to be recorded); true when the contact was held.</summary>
    private bool RecordOutcome(Appointment appointment, DateOnly day)
    {
        // Recent ones may still be waiting for the officer to record them.
        if (day >= today.AddDays(-2) && rng.NextDouble() < 0.15)
        {
            return false;
        }

        var roll = rng.NextDouble();
        var phone = appointment.Type == AppointmentType.Telephone;
        var (outcome, notes, reason, evidence) = roll switch
        {
            < 0.84 => (AppointmentOutcome.AttendedComplied, (string?)null, (string?)null, (string?)null),
            < 0.87 => (AppointmentOutcome.AttendedFailedToComply, "Refused to engage with the session and left early", null, null),
            < 0.88 when !phone && appointment.Type != AppointmentType.HomeVisit => (AppointmentOutcome.SentHome, "Arrived under the influence of alcohol", null, null),
            < 0.93 => (AppointmentOutcome.UnacceptableAbsence, "No contact before or after the appointment", null, null),
            < 0.97 => (AppointmentOutcome.AcceptableAbsence, null, "Hospital appointment", "Appointment letter seen at the next contact; copy scanned to the record"),
            _ => (AppointmentOutcome.AttendedComplied, null, null, null),
        };
        appointment.Outcome = outcome;
        appointment.OutcomeNotes = notes;
        appointment.AbsenceReason = reason;
        appointment.AbsenceEvidence = evidence;
        appointment.OutcomeRecordedBy = "demo-po";
        appointment.OutcomeRecordedAt = appointment.StartsAt.AddHours(2) < now ? appointment.StartsAt.AddHours(2) : now;
        return AppointmentOutcomes.IsHeld(outcome);
    }

    /// <summary>The working day on or before <paramref name="day"/>, but after <paramref name="after"/>; if none, the next working day.</summary>
    private DateOnly WorkingDayOnOrBefore(DateOnly day, DateOnly after)
    {
        for (var d = day; d > after; d = d.AddDays(-1))
        {
            if (policies.Calendar.IsWorkingDay(d))
            {
                return d;
            }
        }

        return NextWorkingDay(day);
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        while (!policies.Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
