using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.People;

public sealed record PersonSummaryDto(string Crn, string FirstName, string? MiddleNames, string LastName, DateOnly DateOfBirth, Gender Gender, int Version);

public sealed record OfficerDto(int StaffMemberId, string Name);

public sealed record OrderSummaryDto(int Id, OrderType Type, OrderStatus Status, DateOnly SentenceDate, DateOnly ExpectedEndDate, OfficerDto? ResponsibleOfficer);

public sealed record PersonDto(
    string Crn, string FirstName, string? MiddleNames, string LastName, string? PreferredName, DateOnly DateOfBirth,
    Gender Gender, string? Phone, string? Email, DateTimeOffset CreatedAt, int Version,
    AddressDto? CurrentAddress, IReadOnlyList<MarkerDto> ActiveMarkers, IReadOnlyList<OrderSummaryDto> Orders, bool Restricted = false);

public sealed record AddressDto(
    int Id, AddressType Type, string Line1, string? Line2, string Town, string? County, string? Postcode,
    DateOnly StartDate, DateOnly? EndDate, int Version);

public sealed record MarkerDto(
    int Id, MarkerType Type, int? MappaLevel, int? MappaCategory, string? Description, DateOnly StartDate, DateOnly? EndDate,
    string AddedBy, DateTimeOffset AddedAt, int Version);

/// <summary>People on probation, their addresses and markers: <c>/api/v1/people</c>.</summary>
public static class PeopleApi
{
    private const int CrnAttempts = 20;

    public static void MapPeople(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", Search).Lists<PersonSummaryDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("Find people by CRN, name (partial, any case) or date of birth");
        people.MapGet("/{crn}", Get).Reads<PersonDto>().RequireAuthorization(Policies.ReadCases);
        people.MapPost("/", Create).Creates<PersonDto>().RequireAuthorization(Policies.EditCases);
        people.MapPut("/{crn}", Update).Updates<PersonDto>().RequireAuthorization(Policies.EditCases);

        people.MapGet("/{crn}/addresses", ListAddresses).Lists<AddressDto>().RequireAuthorization(Policies.ReadCases);
        people.MapGet("/{crn}/addresses/{id:int}", GetAddress).Reads<AddressDto>().RequireAuthorization(Policies.ReadCases);
        people.MapPost("/{crn}/addresses", CreateAddress).Creates<AddressDto>().RequireAuthorization(Policies.EditCases);
        people.MapPut("/{crn}/addresses/{id:int}", UpdateAddress).Updates<AddressDto>().RequireAuthorization(Policies.EditCases);

        people.MapGet("/{crn}/markers", ListMarkers).Lists<MarkerDto>().RequireAuthorization(Policies.ReadCases);
        people.MapGet("/{crn}/markers/{id:int}", GetMarker).Reads<MarkerDto>().RequireAuthorization(Policies.ReadCases);
        people.MapPost("/{crn}/markers", CreateMarker).Creates<MarkerDto>().RequireAuthorization(Policies.EditCases);
        people.MapPut("/{crn}/markers/{id:int}", UpdateMarker).Updates<MarkerDto>().RequireAuthorization(Policies.EditCases);
    }

