using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

public sealed record FacilitatorDto(int StaffMemberId, string Name);

/// <summary>A person booked on a group session.</summary>
public sealed record GroupAttendeeDto(int AppointmentId, string Crn, string FirstName, string LastName, AppointmentOutcome? Outcome);

/// <summary>
/// A group session with its staff (lead first) and places. <c>Booked</c> counts every place taken, including by people
/// the caller may not see, so it can be more than <c>Attendees</c> lists: the places are real either way.
/// </summary>
public sealed record GroupSessionDto(
    int Id, AppointmentType Type, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, int LocationId,
    string LocationName, int RoomId, string RoomName, int RoomCapacity, IReadOnlyList<FacilitatorDto> Facilitators, int MaximumAttendeesPerStaff,
    int AttendeeLimit, int Booked, int PlacesLeft, IReadOnlyList<GroupAttendeeDto> Attendees, int Version);

/// <summary>Who to book onto a session, and what the booking is for; time, room and staff come from the session.</summary>
public sealed record GroupAttendeeRequest(
    string? Crn, int? OrderId, int? RequirementId, bool? IsEnforceable, bool? CountsTowardsRar, string? Notes, OpenProbation.Domain.Risk.NeedArea? PlanNeed = null);

/// <summary>Group sessions, inductions and programme sessions and who is booked on them: <c>/api/v1/group-sessions</c>.</summary>
public static class GroupSessionsApi
{
    public static void MapGroupSessions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/group-sessions").WithTags("Group sessions");
        sessions.MapGet("/", List).Lists<GroupSessionDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("Sessions from a date (today unless from is given) to an optional date; filter locationId, type");
        sessions.MapGet("/{id:int}", Get).Reads<GroupSessionDto>().RequireAuthorization(Policies.ReadCases);
        sessions.MapPost("/", Create).Creates<GroupSessionDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Arrange a session in a free room with its facilitators (lead first); induction is 1 member of staff to 6 at most");
        sessions.MapPost("/{id:int}/attendees", Book).Creates<AppointmentDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Book a person onto the session as an appointment; refused once its staff or its room have no place left");
    }

    private static async Task<IResult> List(
        ClaimsPrincipal user, OpenProbationDbContext db, DateOnly? from, DateOnly? to, int? locationId, AppointmentType? type, int? page, int? pageSize,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        var start = from ?? clock.Today();
        if (to is { } t && t < start)
        {
            errors.Add("to", "The end of the range must be on or after its start");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var fromAt = UkTime.StartOfDay(start);
        var query = db.GroupSessions.AsNoTracking().Where(g => g.StartsAt >= fromAt);
        if (to is { } end)
        {
            var before = UkTime.StartOfDay(end.AddDays(1));
            query = query.Where(g => g.StartsAt < before);
        }

        if (locationId is { } l)
        {
            query = query.Where(g => g.LocationId == l);
        }

        if (type is { } ty)
        {
            query = query.Where(g => g.Type == ty);
        }

        query = query.OrderBy(g => g.StartsAt).ThenBy(g => g.Id);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await ReadAsync(db, user, query.Skip(paging.Skip).Take(paging.PageSize), ct);
        return TypedResults.Ok(new PagedList<GroupSessionDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var dto = (await ReadAsync(db, user, db.GroupSessions.AsNoTracking().Where(g => g.Id == id), ct)).SingleOrDefault();
        return dto is null ? ApiResults.NotFound("Group session") : ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Create(
        GroupSessionDetails request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var (session, errors) = await CaseAppointments.CreateGroupSessionAsync(db, policies, request, clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var dto = (await ReadAsync(db, user, db.GroupSessions.AsNoTracking().Where(g => g.Id == session!.Id), ct)).Single();
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Created($"/api/v1/group-sessions/{dto.Id}", dto);
    }

    private static async Task<IResult> Book(
        int id, GroupAttendeeRequest request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, ContactPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var session = await db.GroupSessions.AsNoTracking().Include(g => g.Facilitators).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (session is null)
        {
            return ApiResults.NotFound("Group session");
        }

        if (string.IsNullOrWhiteSpace(request.Crn))
        {
            return ApiResults.Invalid(new ValidationErrors().Add("crn", "Enter the CRN of the person to book"));
        }

        var person = await PeopleApi.FindAsync(db, user, request.Crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("crn", "There is no person with that CRN that you can see"));
        }

        var (arranged, errors) = await CaseAppointments.BookOntoSessionAsync(
            db, policies, session, person.Id, new GroupBooking(request.OrderId, request.RequirementId, request.IsEnforceable, request.CountsTowardsRar, request.Notes, request.PlanNeed),
            ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var dto = (await AppointmentsApi.ReadAsync(db, db.Appointments.AsNoTracking().Where(a => a.Id == arranged[0].Id), ct)).Single();
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Created($"/api/v1/appointments/{dto.Id}", dto);
    }

    /// <summary>
    /// Reads sessions in the response shape in the query's order: facilitators' names, the room and location, places
    /// taken, and the attendees <paramref name="user"/> may see. Five queries for a page of any size.
    /// </summary>
    internal static async Task<List<GroupSessionDto>> ReadAsync(OpenProbationDbContext db, ClaimsPrincipal user, IQueryable<GroupSession> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sessions = await query.Include(g => g.Facilitators).ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return [];
        }

        var ids = sessions.Select(g => g.Id).ToList();
        var roomIds = sessions.Select(g => g.RoomId).Distinct().ToList();
        var staffIds = sessions.SelectMany(g => g.Facilitators).Select(f => f.StaffMemberId).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Include(r => r.Location).Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var names = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new { s.Id, Name = s.FirstName + " " + s.LastName }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var booked = await CaseAppointments.BookedAsync(db, ids, ct);
        var attendees = (await db.Appointments.AsNoTracking().WhereVisible(a => a.Person!, user)
                .Where(a => a.GroupSessionId != null && ids.Contains(a.GroupSessionId.Value) && a.Outcome != AppointmentOutcome.Rescheduled)
                .OrderBy(a => a.Person!.LastName).ThenBy(a => a.Person!.FirstName).ThenBy(a => a.Id)
                .Select(a => new { SessionId = a.GroupSessionId!.Value, Attendee = new GroupAttendeeDto(a.Id, a.Person!.Crn, a.Person.FirstName, a.Person.LastName, a.Outcome) })
                .ToListAsync(ct))
            .ToLookup(a => a.SessionId, a => a.Attendee);

        return [.. sessions.Select(g =>
        {
            var room = rooms[g.RoomId];
            var limit = g.AttendeeLimit(room);
            var taken = booked.GetValueOrDefault(g.Id);
            return new GroupSessionDto(
                g.Id, g.Type, g.Title, g.StartsAt, g.EndsAt, g.DurationMinutes, g.LocationId, room.Location!.Name, g.RoomId, room.Name, room.Capacity,
                [.. g.Facilitators.OrderBy(f => f.Position).Select(f => new FacilitatorDto(f.StaffMemberId, names.GetValueOrDefault(f.StaffMemberId) ?? ""))],
                g.MaximumAttendeesPerStaff, limit, taken, Math.Max(0, limit - taken), [.. attendees[g.Id]], g.Version);
        })];
    }
}
