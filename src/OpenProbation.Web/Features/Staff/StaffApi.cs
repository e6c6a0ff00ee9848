using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Staff;

public sealed record StaffDto(
    int Id, int TeamId, string StaffCode, string FirstName, string LastName, string? Email, StaffGrade Grade,
    decimal ContractedHours, DateOnly StartDate, DateOnly? EndDate, bool IsAgency, int Version);

public sealed record AbsenceDto(int Id, int StaffMemberId, AbsenceType Type, DateOnly StartDate, DateOnly EndDate, string? Notes, int Version);

/// <summary>Staff and their absences: <c>/api/v1/staff</c>, <c>/api/v1/staff/{id}/absences</c>, <c>/api/v1/absences</c>.</summary>
public static class StaffApi
{
    public static void MapStaff(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Staff");
        staff.MapGet("/", List).Lists<StaffDto>().RequireAuthorization(Policies.ReadOrganisation);
        staff.MapGet("/{id:int}", Get).Reads<StaffDto>().RequireAuthorization(Policies.ReadOrganisation);
        staff.MapPost("/", Create).Creates<StaffDto>().RequireAuthorization(Policies.ManageOrganisation);
        staff.MapPut("/{id:int}", Update).Updates<StaffDto>().RequireAuthorization(Policies.ManageOrganisation);

        staff.MapGet("/{staffId:int}/absences", ListForStaff).Lists<AbsenceDto>().RequireAuthorization(Policies.ReadOrganisation);
        staff.MapGet("/{staffId:int}/absences/{id:int}", GetAbsence).Reads<AbsenceDto>().RequireAuthorization(Policies.ReadOrganisation);
        staff.MapPost("/{staffId:int}/absences", CreateAbsence).Creates<AbsenceDto>().RequireAuthorization(Policies.ManageOrganisation);
        staff.MapPut("/{staffId:int}/absences/{id:int}", UpdateAbsence).Updates<AbsenceDto>().RequireAuthorization(Policies.ManageOrganisation);

        api.MapGet("/absences", ListAbsences).Lists<AbsenceDto>().WithTags("Staff").RequireAuthorization(Policies.ReadOrganisation);
    }

    private static async Task<IResult> List(
        OpenProbationDbContext db, int? teamId, int? deliveryUnitId, StaffGrade? grade, string? q, bool? current,
        int? page, int? pageSize, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("q", q, FieldLimits.Name, "the search text");
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.Staff.AsNoTracking();
        if (teamId is { } tid)
        {
            query = query.Where(s => s.TeamId == tid);
        }

        if (deliveryUnitId is { } uid)
        {
            query = query.Where(s => s.Team!.DeliveryUnitId == uid);
        }

        if (grade is { } g)
        {
            query = query.Where(s => s.Grade == g);
        }

        if (current ?? false)
        {
            var today = clock.Today();
            query = query.Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(s => (s.FirstName.ToLower() + " " + s.LastName.ToLower()).Contains(text) || s.StaffCode.ToLower() == text);
        }

        return TypedResults.Ok(await query.OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .ToPageAsync(paging, s => new StaffDto(s.Id, s.TeamId, s.StaffCode, s.FirstName, s.LastName, s.Email, s.Grade,
                s.ContractedHours, s.StartDate, s.EndDate, s.IsAgency, s.Version), ct));
    }

    private static async Task<IResult> Get(int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var s = await db.Staff.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? ApiResults.NotFound("Member of staff") : ApiResults.OkVersioned(http, ToDto(s), s.Version);
    }

    private static async Task<ValidationErrors> Validate(StaffDetails request, int? id, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = request.Validate();
        if (request.TeamId is { } tid && !await db.Teams.AnyAsync(t => t.Id == tid, ct))
        {
            errors.Add("teamId", "There is no team with that id");
        }

        if (errors.IsValid && await db.Staff.AnyAsync(s => s.Id != id && s.StaffCode == request.StaffCode!.Trim().ToUpper(), ct))
        {
            errors.Add("staffCode", "A member of staff with this code already exists");
        }

        return errors;
    }

    private static async Task<IResult> Create(StaffDetails request, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = await Validate(request, null, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var member = new StaffMember();
        member.Apply(request);
        db.Staff.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/staff/{member.Id}", ToDto(member));
    }

    private static async Task<IResult> Update(int id, StaffDetails request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var member = await db.Staff.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (member is null)
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (ApiResults.VersionProblem(http.Request, member) is { } stale)
        {
            return stale;
        }

        var errors = await Validate(request, id, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        member.Apply(request);
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(member), member.Version);
    }

    private static async Task<IResult> ListForStaff(int staffId, OpenProbationDbContext db, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct))
        {
            return ApiResults.NotFound("Member of staff");
        }

        return await ListAbsences(db, staffId, null, from, to, null, page, pageSize, ct);
    }

    private static async Task<IResult> ListAbsences(
        OpenProbationDbContext db, int? staffMemberId, int? teamId, DateOnly? from, DateOnly? to, AbsenceType? type,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("to", "The end of the range must be on or after its start");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.Absences.AsNoTracking();
        if (staffMemberId is { } sid)
        {
            query = query.Where(a => a.StaffMemberId == sid);
        }

        if (teamId is { } tid)
        {
            query = query.Where(a => a.StaffMember!.TeamId == tid);
        }

        if (type is { } ty)
        {
            query = query.Where(a => a.Type == ty);
        }

        // Overlap with the range, both ends inclusive.
        if (from is { } start)
        {
            query = query.Where(a => a.EndDate >= start);
        }

        if (to is { } end)
        {
            query = query.Where(a => a.StartDate <= end);
        }

        return TypedResults.Ok(await query.OrderBy(a => a.StartDate).ThenBy(a => a.Id)
            .ToPageAsync(paging, a => new AbsenceDto(a.Id, a.StaffMemberId, a.Type, a.StartDate, a.EndDate, a.Notes, a.Version), ct));
    }

    private static async Task<IResult> GetAbsence(int staffId, int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var a = await db.Absences.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.StaffMemberId == staffId, ct);
        return a is null ? ApiResults.NotFound("Absence") : ApiResults.OkVersioned(http, ToDto(a), a.Version);
    }

    private static async Task<IResult> CreateAbsence(int staffId, AbsenceDetails request, OpenProbationDbContext db, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct))
        {
            return ApiResults.NotFound("Member of staff");
        }

        var errors = request.Validate();
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var absence = new StaffAbsence { StaffMemberId = staffId };
        absence.Apply(request);
        db.Absences.Add(absence);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/staff/{staffId}/absences/{absence.Id}", ToDto(absence));
    }

    private static async Task<IResult> UpdateAbsence(int staffId, int id, AbsenceDetails request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var absence = await db.Absences.SingleOrDefaultAsync(a => a.Id == id && a.StaffMemberId == staffId, ct);
        if (absence is null)
        {
            return ApiResults.NotFound("Absence");
        }

        if (ApiResults.VersionProblem(http.Request, absence) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate();
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        absence.Apply(request);
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(absence), absence.Version);
    }

    private static StaffDto ToDto(StaffMember s) =>
        new(s.Id, s.TeamId, s.StaffCode, s.FirstName, s.LastName, s.Email, s.Grade, s.ContractedHours, s.StartDate, s.EndDate, s.IsAgency, s.Version);

    private static AbsenceDto ToDto(StaffAbsence a) => new(a.Id, a.StaffMemberId, a.Type, a.StartDate, a.EndDate, a.Notes, a.Version);
}