    /// <summary>
    /// <c>q</c> is read as a CRN when it has that shape, as a date of birth when it is a date (2001-02-28 or
    /// 28/02/2001), and otherwise as name parts that must all appear. <c>crn</c>, <c>name</c> and
    /// <c>dateOfBirth</c> narrow the search explicitly.
    /// </summary>
    private static async Task<IResult> Search(
        OpenProbationDbContext db, ClaimsPrincipal user, string? q, string? crn, string? name, DateOnly? dateOfBirth, Gender? gender,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .MaxLength("q", q, FieldLimits.Title, "the search text")
            .MaxLength("name", name, FieldLimits.Title, "the name");
        var paging = Paging.Create(page, pageSize, errors);
        if (crn is not null && !Crn.IsValid(crn))
        {
            errors.Add("crn", "Enter a case reference number: a letter and six digits, like X123456");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        // Restricted and excluded cases are left out here, so they are neither listed nor counted.
        var query = db.VisiblePeople(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = WhereMatches(query, q);
        }

        if (crn is not null)
        {
            var value = Crn.Parse(crn).Value;
            query = query.Where(p => p.Crn == value);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            query = WhereNameMatches(query, name);
        }

        if (dateOfBirth is { } dob)
        {
            query = query.Where(p => p.DateOfBirth == dob);
        }

        if (gender is { } g)
        {
            query = query.Where(p => p.Gender == g);
        }

        return TypedResults.Ok(await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .ToPageAsync(paging, p => new PersonSummaryDto(p.Crn, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.Gender, p.Version), ct));
    }

    /// <summary>
    /// The one search box: a CRN when the text has that shape, a date of birth when it is a date (2001-02-28 or
    /// 28/02/2001), otherwise name parts that must all appear. Shared by the API and the search page.
    /// </summary>
    internal static IQueryable<Person> WhereMatches(IQueryable<Person> query, string q)
    {
        if (Crn.TryParse(q, out var qCrn))
        {
            var value = qCrn.Value;
            return query.Where(p => p.Crn == value);
        }

        if (TryParseDate(q, out var qDate))
        {
            return query.Where(p => p.DateOfBirth == qDate);
        }

        return WhereNameMatches(query, q);
    }

    private static IQueryable<Person> WhereNameMatches(IQueryable<Person> query, string text)
    {
        // LIKE on the lower-cased column behaves the same on both databases and can use PostgreSQL's trigram index.
        foreach (var part in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var pattern = "%" + part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\"));
        }

        return query;
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// The person with this CRN if <paramref name="user"/> may see them, or null: not there, not visible and a
    /// malformed CRN all read as "not found".
    /// </summary>
    internal static Task<Person?> FindAsync(OpenProbationDbContext db, ClaimsPrincipal user, string crn, bool track, CancellationToken ct)
    {
        if (!Crn.TryParse(crn, out var parsed))
        {
            return Task.FromResult<Person?>(null);
        }

        var value = parsed.Value;
        var people = track ? db.VisiblePeople(user) : db.VisiblePeople(user).AsNoTracking();
        return people.SingleOrDefaultAsync(p => p.Crn == value, ct);
    }

    private static async Task<IResult> Get(string crn, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var dto = await ToDtoAsync(db, person, clock.Today(), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.PersonRecord, ct);
        return ApiResults.OkVersioned(http, dto, person.Version);
    }

    private static async Task<PersonDto> ToDtoAsync(OpenProbationDbContext db, Person p, DateOnly today, CancellationToken ct)
    {
        var address = await db.Addresses.AsNoTracking()
            .Where(a => a.PersonId == p.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync(ct);
        var markers = await db.Markers.AsNoTracking()
            .Where(m => m.PersonId == p.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .OrderBy(m => m.StartDate).ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.PersonId == p.Id)
            .OrderByDescending(o => o.SentenceDate).ThenByDescending(o => o.Id)
            .Select(o => new OrderSummaryDto(o.Id, o.Type, o.Status, o.SentenceDate, o.ExpectedEndDate, null))
            .ToListAsync(ct);
        var officers = await ResponsibleOfficers.ForOrdersAsync(db, [.. orders.Select(o => o.Id)], ct);

        // Those who may see a restricted case are told it is restricted, so they take care with what they share.
        var restricted = await db.CaseRestrictions.AnyAsync(r => r.PersonId == p.Id && r.IsRestricted, ct);
        return new PersonDto(p.Crn, p.FirstName, p.MiddleNames, p.LastName, p.PreferredName, p.DateOfBirth, p.Gender, p.Phone, p.Email,
            p.CreatedAt, p.Version, address is null ? null : ToDto(address), [.. markers.Select(ToDto)],
            [.. orders.Select(o => o with { ResponsibleOfficer = officers.GetValueOrDefault(o.Id) })], restricted);
    }

    private static async Task<IResult> Create(PersonDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = request.Validate(today);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var person = new Person { CreatedAt = clock.GetUtcNow() };
        person.Apply(request);
        person.Crn = await NewCrnAsync(db, ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(person.Version);
        return TypedResults.Created($"/api/v1/people/{person.Crn}", await ToDtoAsync(db, person, today, ct));
    }

    /// <summary>Draws CRNs until one is free; the unique index still guards a race with another node.</summary>
    internal static async Task<string> NewCrnAsync(OpenProbationDbContext db, CancellationToken ct)
    {
        for (var attempt = 0; attempt < CrnAttempts; attempt++)
        {
            var candidate = Crn.Generate(Random.Shared).Value;
            if (!await db.People.AnyAsync(p => p.Crn == candidate, ct))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Could not find a free case reference number.");
    }

    private static async Task<IResult> Update(string crn, ClaimsPrincipal user, PersonDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, track: true, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        if (ApiResults.VersionProblem(http.Request, person) is { } stale)
        {
            return stale;
        }

        var today = clock.Today();
        var errors = request.Validate(today);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        person.Apply(request);
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, await ToDtoAsync(db, person, today, ct), person.Version);
    }

    private static async Task<IResult> ListAddresses(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var person = await FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == person.Id)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id)
            .ToPageAsync(paging, a => new AddressDto(a.Id, a.Type, a.Line1, a.Line2, a.Town, a.County, a.Postcode, a.StartDate, a.EndDate, a.Version), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Addresses, ct);
        return TypedResults.Ok(addresses);
    }

    private static async Task<IResult> GetAddress(string crn, int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var address = Crn.TryParse(crn, out var parsed)
            ? await db.VisibleAddresses(user).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Person!.Crn == parsed.Value, ct)
            : null;
        if (address is null)
        {
            return ApiResults.NotFound("Address");
        }

        await AuditTrail.RecordViewAsync(db, address.PersonId, AuditTrail.Addresses, ct, nameof(Address), Id(address.Id));
        return ApiResults.OkVersioned(http, ToDto(address), address.Version);
    }

    /// <summary>A new current address ends the one before it on the day before the move (history is kept).</summary>
    private static async Task<IResult> CreateAddress(string crn, ClaimsPrincipal user, AddressDetails request, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = request.Validate(clock.Today());
        var open = new List<Address>();
        if (errors.IsValid && request.EndDate is null)
        {
            open = await db.Addresses.Where(a => a.PersonId == person.Id && a.EndDate == null).ToListAsync(ct);
            if (open.Any(a => a.StartDate >= request.StartDate!.Value))
            {
                errors.Add("startDate", "The person's current address started on or after this date: end or correct it first");
            }
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        foreach (var previous in open)
        {
            previous.EndDate = request.StartDate!.Value.AddDays(-1);
        }

        var address = new Address { PersonId = person.Id };
        address.Apply(request);
        db.Addresses.Add(address);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{person.Crn}/addresses/{address.Id}", ToDto(address));
    }

    private static async Task<IResult> UpdateAddress(string crn, int id, ClaimsPrincipal user, AddressDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var address = Crn.TryParse(crn, out var parsed)
            ? await db.VisibleAddresses(user).SingleOrDefaultAsync(a => a.Id == id && a.Person!.Crn == parsed.Value, ct)
            : null;
        if (address is null)
        {
            return ApiResults.NotFound("Address");
        }

        if (ApiResults.VersionProblem(http.Request, address) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate(clock.Today());
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        address.Apply(request);
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(address), address.Version);
    }

    private static async Task<IResult> ListMarkers(string crn, ClaimsPrincipal user, OpenProbationDbContext db, bool? active, int? page, int? pageSize, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var person = await FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var query = db.Markers.AsNoTracking().Where(m => m.PersonId == person.Id);
        if (active is { } isActive)
        {
            var today = clock.Today();
            query = isActive
                ? query.Where(m => m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                : query.Where(m => m.StartDate > today || (m.EndDate != null && m.EndDate < today));
        }

        var markers = await query.OrderBy(m => m.StartDate).ThenBy(m => m.Id)
            .ToPageAsync(paging, m => new MarkerDto(m.Id, m.Type, m.MappaLevel, m.MappaCategory, m.Description, m.StartDate, m.EndDate, m.AddedBy, m.AddedAt, m.Version), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Markers, ct);
        return TypedResults.Ok(markers);
    }

    private static async Task<IResult> GetMarker(string crn, int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var marker = Crn.TryParse(crn, out var parsed)
            ? await db.VisibleMarkers(user).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.Person!.Crn == parsed.Value, ct)
            : null;
        if (marker is null)
        {
            return ApiResults.NotFound("Marker");
        }

        await AuditTrail.RecordViewAsync(db, marker.PersonId, AuditTrail.Markers, ct, nameof(Marker), Id(marker.Id));
        return ApiResults.OkVersioned(http, ToDto(marker), marker.Version);
    }

    private static async Task<IResult> CreateMarker(
        string crn, ClaimsPrincipal user, MarkerDetails request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = request.Validate(clock.Today());
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var marker = new Marker { PersonId = person.Id, AddedBy = ApiResults.UserName(http), AddedAt = clock.GetUtcNow() };
        marker.Apply(request);
        db.Markers.Add(marker);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, person.Id, CaseTiers.MarkerChanged, ct);
        return TypedResults.Created($"/api/v1/people/{person.Crn}/markers/{marker.Id}", ToDto(marker));
    }

    private static async Task<IResult> UpdateMarker(
        string crn, int id, ClaimsPrincipal user, MarkerDetails request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var marker = Crn.TryParse(crn, out var parsed)
            ? await db.VisibleMarkers(user).SingleOrDefaultAsync(m => m.Id == id && m.Person!.Crn == parsed.Value, ct)
            : null;
        if (marker is null)
        {
            return ApiResults.NotFound("Marker");
        }

        if (ApiResults.VersionProblem(http.Request, marker) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate(clock.Today());
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        marker.Apply(request);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, marker.PersonId, CaseTiers.MarkerChanged, ct);
        return ApiResults.OkVersioned(http, ToDto(marker), marker.Version);
    }

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static AddressDto ToDto(Address a) => new(a.Id, a.Type, a.Line1, a.Line2, a.Town, a.County, a.Postcode, a.StartDate, a.EndDate, a.Version);

    internal static MarkerDto ToDto(Marker m) =>
        new(m.Id, m.Type, m.MappaLevel, m.MappaCategory, m.Description, m.StartDate, m.EndDate, m.AddedBy, m.AddedAt, m.Version);
}
