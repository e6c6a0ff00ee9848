using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Rar;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Orders;

public sealed record OrderDto(
    int Id, string Crn, OrderType Type, string Court, string Offence, DateOnly SentenceDate, DateOnly StartDate, int Length,
    LengthUnit LengthUnit, DateOnly ExpectedEndDate, OrderStatus Status, DateOnly? TerminationDate, string? TerminationReason,
    OfficerDto? ResponsibleOfficer, int Version, int? AllocationTeamId = null);

public sealed record RequirementDto(
    int Id, int OrderId, RequirementType Type, int? RarMaxDays, int? UnpaidWorkHours, string? ProgrammeName, int? LengthMonths,
    string? Description, RequirementStatus Status, DateOnly? StartDate, DateOnly? EndDate, string? TerminationReason, int Version);

public sealed record AssignmentDto(
    int Id, int OrderId, int StaffMemberId, string StaffName, DateOnly FromDate, DateOnly? ToDate, string Reason, string AssignedBy,
    DateTimeOffset CreatedAt, int Version);

/// <summary>Correct the recorded reason for an assignment; who and when change only by a new assignment.</summary>
public sealed record AssignmentReasonRequest(string? Reason);

/// <summary>Orders, their requirements and responsible officers: <c>/api/v1/orders</c> and friends.</summary>
public static class OrdersApi
{
    public static void MapOrders(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{crn}/orders", ListForPerson).Lists<OrderDto>().WithTags("Orders").RequireAuthorization(Policies.ReadCases);
        api.MapPost("/people/{crn}/orders", Create).Creates<OrderDto>().WithTags("Orders").RequireAuthorization(Policies.EditCases);

        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("/", List).Lists<OrderDto>().RequireAuthorization(Policies.ReadCases);
        orders.MapGet("/{id:int}", Get).Reads<OrderDto>().RequireAuthorization(Policies.ReadCases);
        orders.MapPut("/{id:int}", Update).Updates<OrderDto>().RequireAuthorization(Policies.EditCases);

        orders.MapGet("/{id:int}/requirements", ListRequirements).Lists<RequirementDto>().WithTags("Requirements").RequireAuthorization(Policies.ReadCases);
        orders.MapPost("/{id:int}/requirements", CreateRequirement).Creates<RequirementDto>().WithTags("Requirements").RequireAuthorization(Policies.EditCases);
        var requirements = api.MapGroup("/requirements").WithTags("Requirements");
        requirements.MapGet("/{id:int}", GetRequirement).Reads<RequirementDto>().RequireAuthorization(Policies.ReadCases);
        requirements.MapPut("/{id:int}", UpdateRequirement).Updates<RequirementDto>().RequireAuthorization(Policies.EditCases);

        orders.MapGet("/{id:int}/assignments", ListAssignments).Lists<AssignmentDto>().WithTags("Assignments").RequireAuthorization(Policies.ReadCases);
        orders.MapPost("/{id:int}/assignments", Assign).Creates<AssignmentDto>().WithTags("Assignments").RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Make a member of staff the responsible officer; the current assignment ends that day");
        var assignments = api.MapGroup("/assignments").WithTags("Assignments");
        assignments.MapGet("/", ListAllAssignments).Lists<AssignmentDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("Assignments by officer: current=true gives an officer's caseload");
        assignments.MapGet("/{id:int}", GetAssignment).Reads<AssignmentDto>().RequireAuthorization(Policies.ReadCases);
        assignments.MapPut("/{id:int}", UpdateAssignment).Updates<AssignmentDto>().RequireAuthorization(Policies.AllocateCases);
    }

    /// <summary>Reads orders in the response shape, with their current responsible officers.</summary>
    internal static async Task<List<OrderDto>> ReadAsync(OpenProbationDbContext db, IQueryable<Order> orders, CancellationToken ct)
    {
        var rows = await orders.Select(o => new OrderDto(o.Id, o.Person!.Crn, o.Type, o.Court, o.Offence, o.SentenceDate, o.StartDate, o.Length,
            o.LengthUnit, o.ExpectedEndDate, o.Status, o.TerminationDate, o.TerminationReason, null, o.Version, o.AllocationTeamId)).ToListAsync(ct);
        var officers = await ResponsibleOfficers.ForOrdersAsync(db, [.. rows.Select(o => o.Id)], ct);
        return [.. rows.Select(o => o with { ResponsibleOfficer = officers.GetValueOrDefault(o.Id) })];
    }

