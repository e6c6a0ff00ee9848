using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>A failure to comply and the decision on it; <c>allowed</c> and <c>choice</c> say what the rules leave open.</summary>
public sealed record FailureToComplyDto(
    int Id, string Crn, int OrderId, int AppointmentId, DateOnly FailureDate, AppointmentOutcome Outcome, EnforcementStatus Status,
    DateOnly DecisionDueOn, DateOnly BreachDueOn, bool Overdue, EnforcementDecision? Decision, string? DecisionReason, string? Proposal, bool EscalationRequired,
    string? DecidedBy, DateTimeOffset? DecidedAt, DateOnly? ExcuseDueOn, string? WithdrawnReason, string? WithdrawnBy, DateTimeOffset? WithdrawnAt,
    IReadOnlyList<EnforcementDecision> Allowed, string? Choice, int Version);

/// <summary>The breach or recall pack: the order, its requirements (breached marked), the failures with evidence, warnings, compliance and the proposal.</summary>
public sealed record BreachPackDto(
    int FailureId, string Crn, string Name, DateOnly DateOfBirth, bool Recall, DateOnly BreachDueOn, OrderType OrderType, string Court, DateOnly SentenceDate,
    string Offence, DateOnly StartDate, DateOnly ExpectedEndDate, OfficerDto? ResponsibleOfficer, IReadOnlyList<BreachPackRequirement> Requirements,
    IReadOnlyList<BreachPackFailure> Failures, IReadOnlyList<BreachPackFailure> Warnings, BreachPackCompliance Compliance, string? Proposal,
    string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>Withdraw a warning: the reason is required.</summary>
public sealed record WarningWithdrawalRequest(string? Reason);

/// <summary>Failures to comply and enforcement decisions: <c>/api/v1/enforcement</c> and <c>/api/v1/people/{crn}/enforcement</c>.</summary>
public static class EnforcementApi
{
    public static void MapEnforcement(this RouteGroupBuilder api)
    {
        api.MapGet("/people/{crn}/enforcement", ListForPerson).Lists<FailureToComplyDto>().WithTags("Enforcement").RequireAuthorization(Policies.ReadCases)
            .WithSummary("The person's failures to comply, newest first, each with its decision or the choices the rules leave");
        api.MapGet("/breach-packs/{failureId:int}", GetBreachPack).Reads<BreachPackDto>().WithTags("Enforcement").RequireAuthorization(Policies.ReadCases)
            .WithSummary("The breach (or recall) pack for a failure to comply, assembled from the record; 409 rule breach-pack-needs-breach-decision before breach or recall is decided");
        var enforcement = api.MapGroup("/enforcement").WithTags("Enforcement");
        enforcement.MapGet("/", List).Lists<FailureToComplyDto>().RequireAuthorization(Policies.ReadTeamCaseloads)
            .WithSummary("Failures to comply awaiting a decision, oldest due first; overdue=true for those past their due day; teamId for a team's cases");
        enforcement.MapGet("/{id:int}", Get).Reads<FailureToComplyDto>().RequireAuthorization(Policies.ReadCases);
        enforcement.MapPost("/{id:int}/decision", Decide).Updates<FailureToComplyDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Decide: Warning, NoFurtherAction (reason), Breach or Recall (reason on a first failure); 409 rule enforcement-decided once decided; If-Match");
        enforcement.MapPost("/{id:int}/withdrawal", Withdraw).Updates<FailureToComplyDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Withdraw a warning, with the reason (e.g. a reasonable excuse given in time); If-Match");
    }

    private static IQueryable<FailureToComply> Visible(OpenProbationDbContext db, ClaimsPrincipal user) => Enforcements.Visible(db, user);

    private static async Task<List<FailureToComplyDto>> ToDtosAsync(OpenProbationDbContext db, ContactPolicies policies, List<FailureToComply> failures, DateOnly today, CancellationToken ct)
    {
        var personIds = failures.Select(f => f.PersonId).Distinct().ToList();
        var crns = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Crn, ct);
        var contexts = await Enforcements.ContextsAsync(db, [.. failures.Where(f => f.IsAwaitingDecision)], ct);
        var result = new List<FailureToComplyDto>();
        foreach (var f in failures)
        {
            var choice = contexts.TryGetValue(f.Id, out var context) ? EnforcementRules.Choices(context, policies.Enforcement) : null;
            result.Add(new FailureToComplyDto(
                f.Id, crns[f.PersonId], f.OrderId, f.AppointmentId, f.FailureDate, f.Outcome, f.Status, f.DecisionDueOn, f.BreachDueOn, f.IsOverdue(today),
                f.Decision, f.DecisionReason, f.Proposal, f.EscalationRequired || (choice?.EscalationRequired ?? false), f.DecidedBy, f.DecidedAt, f.ExcuseDueOn,
                f.WithdrawnReason, f.WithdrawnBy, f.WithdrawnAt, choice?.Allowed ?? [], choice?.Words, f.Version));
        }

        return result;
    }

    private static async Task<IResult> ListForPerson(
        string crn, ClaimsPrincipal user, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        if (await PeopleApi.FindAsync(db, user, crn, track: false, ct) is not { } person)
        {
            return ApiResults.NotFound("Person");
        }

        var query = db.FailuresToComply.AsNoTracking().Where(f => f.PersonId == person.Id).OrderByDescending(f => f.FailureDate).ThenByDescending(f => f.Id);
        var total = await query.CountAsync(ct);
        var items = await ToDtosAsync(db, policies, await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct), clock.Today(), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Enforcement, ct);
        return TypedResults.Ok(new PagedList<FailureToComplyDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> List(
        ClaimsPrincipal user, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, bool? overdue, int? teamId, int? page, int? pageSize,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct))
        {
            errors.Add("teamId", "There is no team with that id");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var today = clock.Today();
        var ordered = Enforcements.Awaiting(db, user, overdue == true, teamId, today);
        var total = await ordered.CountAsync(ct);
        var items = await ToDtosAsync(db, policies, await ordered.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct), today, ct);
        return TypedResults.Ok(new PagedList<FailureToComplyDto>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        if (await Visible(db, user).SingleOrDefaultAsync(f => f.Id == id, ct) is not { } failure)
        {
            return ApiResults.NotFound("Failure to comply");
        }

        var dto = (await ToDtosAsync(db, policies, [failure], clock.Today(), ct))[0];
        await AuditTrail.RecordViewAsync(db, failure.PersonId, AuditTrail.Enforcement, ct, nameof(FailureToComply), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> GetBreachPack(int failureId, ClaimsPrincipal user, OpenProbationDbContext db, CancellationToken ct)
    {
        if (await Visible(db, user).SingleOrDefaultAsync(f => f.Id == failureId, ct) is not { } failure)
        {
            return ApiResults.NotFound("Failure to comply");
        }

        if (!BreachPack.Exists(failure))
        {
            return ApiResults.Rejected(new ValidationErrors().Refuse("decision", BreachPack.NotEscalatedRule,
                "There is a breach pack once breach action or recall has been decided on this failure"));
        }

        var p = await BreachPack.AssembleAsync(db, failure, ct);
        await AuditTrail.RecordViewAsync(db, failure.PersonId, AuditTrail.Enforcement, ct, "BreachPack", PeopleApi.Id(failureId));
        var o = p.Order;
        return TypedResults.Ok(new BreachPackDto(
            failure.Id, p.Crn, p.PersonName, p.DateOfBirth, p.IsRecall, failure.BreachDueOn, o.Type, o.Court, o.SentenceDate, o.Offence, o.StartDate,
            o.ExpectedEndDate, p.ResponsibleOfficer, p.Requirements, p.Failures, p.Warnings, p.Compliance, failure.Proposal, failure.DecisionReason,
            failure.DecidedBy, failure.DecidedAt));
    }

    private static async Task<IResult> Decide(
        int id, ClaimsPrincipal user, EnforcementDecisionDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies,
        Domain.Letters.LetterTemplateSettings letters, TimeProvider clock, CancellationToken ct)
    {
        var visible = db.VisiblePeople(user).Select(p => p.Id);
        if (await db.FailuresToComply.Where(f => visible.Contains(f.PersonId)).SingleOrDefaultAsync(f => f.Id == id, ct) is not { } failure)
        {
            return ApiResults.NotFound("Failure to comply");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (decided, errors) = await Enforcements.DecideAsync(db, policies, letters, failure, version, request, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (decided is null && errors.IsValid)
        {
            return ApiResults.Stale(failure.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var dto = (await ToDtosAsync(db, policies, [decided!], clock.Today(), ct))[0];
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }

    private static async Task<IResult> Withdraw(
        int id, ClaimsPrincipal user, WarningWithdrawalRequest request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var visible = db.VisiblePeople(user).Select(p => p.Id);
        if (await db.FailuresToComply.Where(f => visible.Contains(f.PersonId)).SingleOrDefaultAsync(f => f.Id == id, ct) is not { } failure)
        {
            return ApiResults.NotFound("Failure to comply");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (withdrawn, errors) = await Enforcements.WithdrawWarningAsync(db, policies, failure, version, request.Reason, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        if (withdrawn is null && errors.IsValid)
        {
            return ApiResults.Stale(failure.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var dto = (await ToDtosAsync(db, policies, [withdrawn!], clock.Today(), ct))[0];
        return ApiResults.OkVersioned(http, dto, dto.Version);
    }
}
