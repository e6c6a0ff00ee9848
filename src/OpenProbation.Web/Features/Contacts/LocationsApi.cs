using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Contacts;

public sealed record RoomDto(int Id, int LocationId, string Name, bool IsPrivate, int Capacity, int Version);

public sealed record LocationDto(int Id, string Name, string Address, int? TeamId, IReadOnlyList<RoomDto> Rooms, int Version);

/// <summary>Where appointments are held and the rooms there: <c>/api/v1/locations</c>.</summary>
public static class LocationsApi
{
    public static void MapLocations(this RouteGroupBuilder api)
    {
        var locations = api.MapGroup("/locations").WithTags("Locations");
        locations.MapGet("/", List).Lists<LocationDto>().RequireAuthorization(Policies.ReadOrganisation)
            .WithSummary("Locations with their rooms; filter teamId, q (name)");
        locations.MapGet("/{id:int}", Get).Reads<LocationDto>().RequireAuthorization(Policies.ReadOrganisation);
        locations.MapPost("/", Create).Creates<LocationDto>().RequireAuthorization(Policies.ManageOrganisation);
        locations.MapGet("/{id:int}/rooms", ListRooms).Lists<RoomDto>().RequireAuthorization(Policies.ReadOrganisation)
            .WithSummary("A location's rooms; filter isPrivate");
        locations.MapGet("/{id:int}/rooms/{roomId:int}", GetRoom).Reads<RoomDto>().RequireAuthorization(Policies.ReadOrganisation);
        locations.MapPost("/{id:int}/rooms", CreateRoom).Creates<RoomDto>().RequireAuthorization(Policies.ManageOrganisation)
            .WithSummary("Add a room; say whether it is private (a one-to-one interview needs one) and how many it holds, staff included");
    }

    private static async Task<IResult> List(OpenProbationDbContext db, int? teamId, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors().MaxLength("q", q, FieldLimits.Title, "the search text");
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.Locations.AsNoTracking();
        if (teamId is { } tid)
        {
            query = query.Where(l => l.TeamId == tid);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(l => l.Name.ToLower().Contains(text));
        }

        query = query.OrderBy(l => l.Name).ThenBy(l => l.Id);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await query.Include(l => l.Rooms).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<LocationDto>([.. items.Select(ToDto)], paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> Get(int id, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Include(l => l.Rooms).SingleOrDefaultAsync(l => l.Id == id, ct);
        return location is null ? ApiResults.NotFound("Location") : ApiResults.OkVersioned(http, ToDto(location), location.Version);
    }

    private static async Task<IResult> Create(LocationDetails request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var errors = request.Validate();
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            errors.Add("teamId", "There is no team with that id");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var location = new Location();
        location.Apply(request);
        db.Locations.Add(location);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(location.Version);
        return TypedResults.Created($"/api/v1/locations/{location.Id}", ToDto(location));
    }

    private static async Task<IResult> ListRooms(int id, OpenProbationDbContext db, bool? isPrivate, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        if (!await db.Locations.AnyAsync(l => l.Id == id, ct))
        {
            return ApiResults.NotFound("Location");
        }

        var query = db.Rooms.AsNoTracking().Where(r => r.LocationId == id);
        if (isPrivate is { } p)
        {
            query = query.Where(r => r.IsPrivate == p);
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .ToPageAsync(paging, r => new RoomDto(r.Id, r.LocationId, r.Name, r.IsPrivate, r.Capacity, r.Version), ct));
    }

    private static async Task<IResult> GetRoom(int id, int roomId, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId && r.LocationId == id, ct);
        return room is null ? ApiResults.NotFound("Room") : ApiResults.OkVersioned(http, ToDto(room), room.Version);
    }

    private static async Task<IResult> CreateRoom(int id, RoomDetails request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        if (!await db.Locations.AnyAsync(l => l.Id == id, ct))
        {
            return ApiResults.NotFound("Location");
        }

        var errors = request.Validate();
        if (errors.IsValid)
        {
            var name = request.Name!.Trim().ToLower();
            if (await db.Rooms.AnyAsync(r => r.LocationId == id && r.Name.ToLower() == name, ct))
            {
                errors.Add("name", "This location already has a room with that name");
            }
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var room = new Room { LocationId = id };
        room.Apply(request);
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(room.Version);
        return TypedResults.Created($"/api/v1/locations/{id}/rooms/{room.Id}", ToDto(room));
    }

    internal static RoomDto ToDto(Room r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.LocationId, r.Name, r.IsPrivate, r.Capacity, r.Version);
    }

    internal static LocationDto ToDto(Location l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Id, l.Name, l.Address, l.TeamId, [.. l.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(ToDto)], l.Version);
    }
}
