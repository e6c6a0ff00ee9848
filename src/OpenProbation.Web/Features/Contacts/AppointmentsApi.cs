using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>An appointment as the API gives it, with the names of whom it is with and where, and what replaced it if it was moved.</summary>
public sealed record AppointmentDto(
    int Id, string Crn, AppointmentType Type, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int DurationMinutes, int StaffMemberId,
    string? StaffName, int? OrderId, int? LocationId, string? LocationName, int? RoomId, string? RoomName, int? GroupSessionId, Guid? SeriesId,
    bool IsEnforceable, bool CountsTowardsRar, int? RequirementId, string? Notes, AppointmentOutcome? Outcome, string? OutcomeNotes,
    string? AbsenceReason, string? AbsenceEvidence, string? OutcomeRecordedBy, DateTimeOffset? OutcomeRecordedAt, bool IsHeld, bool IsFailureToComply,
    int? RescheduledFromId, int? RescheduledToId, string ArrangedBy, DateTimeOffset ArrangedAt, int Version, NeedArea? PlanNeed);

/// <summary>What arranging answers: one appointment, or every appointment of a series (sharing its id), in time order.</summary>
public sealed record AppointmentsArrangedDto(Guid? SeriesId, IReadOnlyList<AppointmentDto> Appointments);

/// <summary>An outcome recorded; for a rescheduled appointment, the new appointment that replaces it.</summary>
public sealed record OutcomeRecordedDto(AppointmentDto Appointment, AppointmentDto? Replacement);

/// <summary>A contact that has already happened, recorded with its outcome in one step.</summary>
public sealed record ContactRequest(
    AppointmentType? Type, DateTimeOffset? StartsAt, int? DurationMinutes, int? StaffMemberId, int? OrderId, int? LocationId, int? RoomId,
    int? RequirementId, bool? IsEnforceable, bool? CountsTowardsRar, string? Notes, AppointmentOutcome? Outcome, string? OutcomeNotes,
    string? AbsenceReason, string? AbsenceEvidence, NeedArea? PlanNeed = null);

/// <summary>An officer's diary over a range of days (London dates, inclusive).</summary>
public sealed record DiaryDto(
    int StaffMemberId, string Name, DateOnly From, DateOnly To, IReadOnlyList<AppointmentDto> Appointments, IReadOnlyList<GroupSessionDto> GroupSessions);

/// <summary>
/// Appointments and the contact log: <c>/api/v1/people/{crn}/appointments</c>, <c>/people/{crn}/contacts</c>,
/// <c>/appointments/{id}</c> and an officer's diary, <c>/staff/{id}/diary</c>.
/// </summary>
public static class AppointmentsApi
{
    /// <summary>The longest diary range, in days.</summary>
    public const int MaxDiaryDays = 31;

    public static void MapAppointments(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people/{crn}").WithTags("Appointments");
        people.MapGet("/appointments", ListForPerson).Lists<AppointmentDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("The person's contact log, newest first; filter from, to (dates), type, outcome, enforceable, recorded");
        people.MapPost("/appointments", Arrange).Creates<AppointmentsArrangedDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Arrange an appointment, or a series with repeatEveryDays and occurrences: all are checked and saved together, or none");
        people.MapPost("/contacts", RecordContact).Creates<AppointmentDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Record a contact that has already happened, with its outcome");

        var appointments = api.MapGroup("/appointments").WithTags("Appointments");
        appointments.MapGet("/{id:int}", Get).Reads<AppointmentDto>().RequireAuthorization(Policies.ReadCases);
        appointments.MapPut("/{id:int}", Update).Updates<AppointmentDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Change an appointment before it starts (time, room, staff, notes); If-Match");
        appointments.MapPost("/{id:int}/outcome", RecordOutcome).Updates<OutcomeRecordedDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Record what happened; Rescheduled arranges the replacement and returns both; If-Match");

        api.MapGet("/staff/{id:int}/diary", Diary).Reads<DiaryDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Appointments").RequireAuthorization(Policies.ReadCases)
            .WithSummary("An officer's appointments and group sessions from one date to another (at most 31 days); your own, or anyone's with a team role");
    }

    private static async Task<IResult> ListForPerson(
        string crn, ClaimsPrincipal user, OpenProbationDbContext db, DateOnly? from, DateOnly? to, AppointmentType? type, AppointmentOutcome? outcome,
        bool? enforceable, bool? recorded, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("to", "The end of the range must be on or after its start");
        }

