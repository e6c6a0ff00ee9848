using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Allocation;

/// <summary>
/// How the cases that arrived from <c>from</c> to <c>to</c> did against the allocation target (<c>targetWorkingDays</c>
/// after arrival; 0 is the same day): allocated in target, first appointment booked in target, both (<c>metTarget</c>),
/// and those still waiting. The percentages are of <c>decided</c>: cases whose due day has passed or that met the target.
/// </summary>
public sealed record AllocationPerformanceDto(
    DateOnly From, DateOnly To, int TargetWorkingDays, int Arrived, int Allocated, int AllocatedInTarget, int AppointmentBookedInTarget, int MetTarget,
    int Decided, decimal? MetTargetPercent, decimal? AllocatedInTargetPercent, int Waiting, int WaitingOverdue, decimal? MedianWorkingDaysToAllocate);

public sealed record AllocationClockDto(
    DateOnly Arrived, DateOnly Due, int WorkingDaysWaiting, int WorkingDaysOverdue, bool Overdue, bool NotYetArrived, string Words);

public sealed record CaseTransferDto(int Id, int? FromTeamId, int ToTeamId, string Reason, string TransferredBy, DateTimeOffset TransferredAt);

/// <summary>An order waiting for allocation (<c>eventId</c> is the order's id).</summary>
public sealed record QueuedCaseDto(
    int EventId, string Crn, string Name, OrderType Type, string Court, string Offence, DateOnly SentenceDate, DateOnly StartDate,
    DateOnly ExpectedEndDate, int? TeamId, string? TeamName, string? Tier, RoshLevel? Rosh, IReadOnlyList<string> Markers,
    IReadOnlyList<string> Requirements, bool NeedsProbationOfficer, AllocationClockDto Clock, IReadOnlyList<CaseTransferDto> Transfers);

/// <summary>A hard rule an allocation would break: <c>rule</c> is <c>absent</c>, <c>competence</c> or <c>capacity</c>.</summary>
public sealed record RuleBreachDto(string Rule, string Message);

/// <summary>An officer ranked for a case; <c>capacityPercent</c> is the higher of the points and time models.</summary>
public sealed record SuggestionDto(
    int Rank, int StaffId, string Name, StaffGrade Grade, int TeamId, decimal? CapacityPercent, decimal? CapacityPercentAfter, bool NeedsOverride,
    IReadOnlyList<RuleBreachDto> Breaches, IReadOnlyList<string> Reasons);

public sealed record SuggestionsDto(QueuedCaseDto Event, IReadOnlyList<SuggestionDto> Suggestions);

/// <summary>Allocate an order: <c>eventId</c> and <c>staffId</c> may be sent as numbers or strings.</summary>
public sealed record AllocationRequest(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? EventId,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? StaffId,
    string? OverrideReason,
    string? HandoverNote = null,
    string? Reason = null);

/// <summary>Reallocate one or many orders to one officer, with a reason and a handover note; all or none are moved.</summary>
public sealed record ReallocationRequest(
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] IReadOnlyList<int>? EventIds,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? StaffId,
    string? Reason,
    string? HandoverNote,
    string? OverrideReason = null);

