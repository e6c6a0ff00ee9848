using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Organisation;

public sealed record RegionDto(int Id, string Code, string Name, int Version);

public sealed record DeliveryUnitDto(int Id, int RegionId, string Code, string Name, int Version);

/// <summary>A team; <c>caseHoldingPosts</c> is its funded establishment in FTE, when recorded.</summary>
public sealed record TeamDto(int Id, int DeliveryUnitId, string Code, string Name, int Version, decimal? CaseHoldingPosts = null);

/// <summary>Create or edit a delivery unit.</summary>
public sealed record DeliveryUnitRequest(int? RegionId, string? Code, string? Name);

/// <summary>Create or edit a team.</summary>
public sealed record TeamRequest(int? DeliveryUnitId, string? Code, string? Name, decimal? CaseHoldingPosts = null);

/// <summary>Regions, probation delivery units and teams: <c>/api/v1/regions</c>, <c>/delivery-units</c>, <c>/teams</c>.</summary>
public static class OrganisationApi
{
    public static void MapOrganisation(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Organisation");
        regions.MapGet("/", ListRegions).Lists<RegionDto>().RequireAuthorization(Policies.ReadOrganisation);
        regions.MapGet("/{id:int}", GetRegion).Reads<RegionDto>().RequireAuthorization(Policies.ReadOrganisation).WithName("GetRegion");
        regions.MapPost("/", CreateRegion).Creates<RegionDto>().RequireAuthorization(Policies.ManageOrganisation);
        regions.MapPut("/{id:int}", UpdateRegion).Updates<RegionDto>().RequireAuthorization(Policies.ManageOrganisation);

        var units = api.MapGroup("/delivery-units").WithTags("Organisation");
        units.MapGet("/", ListUnits).Lists<DeliveryUnitDto>().RequireAuthorization(Policies.ReadOrganisation);
        units.MapGet("/{id:int}", GetUnit).Reads<DeliveryUnitDto>().RequireAuthorization(Policies.ReadOrganisation);
        units.MapPost("/", CreateUnit).Creates<DeliveryUnitDto>().RequireAuthorization(Policies.ManageOrganisation);
        units.MapPut("/{id:int}", UpdateUnit).Updates<DeliveryUnitDto>().RequireAuthorization(Policies.ManageOrganisation);

        var teams = api.MapGroup("/teams").WithTags("Organisation");
        teams.MapGet("/", ListTeams).Lists<TeamDto>().RequireAuthorization(Policies.ReadOrganisation);
        teams.MapGet("/{id:int}", GetTeam).Reads<TeamDto>().RequireAuthorization(Policies.ReadOrganisation);
        teams.MapPost("/", CreateTeam).Creates<TeamDto>().RequireAuthorization(Policies.ManageOrganisation);
        teams.MapPut("/{id:int}", UpdateTeam).Updates<TeamDto>().RequireAuthorization(Policies.ManageOrganisation);
    }

