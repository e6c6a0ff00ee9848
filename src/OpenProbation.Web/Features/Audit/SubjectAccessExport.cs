using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.People;

namespace OpenProbation.Web.Features.Audit;

/// <summary>The person's own details as held.</summary>
public sealed record SubjectAccessPerson(
    string Crn, string FirstName, string? MiddleNames, string LastName, string? PreferredName, DateOnly DateOfBirth, Gender Gender,
    string? Phone, string? Email, DateTimeOffset CreatedAt);

/// <summary>An order with everything under it; assignments name the responsible officers.</summary>
public sealed record SubjectAccessOrder(OrderDto Order, IReadOnlyList<RequirementDto> Requirements, IReadOnlyList<AssignmentDto> Assignments);

/// <summary>
/// Everything OpenProbation holds on one person, for a subject access request (UK GDPR article 15): their details,
/// every address and marker (past ones too), every order with its requirements and responsible officers, who may
/// see the case, and the audit events about them. Built in one place so the API's JSON and the readable page
/// show the same thing. Building it records nothing: the caller records the export (<see cref="AuditTrail.RecordExport"/>).
/// </summary>
public sealed record SubjectAccessExport(
    DateTimeOffset GeneratedAt, SubjectAccessPerson Person, IReadOnlyList<AddressDto> Addresses, IReadOnlyList<MarkerDto> Markers,
    IReadOnlyList<SubjectAccessOrder> Orders, CaseAccessDto Access, IReadOnlyList<AuditEventDto> AuditEvents)
{
    /// <summary>
    /// Reads the export of <paramref name="person"/>, who must already have been found through the case-access
    /// query helper for the requesting user.
    /// </summary>
    public static async Task<SubjectAccessExport> BuildAsync(OpenProbationDbContext db, Person person, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(clock);
        var id = person.Id;
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.StartDate).ThenBy(a => a.Id).ToListAsync(ct);
        var markers = await db.Markers.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.StartDate).ThenBy(m => m.Id).ToListAsync(ct);
        var orders = await OrdersApi.ReadAsync(db, db.Orders.AsNoTracking().Where(o => o.PersonId == id).OrderBy(o => o.SentenceDate).ThenBy(o => o.Id), ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => orderIds.Contains(r.OrderId)).OrderBy(r => r.Id).ToListAsync(ct);
        var assignments = await OrdersApi.ProjectAssignments(db.Assignments.AsNoTracking().Where(a => orderIds.Contains(a.OrderId))
            .OrderBy(a => a.FromDate).ThenBy(a => a.Id)).ToListAsync(ct);
        var restriction = await db.CaseRestrictions.AsNoTracking().SingleOrDefaultAsync(r => r.PersonId == id, ct);
        var entries = await CaseAccessApi.EntriesAsync(db, id, track: false, ct);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.PersonId == id).OrderBy(e => e.Sequence).ToListAsync(ct);

        return new SubjectAccessExport(
            clock.GetUtcNow(),
            new SubjectAccessPerson(person.Crn, person.FirstName, person.MiddleNames, person.LastName, person.PreferredName, person.DateOfBirth,
                person.Gender, person.Phone, person.Email, person.CreatedAt),
            [.. addresses.Select(PeopleApi.ToDto)],
            [.. markers.Select(PeopleApi.ToDto)],
            [.. orders.Select(o => new SubjectAccessOrder(o,
                [.. requirements.Where(r => r.OrderId == o.Id).Select(OrdersApi.ToDto)],
                [.. assignments.Where(a => a.OrderId == o.Id)]))],
            CaseAccessApi.ToDto(person.Crn, restriction, entries),
            [.. events.Select(AuditEventDto.From)]);
    }
}