public sealed record TransferRequest([property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? TeamId, string? Reason);

/// <summary>An allocation made: the new assignment, and any rule a manager overrode.</summary>
public sealed record AllocationDto(
    int AssignmentId, int EventId, string Crn, int StaffId, string Name, DateOnly FromDate, string Reason, string? HandoverNote,
    IReadOnlyList<string> OverriddenRules, string? OverrideReason, string AllocatedBy, DateTimeOffset AllocatedAt);

public sealed record ReallocationDto(IReadOnlyList<AllocationDto> Allocations);

/// <summary>
/// The allocation queue, ranked suggestions with their reasons, allocation with the hard rules and a manager's override,
/// reallocation, transfer between teams' queues, the overrides for delivery-unit heads and an officer's new cases.
/// </summary>
public static class AllocationApi
{
    public static void MapAllocations(this RouteGroupBuilder api)
    {
        var allocations = api.MapGroup("/allocations").WithTags("Allocation");
        allocations.MapGet("/queue", Queue).Reads<IReadOnlyList<QueuedCaseDto>>().RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Live orders with no responsible officer, longest overdue first, with the allocation clock");
        allocations.MapGet("/queue/{eventId:int}/suggestions", Suggestions).Reads<SuggestionsDto>().RequireAuthorization(Policies.AllocateCases)
            .WithSummary("The officers who could take the case, best first, each with the reasons for the rank and any rule broken");
        allocations.MapPost("/queue/{eventId:int}/transfer", Transfer).Reads<QueuedCaseDto>().ProducesValidationProblem().RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Send an unallocated case to another team's queue; its clock keeps running");
        allocations.MapPost("/", Allocate).Creates<AllocationDto>().ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Allocate a case; 409 with rule absent, competence or capacity when a hard rule is broken and no override is given");
        allocations.MapGet("/overrides", Overrides).Lists<AllocationDto>().RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Allocations made by overriding a hard rule, newest first, for the delivery-unit head");
        allocations.MapGet("/performance", Performance).Reads<AllocationPerformanceDto>().ProducesValidationProblem()
            .RequireAuthorization(Policies.ReadWorkloads)
            .WithSummary("How the cases that arrived in a period (default the last 28 days) did against the allocation target; filter teamId or deliveryUnitId");
        allocations.MapGet("/new", NewCases).Reads<IReadOnlyList<AllocationDto>>().RequireAuthorization(Policies.SignedIn)
            .WithSummary("Cases newly allocated to the signed-in officer that they have not yet marked as read on their home page (none for a user who holds no cases)");
        api.MapPost("/reallocations", Reallocate).WithTags("Allocation").Reads<ReallocationDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AllocateCases)
            .WithSummary("Reallocate one or many cases to one officer with a reason and a handover note; all or none move");
    }

    private static async Task<IResult> Queue(
        int? teamId, int? deliveryUnitId, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock,
        CancellationToken ct)
    {
        List<int>? teams = null;
        if (teamId is { } t)
        {
            teams = [t];
        }
        else if (deliveryUnitId is { } du)
        {
            teams = await Allocations.TeamsOfUnitAsync(db, du, ct);
            if (teams.Count == 0)
            {
                return ApiResults.NotFound("Delivery unit");
            }
        }

        var queue = await Allocations.QueueAsync(db, user, policies, contacts, teams, clock.Today(), ct);
        return TypedResults.Ok(queue.Select(ToDto).ToList());
    }

    private static async Task<IResult> Performance(
        int? teamId, int? deliveryUnitId, DateOnly? from, DateOnly? to, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? end.AddDays(1 - AllocationTargets.PageDays);
        var errors = new ValidationErrors();
        if (start > end)
        {
            errors.Add("from", "from must be on or before to");
        }
        else if (end.DayNumber - start.DayNumber > 366)
        {
            errors.Add("to", "The period can be at most a year (367 days)");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        List<int>? teams = null;
        if (teamId is { } t)
        {
            if (!await db.Teams.AnyAsync(x => x.Id == t, ct))
            {
                return ApiResults.NotFound("Team");
            }

            teams = [t];
        }
        else if (deliveryUnitId is { } du)
        {
            teams = await Allocations.TeamsOfUnitAsync(db, du, ct);
            if (teams.Count == 0)
            {
                return ApiResults.NotFound("Delivery unit");
            }
        }

        var p = await AllocationTargets.LoadAsync(db, policies, contacts, teams, start, end, today, ct);
        return TypedResults.Ok(new AllocationPerformanceDto(
            start, end, policies.Allocation.TargetWorkingDays, p.Arrived, p.Allocated, p.AllocatedInTarget, p.AppointmentBookedInTarget, p.MetTarget, p.Decided,
            p.MetTargetPercent, p.AllocatedInTargetPercent, p.Waiting, p.WaitingOverdue, p.MedianWorkingDaysToAllocate));
    }

    private static async Task<IResult> Suggestions(
        int eventId, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        if (await Allocations.FindAsync(db, user, policies, contacts, eventId, today, ct) is not { } queued)
        {
            return ApiResults.NotFound("Order");
        }

        var suggestions = await Allocations.SuggestAsync(db, user, policies, contacts, queued, today, ct);
        return TypedResults.Ok(new SuggestionsDto(ToDto(queued), [.. suggestions.Select(ToDto)]));
    }

    private static async Task<IResult> Transfer(
        int eventId, TransferRequest request, HttpContext http, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts,
        TimeProvider clock, CancellationToken ct)
    {
        var (_, errors, notFound) = await Allocations.TransferAsync(db, user, eventId, request.TeamId, request.Reason, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (notFound)
        {
            return ApiResults.NotFound("Order");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var queued = await Allocations.FindAsync(db, user, policies, contacts, eventId, clock.Today(), ct);
        return TypedResults.Ok(ToDto(queued!));
    }

    private static async Task<IResult> Allocate(
        AllocationRequest request, HttpContext http, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db,
        WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        if (request.EventId is not { } eventId)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("eventId", "Give the event (order) to allocate"));
        }

        var outcome = await Allocations.AllocateAsync(
            db, user, policies, contacts, new AllocationAttempt(eventId, request.StaffId, request.Reason, request.HandoverNote, request.OverrideReason, ExpectUnallocated: true),
            await MayOverrideAsync(authorization, user), ApiResults.UserName(http), clock.GetUtcNow(), clock.Today(), ct);
        if (Problem(outcome) is { } problem)
        {
            return problem;
        }

        var dto = (await ProjectAsync(db.Assignments.Where(a => a.Id == outcome.Assignment!.Id), ct)).Single();
        return TypedResults.Created($"/api/v1/assignments/{dto.AssignmentId}", dto);
    }

    private static async Task<IResult> Reallocate(
        ReallocationRequest request, HttpContext http, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db,
        WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Required("reason", request.Reason, FieldLimits.Note, "the reason for the reallocation")
            .Present("staffId", request.StaffId, "Select the officer to reallocate to")
            .MaxLength("handoverNote", request.HandoverNote, FieldLimits.Note, "the handover note")
            .MaxLength("overrideReason", request.OverrideReason, FieldLimits.Note, "the reason for overriding");
        if (request.EventIds is not { Count: > 0 } events)
        {
            errors.Add("eventIds", "Give at least one event (order) to reallocate");
        }
        else if (events.Count > ReallocationLimit)
        {
            errors.Add("eventIds", $"Reallocate at most {ReallocationLimit} cases at once");
        }
        else if (events.Distinct().Count() != events.Count)
        {
            errors.Add("eventIds", "Each event may be given once");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var result = await ReallocateAsync(
            db, user, policies, contacts, request.EventIds!, request.StaffId!.Value, request.Reason!, request.HandoverNote, request.OverrideReason,
            await MayOverrideAsync(authorization, user), ApiResults.UserName(http), clock, ct);
        if (result.Failed is { } failed)
        {
            return Problem(failed.Outcome, $"eventIds[{failed.Index}]") ?? ApiResults.Invalid(new ValidationErrors().Add("eventIds", "The reallocation could not be made"));
        }

        var ids = result.Assignments.Select(a => a.Id).ToList();
        return TypedResults.Ok(new ReallocationDto(await ProjectAsync(db.Assignments.Where(a => ids.Contains(a.Id)), ct)));
    }

    /// <summary>The most cases one reallocation moves: a leaver's whole caseload fits.</summary>
    public const int ReallocationLimit = 500;

    /// <summary>
    /// Reallocates every order to one officer in one transaction: each is checked against the hard rules with the
    /// officer's capacity including the cases moved before it, and if any is refused none moves.
    /// </summary>
    internal static async Task<(IReadOnlyList<Assignment> Assignments, (int Index, AllocationOutcome Outcome)? Failed)> ReallocateAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, IReadOnlyList<int> orderIds, int staffId,
        string reason, string? handoverNote, string? overrideReason, bool mayOverride, string userName, TimeProvider clock, CancellationToken ct)
    {
        var made = new List<Assignment>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < orderIds.Count; i++)
        {
            var outcome = await Allocations.AllocateAsync(
                db, user, policies, contacts, new AllocationAttempt(orderIds[i], staffId, reason, handoverNote, overrideReason), mayOverride, userName,
                clock.GetUtcNow(), clock.Today(), ct);
            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return ([], (i, outcome));
            }

            made.Add(outcome.Assignment!);
        }

        await transaction.CommitAsync(ct);
        return (made, null);
    }

    private static async Task<IResult> Overrides(
        int? deliveryUnitId, DateOnly? from, DateOnly? to, int? page, int? pageSize, ClaimsPrincipal user, OpenProbationDbContext db,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = OverridesQuery(db, user, deliveryUnitId, from, to);
        var total = await query.CountAsync(ct);
        var items = total == 0 ? [] : await ProjectAsync(query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize), ct);
        return TypedResults.Ok(new PagedList<AllocationDto>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>Allocations that overrode a hard rule, optionally to officers of one delivery unit and within dates (inclusive).</summary>
    internal static IQueryable<Assignment> OverridesQuery(OpenProbationDbContext db, ClaimsPrincipal user, int? deliveryUnitId, DateOnly? from, DateOnly? to)
    {
        var query = db.VisibleAssignments(user).AsNoTracking().Where(a => a.OverriddenRules != null);
        if (deliveryUnitId is { } du)
        {
            query = query.Where(a => a.StaffMember!.Team!.DeliveryUnitId == du);
        }

        if (from is { } f)
        {
            query = query.Where(a => a.FromDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(a => a.FromDate <= t);
        }

        return query;
    }

    private static async Task<IResult> NewCases(ClaimsPrincipal user, OpenProbationDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ProjectAsync(NewCasesQuery(db, user), ct));

    /// <summary>The signed-in officer's current assignments on live orders that they have not yet opened, newest first.</summary>
    internal static IQueryable<Assignment> NewCasesQuery(OpenProbationDbContext db, ClaimsPrincipal user)
    {
        var me = OpenProbationClaims.StaffMemberIdOf(user) ?? -1;
        return db.VisibleAssignments(user).AsNoTracking()
            .Where(a => a.StaffMemberId == me && a.ToDate == null && a.SeenAt == null
                && (a.Order!.Status == OrderStatus.Active || a.Order.Status == OrderStatus.Breached))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
    }

    internal static async Task<bool> MayOverrideAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.OverrideAllocationRules)).Succeeded;

    /// <summary>
    /// The problem for an allocation that was not made: 404, 400 with field errors, 403 for an override by someone who
    /// may not override, or 409 naming the broken rule; null when it was made.
    /// </summary>
    internal static IResult? Problem(AllocationOutcome outcome, string? prefix = null, string staffField = "staffId")
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Succeeded)
        {
            return null;
        }

        if (outcome.NotFound)
        {
            return ApiResults.NotFound("Order");
        }

        if (outcome.AlreadyAllocatedTo is { } holder)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case has already been allocated",
                detail: $"The case was allocated to {holder} after you read the queue. To move it, reallocate it (POST /api/v1/reallocations).",
                extensions: new Dictionary<string, object?> { ["rule"] = "allocated" });
        }

        if (!outcome.Errors.IsValid)
        {
            // The allocation requests call the officer staffId (the assignment rules' staffMemberId).
            var errors = outcome.Errors.Renamed(f => f == "staffMemberId" ? staffField : f);
            return ApiResults.Invalid(prefix is null ? errors : errors.Renamed(f => $"{prefix}.{f}"));
        }

        var breaches = outcome.Breaches.Select(b => new RuleBreachDto(AllocationRules.Key(b.Rule), b.Message)).ToList();
        var extensions = new Dictionary<string, object?>
        {
            ["rule"] = breaches[0].Rule,
            ["rules"] = breaches.Select(b => b.Rule).Distinct().ToList(),
            ["breaches"] = breaches,
        };
        if (prefix is not null)
        {
            extensions["field"] = prefix;
        }

        return outcome.OverrideNotAllowed
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a manager can override an allocation rule",
                detail: string.Join("; ", breaches.Select(b => b.Message)), extensions: extensions)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The allocation breaks a hard rule",
                detail: string.Join("; ", breaches.Select(b => b.Message)) + ". A manager may allocate anyway with an overrideReason.", extensions: extensions);
    }

    internal static async Task<List<AllocationDto>> ProjectAsync(IQueryable<Assignment> assignments, CancellationToken ct)
    {
        var rows = await assignments.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.OrderId, a.Order!.Person!.Crn, a.StaffMemberId, a.StaffMember!.FirstName, a.StaffMember.LastName, a.FromDate, a.Reason,
                a.HandoverNote, a.OverriddenRules, a.OverrideReason, a.AssignedBy, a.CreatedAt,
            })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AllocationDto(
            a.Id, a.OrderId, a.Crn, a.StaffMemberId, $"{a.FirstName} {a.LastName}", a.FromDate, a.Reason, a.HandoverNote, RuleKeys(a.OverriddenRules),
            a.OverrideReason, a.AssignedBy, a.CreatedAt))];
    }

    /// <summary>The rules an assignment overrode, as their API names.</summary>
    internal static IReadOnlyList<string> RuleKeys(string? rules) =>
        string.IsNullOrEmpty(rules) ? [] : rules.Split(',', StringSplitOptions.RemoveEmptyEntries);

    internal static QueuedCaseDto ToDto(QueuedCase q) => new(
        q.OrderId, q.Crn, q.Name, q.Type, q.Court, q.Offence, q.SentenceDate, q.StartDate, q.ExpectedEndDate, q.TeamId, q.TeamName, q.Tier, q.Case.Rosh,
        q.Markers, q.Requirements, q.Case.NeedsProbationOfficer,
        new AllocationClockDto(q.Clock.Arrived, q.Clock.Due, q.Clock.WorkingDaysWaiting, q.Clock.WorkingDaysOverdue, q.Clock.IsOverdue, q.Clock.NotYetArrived, q.Clock.Words),
        [.. q.Transfers.Select(t => new CaseTransferDto(t.Id, t.FromTeamId, t.ToTeamId, t.Reason, t.TransferredBy, t.TransferredAt))]);

    private static SuggestionDto ToDto(AllocationSuggestion s) => new(
        s.Rank, s.Candidate.StaffMemberId, s.Candidate.Name, s.Candidate.Grade, s.Candidate.TeamId, s.Candidate.CapacityNow, s.Candidate.CapacityAfter,
        s.NeedsOverride, [.. s.Breaches.Select(b => new RuleBreachDto(AllocationRules.Key(b.Rule), b.Message))], s.Reasons);
}