    private static async Task<IResult> ListRegions(OpenProbationDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("q", q, FieldLimits.Title, "the search text");
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.Regions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(r => r.Name.ToLower().Contains(text) || r.Code.ToLower() == text);
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .ToPageAsync(paging, r => new RegionDto(r.Id, r.Code, r.Name, r.Version), ct));
    }

    private static async Task<IResult> GetRegion(int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var r = await db.Regions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is null ? ApiResults.NotFound("Region") : ApiResults.OkVersioned(http, ToDto(r), r.Version);
    }

    private static async Task<IResult> CreateRegion(OrganisationUnitDetails request, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.IsValid && await db.Regions.AnyAsync(r => r.Code == request.Code!.Trim().ToUpper(), ct))
        {
            errors.Add("code", "A region with this code already exists");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var region = new Region { Code = request.Code!.Trim().ToUpperInvariant(), Name = request.Name!.Trim() };
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/regions/{region.Id}", ToDto(region));
    }

    private static async Task<IResult> UpdateRegion(int id, OrganisationUnitDetails request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (region is null)
        {
            return ApiResults.NotFound("Region");
        }

        if (ApiResults.VersionProblem(http.Request, region) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate();
        if (errors.IsValid && await db.Regions.AnyAsync(r => r.Id != id && r.Code == request.Code!.Trim().ToUpper(), ct))
        {
            errors.Add("code", "A region with this code already exists");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        region.Code = request.Code!.Trim().ToUpperInvariant();
        region.Name = request.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(region), region.Version);
    }

    private static async Task<IResult> ListUnits(OpenProbationDbContext db, int? regionId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("q", q, FieldLimits.Title, "the search text");
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.DeliveryUnits.AsNoTracking();
        if (regionId is { } rid)
        {
            query = query.Where(u => u.RegionId == rid);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(u => u.Name.ToLower().Contains(text) || u.Code.ToLower() == text);
        }

        return TypedResults.Ok(await query.OrderBy(u => u.Name).ThenBy(u => u.Id)
            .ToPageAsync(paging, u => new DeliveryUnitDto(u.Id, u.RegionId, u.Code, u.Name, u.Version), ct));
    }

    private static async Task<IResult> GetUnit(int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var u = await db.DeliveryUnits.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return u is null ? ApiResults.NotFound("Delivery unit") : ApiResults.OkVersioned(http, ToDto(u), u.Version);
    }

    private static async Task<ValidationErrors> ValidateUnit(DeliveryUnitRequest request, int? id, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = new OrganisationUnitDetails(request.Code, request.Name).Validate()
            .Present("regionId", request.RegionId, "Select a region");
        if (request.RegionId is { } rid && !await db.Regions.AnyAsync(r => r.Id == rid, ct))
        {
            errors.Add("regionId", "There is no region with that id");
        }

        if (errors.IsValid && await db.DeliveryUnits.AnyAsync(u => u.Id != id && u.Code == request.Code!.Trim().ToUpper(), ct))
        {
            errors.Add("code", "A delivery unit with this code already exists");
        }

        return errors;
    }

    private static async Task<IResult> CreateUnit(DeliveryUnitRequest request, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = await ValidateUnit(request, null, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var unit = new DeliveryUnit { RegionId = request.RegionId!.Value, Code = request.Code!.Trim().ToUpperInvariant(), Name = request.Name!.Trim() };
        db.DeliveryUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/delivery-units/{unit.Id}", ToDto(unit));
    }

    private static async Task<IResult> UpdateUnit(int id, DeliveryUnitRequest request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var unit = await db.DeliveryUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return ApiResults.NotFound("Delivery unit");
        }

        if (ApiResults.VersionProblem(http.Request, unit) is { } stale)
        {
            return stale;
        }

        var errors = await ValidateUnit(request, id, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        unit.RegionId = request.RegionId!.Value;
        unit.Code = request.Code!.Trim().ToUpperInvariant();
        unit.Name = request.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(unit), unit.Version);
    }

    private static async Task<IResult> ListTeams(OpenProbationDbContext db, int? deliveryUnitId, int? regionId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("q", q, FieldLimits.Title, "the search text");
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.Teams.AsNoTracking();
        if (deliveryUnitId is { } uid)
        {
            query = query.Where(t => t.DeliveryUnitId == uid);
        }

        if (regionId is { } rid)
        {
            query = query.Where(t => t.DeliveryUnit!.RegionId == rid);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(t => t.Name.ToLower().Contains(text) || t.Code.ToLower() == text);
        }

        return TypedResults.Ok(await query.OrderBy(t => t.Name).ThenBy(t => t.Id)
            .ToPageAsync(paging, t => new TeamDto(t.Id, t.DeliveryUnitId, t.Code, t.Name, t.Version, t.CaseHoldingPosts), ct));
    }

    private static async Task<IResult> GetTeam(int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var t = await db.Teams.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? ApiResults.NotFound("Team") : ApiResults.OkVersioned(http, ToDto(t), t.Version);
    }

    internal static async Task<ValidationErrors> ValidateTeam(TeamRequest request, int? id, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = new OrganisationUnitDetails(request.Code, request.Name).Validate()
            .Present("deliveryUnitId", request.DeliveryUnitId, "Select a delivery unit")
            .Merge(Vacancies.Validate(request.CaseHoldingPosts));
        if (request.DeliveryUnitId is { } uid && !await db.DeliveryUnits.AnyAsync(u => u.Id == uid, ct))
        {
            errors.Add("deliveryUnitId", "There is no delivery unit with that id");
        }

        if (errors.IsValid && await db.Teams.AnyAsync(t => t.Id != id && t.Code == request.Code!.Trim().ToUpper(), ct))
        {
            errors.Add("code", "A team with this code already exists");
        }

        return errors;
    }

    private static async Task<IResult> CreateTeam(TeamRequest request, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = await ValidateTeam(request, null, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var team = new Team
        {
            DeliveryUnitId = request.DeliveryUnitId!.Value, Code = request.Code!.Trim().ToUpperInvariant(), Name = request.Name!.Trim(), CaseHoldingPosts = request.CaseHoldingPosts,
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", ToDto(team));
    }

    private static async Task<IResult> UpdateTeam(int id, TeamRequest request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return ApiResults.NotFound("Team");
        }

        if (ApiResults.VersionProblem(http.Request, team) is { } stale)
        {
            return stale;
        }

        var errors = await ValidateTeam(request, id, db, ct);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        team.DeliveryUnitId = request.DeliveryUnitId!.Value;
        team.Code = request.Code!.Trim().ToUpperInvariant();
        team.Name = request.Name!.Trim();
        team.CaseHoldingPosts = request.CaseHoldingPosts;
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(team), team.Version);
    }

    private static RegionDto ToDto(Region r) => new(r.Id, r.Code, r.Name, r.Version);

    private static DeliveryUnitDto ToDto(DeliveryUnit u) => new(u.Id, u.RegionId, u.Code, u.Name, u.Version);

    private static TeamDto ToDto(Team t) => new(t.Id, t.DeliveryUnitId, t.Code, t.Name, t.Version, t.CaseHoldingPosts);
}