    private static async Task<OrderDto?> ReadOneAsync(OpenProbationDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        (await ReadAsync(db, db.VisibleOrders(user).AsNoTracking().Where(o => o.Id == id), ct)).SingleOrDefault();

    private static async Task<IResult> ListForPerson(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var query = db.Orders.AsNoTracking().Where(o => o.PersonId == person.Id).OrderByDescending(o => o.SentenceDate).ThenByDescending(o => o.Id);
        var orders = await PageOf(db, query, paging, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Orders, ct);
        return TypedResults.Ok(orders);
    }

    private static async Task<PagedList<OrderDto>> PageOf(OpenProbationDbContext db, IQueryable<Order> query, Paging paging, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await ReadAsync(db, query.Skip(paging.Skip).Take(paging.PageSize), ct);
        return new PagedList<OrderDto>(items, paging.Page, paging.PageSize, total);
    }

    private static async Task<IResult> List(
        OpenProbationDbContext db, ClaimsPrincipal user, OrderStatus? status, OrderType? type, DateOnly? endingFrom, DateOnly? endingTo, bool? unallocated,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.VisibleOrders(user).AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (type is { } t)
        {
            query = query.Where(o => o.Type == t);
        }

        if (endingFrom is { } from)
        {
            query = query.Where(o => o.ExpectedEndDate >= from);
        }

        if (endingTo is { } to)
        {
            query = query.Where(o => o.ExpectedEndDate <= to);
        }

        if (unallocated is { } u)
        {
            query = u ? query.Where(o => !o.Assignments.Any(a => a.ToDate == null)) : query.Where(o => o.Assignments.Any(a => a.ToDate == null));
        }

        return TypedResults.Ok(await PageOf(db, query.OrderBy(o => o.ExpectedEndDate).ThenBy(o => o.Id), paging, ct));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var dto = await ReadOneAsync(db, user, id, ct);
        if (dto is null)
        {
            return ApiResults.NotFound("Order");
        }

        await AuditTrail.RecordViewAsync(db, await PersonOfOrderAsync(db, id, ct), AuditTrail.Orders, ct, nameof(Order), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Create(
        string crn, ClaimsPrincipal user, OrderDetails request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = request.Validate(clock.Today());
        if (request.AllocationTeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct))
        {
            errors.Add("allocationTeamId", "There is no team with that id: leave it out to put the case in every manager's queue");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var order = new Order { PersonId = person.Id, AllocationTeamId = request.AllocationTeamId };
        order.Apply(request);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, person.Id, CaseTiers.OrderChanged, ct);
        var dto = (await ReadOneAsync(db, user, order.Id, ct))!;
        http.Response.Headers.ETag = ApiResults.ETag(order.Version);
        return TypedResults.Created($"/api/v1/orders/{order.Id}", dto);
    }

    private static async Task<IResult> Update(
        int id, ClaimsPrincipal user, OrderDetails request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.VisibleOrders(user).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return ApiResults.NotFound("Order");
        }

        if (ApiResults.VersionProblem(http.Request, order) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate(clock.Today());
        if (errors.IsValid && request.Type != order.Type && !OrderRules.CarriesRequirements(request.Type!.Value)
            && await db.Requirements.AnyAsync(r => r.OrderId == id, ct))
        {
            errors.Add("type", "This order has requirements, so it must stay a community or suspended sentence order");
        }

        if (request.AllocationTeamId is { } teamId && teamId != order.AllocationTeamId)
        {
            errors.Add("allocationTeamId", $"An order moves to another team's queue by transfer, with a reason: POST /api/v1/allocations/queue/{id}/transfer");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var wasLive = order.IsLive;
        order.Apply(request);

        // An order that ends stops being anyone's case after its last day (ToDate is exclusive).
        if (wasLive && !order.IsLive)
        {
            foreach (var current in await db.Assignments.Where(a => a.OrderId == id && a.ToDate == null).ToListAsync(ct))
            {
                current.ToDate = order.TerminationDate is { } ended && ended >= current.FromDate ? ended.AddDays(1) : current.FromDate;
            }
        }

        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, order.PersonId, CaseTiers.OrderChanged, ct);
        var dto = (await ReadOneAsync(db, user, id, ct))!;
        return ApiResults.OkVersioned(http, dto, order.Version);
    }

    private static async Task<IResult> ListRequirements(int id, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var personId = await db.VisibleOrders(user).Where(o => o.Id == id).Select(o => (int?)o.PersonId).SingleOrDefaultAsync(ct);
        if (personId is null)
        {
            return ApiResults.NotFound("Order");
        }

        var requirements = await db.Requirements.AsNoTracking().Where(r => r.OrderId == id).OrderBy(r => r.Id)
            .ToPageAsync(paging, r => new RequirementDto(r.Id, r.OrderId, r.Type, r.RarMaxDays, r.UnpaidWorkHours, r.ProgrammeName, r.LengthMonths,
                r.Description, r.Status, r.StartDate, r.EndDate, r.TerminationReason, r.Version), ct);
        await AuditTrail.RecordViewAsync(db, personId.Value, AuditTrail.Requirements, ct, nameof(Order), PeopleApi.Id(id));
        return TypedResults.Ok(requirements);
    }

    private static async Task<IResult> GetRequirement(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var r = await db.VisibleRequirements(user).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return ApiResults.NotFound("Requirement");
        }

        await AuditTrail.RecordViewAsync(db, await PersonOfOrderAsync(db, r.OrderId, ct), AuditTrail.Requirements, ct, nameof(Requirement), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, ToDto(r), r.Version);
    }

    private static async Task<IResult> CreateRequirement(
        int id, ClaimsPrincipal user, RequirementDetails request, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.VisibleOrders(user).AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return ApiResults.NotFound("Order");
        }

        var errors = request.Validate(order, clock.Today());
        if (request.Type == RequirementType.Rar && request.Status == RequirementStatus.Completed)
        {
            errors.Add("status", "A new RAR cannot start completed: record it, then complete it with its outcome against the agreed outcomes");
        }
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var requirement = new Requirement { OrderId = id };
        requirement.Apply(request);
        db.Requirements.Add(requirement);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, order.PersonId, CaseTiers.OrderChanged, ct);
        return TypedResults.Created($"/api/v1/requirements/{requirement.Id}", ToDto(requirement));
    }

    private static async Task<IResult> UpdateRequirement(
        int id, ClaimsPrincipal user, RequirementDetails request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var requirement = await db.VisibleRequirements(user).Include(r => r.Order).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null)
        {
            return ApiResults.NotFound("Requirement");
        }

        if (ApiResults.VersionProblem(http.Request, requirement) is { } stale)
        {
            return stale;
        }

        var errors = request.Validate(requirement.Order!, clock.Today());
        if (errors.IsValid && requirement.Type == RequirementType.Rar)
        {
            errors.Merge(await RarRecord.CheckEditAsync(db, requirement, request, ct));
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        requirement.Apply(request);
        await db.SaveChangesAsync(ct);
        await CaseTiers.AfterChangeAsync(db, policies, clock, requirement.Order!.PersonId, CaseTiers.OrderChanged, ct);
        return ApiResults.OkVersioned(http, ToDto(requirement), requirement.Version);
    }

    internal static IQueryable<AssignmentDto> ProjectAssignments(IQueryable<Assignment> assignments) =>
        assignments.Select(a => new AssignmentDto(a.Id, a.OrderId, a.StaffMemberId, a.StaffMember!.FirstName + " " + a.StaffMember.LastName,
            a.FromDate, a.ToDate, a.Reason, a.AssignedBy, a.CreatedAt, a.Version));

    private static async Task<IResult> ListAssignments(int id, ClaimsPrincipal user, OpenProbationDbContext db, CancellationToken ct)
    {
        var personId = await db.VisibleOrders(user).Where(o => o.Id == id).Select(o => (int?)o.PersonId).SingleOrDefaultAsync(ct);
        if (personId is null)
        {
            return ApiResults.NotFound("Order");
        }

        var items = await ProjectAssignments(db.Assignments.AsNoTracking().Where(a => a.OrderId == id).OrderBy(a => a.FromDate).ThenBy(a => a.Id)).ToListAsync(ct);
        await AuditTrail.RecordViewAsync(db, personId.Value, AuditTrail.Assignments, ct, nameof(Order), PeopleApi.Id(id));
        return TypedResults.Ok(new PagedList<AssignmentDto>(items, 1, Math.Max(items.Count, 1), items.Count));
    }

    private static async Task<IResult> ListAllAssignments(OpenProbationDbContext db, ClaimsPrincipal user, int? staffMemberId, bool? current, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        // A caseload as the viewer may see it: cases they may not see are neither listed nor counted in the total.
        var query = db.VisibleAssignments(user).AsNoTracking();
        if (staffMemberId is { } sid)
        {
            query = query.Where(a => a.StaffMemberId == sid);
        }

        if (current is { } c)
        {
            query = c ? query.Where(a => a.ToDate == null) : query.Where(a => a.ToDate != null);
        }

        query = query.OrderByDescending(a => a.FromDate).ThenBy(a => a.Id);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await ProjectAssignments(query.Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AssignmentDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> GetAssignment(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var dto = await ProjectAssignments(db.VisibleAssignments(user).AsNoTracking().Where(a => a.Id == id)).SingleOrDefaultAsync(ct);
        if (dto is null)
        {
            return ApiResults.NotFound("Assignment");
        }

        await AuditTrail.RecordViewAsync(db, await PersonOfOrderAsync(db, dto.OrderId, ct), AuditTrail.Assignments, ct, nameof(Assignment), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Assign(
        int id, ClaimsPrincipal user, AssignmentDetails request, HttpContext http, IAuthorizationService authorization, OpenProbationDbContext db,
        WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        // The same hard rules as POST /allocations: this route must not be a way round them.
        var outcome = await Allocations.AllocateAsync(
            db, user, policies, contacts,
            new AllocationAttempt(id, request.StaffMemberId, request.Reason, request.HandoverNote, request.OverrideReason, request.FromDate, RequireReason: true),
            await AllocationApi.MayOverrideAsync(authorization, user), ApiResults.UserName(http), clock.GetUtcNow(), clock.Today(), ct);
        if (AllocationApi.Problem(outcome, staffField: "staffMemberId") is { } problem)
        {
            return problem;
        }

        var dto = await ProjectAssignments(db.Assignments.AsNoTracking().Where(a => a.Id == outcome.Assignment!.Id)).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/assignments/{dto.Id}", dto);
    }

    private static async Task<IResult> UpdateAssignment(int id, ClaimsPrincipal user, AssignmentReasonRequest request, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var assignment = await db.VisibleAssignments(user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiResults.NotFound("Assignment");
        }

        if (ApiResults.VersionProblem(http.Request, assignment) is { } stale)
        {
            return stale;
        }

        var errors = new ValidationErrors().Required("reason", request.Reason, FieldLimits.Note, "the reason for the allocation");
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        assignment.Reason = request.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        var dto = await ProjectAssignments(db.Assignments.AsNoTracking().Where(a => a.Id == id)).SingleAsync(ct);
        return ApiResults.OkVersioned(http, dto, assignment.Version);
    }

    /// <summary>An officer may hold a case only if they can open it (<see cref="CaseAccessRules.ValidateResponsibleOfficer"/>).</summary>
    private static Task<int> PersonOfOrderAsync(OpenProbationDbContext db, int orderId, CancellationToken ct) =>
        db.Orders.Where(o => o.Id == orderId).Select(o => o.PersonId).SingleAsync(ct);

    internal static RequirementDto ToDto(Requirement r) =>
        new(r.Id, r.OrderId, r.Type, r.RarMaxDays, r.UnpaidWorkHours, r.ProgrammeName, r.LengthMonths, r.Description, r.Status,
            r.StartDate, r.EndDate, r.TerminationReason, r.Version);
}