        if (outcome is not null && recorded == false)
        {
            errors.Add("recorded", "An outcome filter finds recorded appointments only: leave recorded out");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var query = db.Appointments.AsNoTracking().Where(a => a.PersonId == person.Id);
        if (from is { } start)
        {
            var at = UkTime.StartOfDay(start);
            query = query.Where(a => a.StartsAt >= at);
        }

        if (to is { } end)
        {
            var before = UkTime.StartOfDay(end.AddDays(1));
            query = query.Where(a => a.StartsAt < before);
        }

        if (type is { } ty)
        {
            query = query.Where(a => a.Type == ty);
        }

        if (outcome is { } o)
        {
            query = query.Where(a => a.Outcome == o);
        }

        if (enforceable is { } e)
        {
            query = query.Where(a => a.IsEnforceable == e);
        }

        if (recorded is { } r)
        {
            query = r ? query.Where(a => a.Outcome != null) : query.Where(a => a.Outcome == null);
        }

        query = query.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await ReadAsync(db, query.Skip(paging.Skip).Take(paging.PageSize), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Appointments, ct);
        return TypedResults.Ok(new PagedList<AppointmentDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> Arrange(
        string crn, ClaimsPrincipal user, AppointmentDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var (arranged, errors) = await CaseAppointments.ArrangeAsync(db, policies, person.Id, request, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var ids = arranged.Select(a => a.Id).ToList();
        var dtos = await ReadAsync(db, db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.StartsAt), ct);
        http.Response.Headers.ETag = ApiResults.ETag(dtos[0].Version);
        return TypedResults.Created($"/api/v1/appointments/{dtos[0].Id}", new AppointmentsArrangedDto(arranged[0].SeriesId, dtos));
    }

    private static async Task<IResult> RecordContact(
        string crn, ClaimsPrincipal user, ContactRequest request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var details = new AppointmentDetails(
            request.Type, request.StartsAt, request.DurationMinutes, request.StaffMemberId, request.OrderId, request.LocationId, request.RoomId,
            GroupSessionId: null, request.RequirementId, request.IsEnforceable, request.CountsTowardsRar, request.Notes, RepeatEveryDays: null, Occurrences: null,
            request.PlanNeed);
        var outcome = new OutcomeDetails(request.Outcome, request.OutcomeNotes, request.AbsenceReason, request.AbsenceEvidence, RescheduledTo: null);
        var (recorded, errors) = await CaseAppointments.RecordContactAsync(db, policies, person.Id, details, outcome, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var dto = await ReadOneAsync(db, recorded!.Id, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Created($"/api/v1/appointments/{dto.Id}", dto);
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var appointment = await CaseAppointments.FindAsync(db, user, id, track: false, ct);
        if (appointment is null)
        {
            return ApiResults.NotFound("Appointment");
        }

        var dto = await ReadOneAsync(db, id, ct);
        await AuditTrail.RecordViewAsync(db, appointment.PersonId, AuditTrail.Appointments, ct, nameof(Appointment), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Update(
        int id, ClaimsPrincipal user, AppointmentDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var appointment = await CaseAppointments.FindAsync(db, user, id, track: true, ct);
        if (appointment is null)
        {
            return ApiResults.NotFound("Appointment");
        }

        if (ApiResults.VersionProblem(http.Request, appointment) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow();
        if (CaseAppointments.WhyUnchangeable(appointment, now) is { } why)
        {
            return ApiResults.Refused("The appointment cannot be changed", why);
        }

        var errors = await CaseAppointments.ChangeAsync(db, policies, appointment, request, now, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var dto = await ReadOneAsync(db, id, ct);
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> RecordOutcome(
        int id, ClaimsPrincipal user, OutcomeDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var appointment = await CaseAppointments.FindAsync(db, user, id, track: true, ct);
        if (appointment is null)
        {
            return ApiResults.NotFound("Appointment");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (replacement, errors) = await CaseAppointments.RecordOutcomeAsync(
            db, policies, appointment, version, request, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (errors.Fields.Contains(CaseAppointments.VersionField))
        {
            return ApiResults.Stale(appointment.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var dto = await ReadOneAsync(db, id, ct);
        var replacementDto = replacement is null ? null : await ReadOneAsync(db, replacement.Id, ct);
        return ApiResults.OkVersioned(http, new OutcomeRecordedDto(dto, replacementDto), dto.Version);
    }

    private static async Task<IResult> Diary(
        int id, ClaimsPrincipal user, OpenProbationDbContext db, IAuthorizationService authorization, DateOnly? from, DateOnly? to, TimeProvider clock,
        CancellationToken ct)
    {
        var start = from ?? clock.Today();
        var end = to ?? start.AddDays(6);
        var errors = new ValidationErrors();
        if (end < start)
        {
            errors.Add("to", "The end of the range must be on or after its start");
        }
        else if (end.DayNumber - start.DayNumber + 1 > MaxDiaryDays)
        {
            errors.Add("to", $"A diary covers at most {MaxDiaryDays} days: ask for a shorter range");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var officer = await db.Staff.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FirstName, s.LastName }).SingleOrDefaultAsync(ct);
        if (officer is null)
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (await RefusedStaffAsync(authorization, user, id, "diary") is { } refused)
        {
            return refused;
        }

        var (fromAt, untilAt) = (UkTime.StartOfDay(start), UkTime.StartOfDay(end.AddDays(1)));

        // Only the appointments of people the caller may see: a restricted case is not in anyone else's view of the diary.
        var appointments = await ReadAsync(db, db.Appointments.AsNoTracking().WhereVisible(a => a.Person!, user)
            .Where(a => a.StaffMemberId == id && a.StartsAt >= fromAt && a.StartsAt < untilAt).OrderBy(a => a.StartsAt).ThenBy(a => a.Id), ct);
        var sessions = await GroupSessionsApi.ReadAsync(db, user, db.GroupSessions.AsNoTracking()
            .Where(g => g.Facilitators.Any(f => f.StaffMemberId == id) && g.StartsAt >= fromAt && g.StartsAt < untilAt)
            .OrderBy(g => g.StartsAt).ThenBy(g => g.Id), ct);
        return TypedResults.Ok(new DiaryDto(id, $"{officer.FirstName} {officer.LastName}", start, end, appointments, sessions));
    }

    /// <summary>
    /// An officer's own diary and compliance need only case reading; anyone else's needs the team-caseload role
    /// (managers, case administrators, system administrators), as the team pages do. Null when allowed.
    /// </summary>
    internal static async Task<IResult?> RefusedStaffAsync(IAuthorizationService authorization, ClaimsPrincipal user, int staffMemberId, string what)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (OpenProbationClaims.StaffMemberIdOf(user) == staffMemberId || (await authorization.AuthorizeAsync(user, Policies.ReadTeamCaseloads)).Succeeded)
        {
            return null;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
            detail: $"You can see your own {what}; another officer's needs a manager's or case administrator's role.");
    }

    /// <summary>Reads appointments in the response shape, with names, in the query's order (one query).</summary>
    internal static async Task<List<AppointmentDto>> ReadAsync(OpenProbationDbContext db, IQueryable<Appointment> query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await query.Select(a => new
        {
            Appointment = a,
            a.Person!.Crn,
            StaffName = db.Staff.Where(s => s.Id == a.StaffMemberId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
            LocationName = db.Locations.Where(l => l.Id == a.LocationId).Select(l => l.Name).FirstOrDefault(),
            RoomName = db.Rooms.Where(r => r.Id == a.RoomId).Select(r => r.Name).FirstOrDefault(),
            RescheduledToId = db.Appointments.Where(n => n.RescheduledFromId == a.Id).Select(n => (int?)n.Id).FirstOrDefault(),
        }).ToListAsync(ct);
        return [.. rows.Select(r => ToDto(r.Appointment, r.Crn, r.StaffName, r.LocationName, r.RoomName, r.RescheduledToId))];
    }

    private static async Task<AppointmentDto> ReadOneAsync(OpenProbationDbContext db, int id, CancellationToken ct) =>
        (await ReadAsync(db, db.Appointments.AsNoTracking().Where(a => a.Id == id), ct)).Single();

    internal static AppointmentDto ToDto(Appointment a, string crn, string? staffName, string? locationName, string? roomName, int? rescheduledToId)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, crn, a.Type, a.StartsAt, a.EndsAt, a.DurationMinutes, a.StaffMemberId, staffName, a.OrderId, a.LocationId, locationName, a.RoomId,
            roomName, a.GroupSessionId, a.SeriesId, a.IsEnforceable, a.CountsTowardsRar, a.RequirementId, a.Notes, a.Outcome, a.OutcomeNotes,
            a.AbsenceReason, a.AbsenceEvidence, a.OutcomeRecordedBy, a.OutcomeRecordedAt, a.IsHeld, a.IsFailureToComply, a.RescheduledFromId,
            rescheduledToId, a.ArrangedBy, a.ArrangedAt, a.Version, a.PlanNeed);
    }
}
