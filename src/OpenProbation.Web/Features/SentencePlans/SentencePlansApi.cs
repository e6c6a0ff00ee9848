using System.Security.Claims;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.SentencePlans;

/// <summary>Why the plan in force should be reviewed.</summary>
public sealed record PlanReviewCalledForDto(PlanReviewReason Reason, DateTimeOffset At, string What);

/// <summary>
/// A version of a sentence plan. <c>meetingAppointmentId</c> is the face-to-face contact its agreement rests on;
/// <c>availableMeetingAppointmentId</c>, on a draft, the contact it could rest on now (none: agreeing is refused).
/// </summary>
public sealed record SentencePlanDto(
    int Id, string Crn, int OrderId, int PlanNumber, SentencePlanStatus Status, PlanReviewReason ReviewReason, string? ReviewNote, DateOnly DueOn,
    bool Overdue, string? PersonGoals, string? PersonAgreesTo, string? PersonDisagreesWith, string? RiskManagementPlan, IReadOnlyList<PlanObjective> Objectives,
    string CreatedBy, DateTimeOffset CreatedAt, string? AgreedBy, DateTimeOffset? AgreedAt, int? MeetingAppointmentId, int? AvailableMeetingAppointmentId,
    bool NeedsCountersignature, string? CountersignedBy, DateTimeOffset? CountersignedAt, string? CountersignatureNote, DateOnly? ReviewDueOn,
    DateTimeOffset? SupersededAt, IReadOnlyList<PlanReviewCalledForDto> ReviewsCalledFor, int Version);

/// <summary>Agreeing a plan: optionally, the face-to-face contact it rests on (by default the latest that qualifies).</summary>
public sealed record PlanAgreementRequest(int? MeetingAppointmentId);

/// <summary>A manager's countersignature: approve, or send back with a note.</summary>
public sealed record PlanCountersignatureRequest(bool? Approve, string? Note);

/// <summary>
/// Sentence plans through the API: <c>POST /api/v1/sentence-plans/{planId}/agree</c> answers 409 with rule
/// <c>no-face-to-face-contact</c> until the responsible officer has met the person face to face on the order.
/// </summary>
public static class SentencePlansApi
{
    public static void MapSentencePlans(this RouteGroupBuilder api)
    {
        api.MapGet("/orders/{orderId:int}/sentence-plans", ListForOrder).Lists<SentencePlanDto>().WithTags("Sentence plans").RequireAuthorization(Policies.ReadCases)
            .WithSummary("The order's sentence plan versions, newest first");
        api.MapPost("/orders/{orderId:int}/sentence-plans", Start).Creates<SentencePlanDto>().WithTags("Sentence plans").RequireAuthorization(Policies.EditCases)
            .WithSummary("Start the order's first plan as a draft (409 rule sentence-plan-exists when it has one: start a review instead)");
        var plans = api.MapGroup("/sentence-plans").WithTags("Sentence plans");
        plans.MapGet("/{planId:int}", Get).Reads<SentencePlanDto>().RequireAuthorization(Policies.ReadCases);
        plans.MapPut("/{planId:int}", Update).Updates<SentencePlanDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Write the draft: the person's own words, objectives linked to needs, actions (who, what, by when); If-Match");
        plans.MapPost("/{planId:int}/agree", Agree).Updates<SentencePlanDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Agree the plan with the person: 409 rule no-face-to-face-contact without a held face-to-face contact with the responsible officer on the order (meetingAppointmentId names one; by default the latest); If-Match");
        plans.MapPost("/{planId:int}/countersignature", Countersign).Updates<SentencePlanDto>().RequireAuthorization(Policies.CountersignRiskDecisions)
            .WithSummary("A manager countersigns a high or very high ROSH plan (approve true) or sends it back with a note; If-Match");
        plans.MapPost("/{planId:int}/review", Review).Creates<SentencePlanDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Start a review of the plan in force: a new draft version from its content, with the reason; If-Match");
    }

    internal static SentencePlanDto ToDto(PlanView view, DateOnly today)
    {
        var p = view.Plan;
        return new SentencePlanDto(
            p.Id, view.Crn, p.OrderId, p.PlanNumber, p.Status, p.ReviewReason, p.ReviewNote, p.DueOn, p.IsDraft && p.DueOn < today,
            p.PersonGoals, p.PersonAgreesTo, p.PersonDisagreesWith, p.RiskManagementPlan, [.. p.Objectives.OrderBy(o => o.Position)], p.CreatedBy, p.CreatedAt,
            p.AgreedBy, p.AgreedAt, p.MeetingAppointmentId, view.Meeting?.AppointmentId, p.IsDraft ? view.NeedsCountersignature : p.NeedsCountersignature,
            p.CountersignedBy, p.CountersignedAt, p.CountersignatureNote, p.ReviewDueOn, p.SupersededAt,
            [.. view.ReviewsCalledFor.Select(r => new PlanReviewCalledForDto(r.Reason, r.At, r.What))], p.Version);
    }

    private static async Task<IResult> ListForOrder(int orderId, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        if (await SentencePlanRecord.VersionsAsync(db, user, orderId, ct) is not { } found)
        {
            return ApiResults.NotFound("Order");
        }

        var now = clock.GetUtcNow();
        var pageOfVersions = found.Versions.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var latest = found.Versions.Count > 0 ? found.Versions[0].PlanNumber : 0;
        var items = (await SentencePlanRecord.ViewsAsync(db, found.Order, pageOfVersions, latest, now, ct)).Select(v => ToDto(v, UkTime.DateOf(now))).ToList();

        await AuditTrail.RecordViewAsync(db, found.Order.PersonId, AuditTrail.SentencePlans, ct, "Order", PeopleApi.Id(orderId));
        return TypedResults.Ok(new PagedList<SentencePlanDto>(items, paging.Page, paging.PageSize, found.Versions.Count));
    }

    private static async Task<IResult> Start(
        int orderId, ClaimsPrincipal user, SentencePlanDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        if (await SentencePlanRecord.VersionsAsync(db, user, orderId, ct) is not { } found)
        {
            return ApiResults.NotFound("Order");
        }

        var now = clock.GetUtcNow();
        var (plan, errors) = await SentencePlanRecord.StartAsync(db, policies, found.Order, request, ApiResults.UserName(http), now, ct);
        if (plan is null)
        {
            return ApiResults.Rejected(errors);
        }

        http.Response.Headers.ETag = ApiResults.ETag(plan.Version);
        return TypedResults.Created($"/api/v1/sentence-plans/{plan.Id}", ToDto(await SentencePlanRecord.ViewAsync(db, plan, now, ct), UkTime.DateOf(now)));
    }

    private static async Task<IResult> Get(int planId, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await SentencePlanRecord.LoadAsync(db, user, planId, now, ct) is not { } view)
        {
            return ApiResults.NotFound("Sentence plan");
        }

        await AuditTrail.RecordViewAsync(db, view.Plan.PersonId, AuditTrail.SentencePlans, ct, nameof(SentencePlan), PeopleApi.Id(planId));
        return ApiResults.OkVersioned(http, ToDto(view, UkTime.DateOf(now)), view.Plan.Version);
    }

    private static Task<IResult> Update(
        int planId, ClaimsPrincipal user, SentencePlanDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(planId, user, http, db, clock, (view, version, now) => SentencePlanRecord.UpdateAsync(db, view.Plan, version, request, now, ct), ct);

    private static Task<IResult> Agree(
        int planId, ClaimsPrincipal user, PlanAgreementRequest request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct) =>
        ChangeAsync(planId, user, http, db, clock, async (view, version, now) =>
        {
            if (request.MeetingAppointmentId is { } chosen)
            {
                view = await SentencePlanRecord.WithMeetingAsync(db, view, chosen, now, ct);
            }

            return await SentencePlanRecord.AgreeAsync(db, policies, view, version, ApiResults.UserName(http), now, ct);
        }, ct);

    private static Task<IResult> Countersign(
        int planId, ClaimsPrincipal user, PlanCountersignatureRequest request, HttpContext http, OpenProbationDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ChangeAsync(planId, user, http, db, clock, async (view, version, now) =>
        {
            if (request.Approve is not { } approve)
            {
                return (null, new ValidationErrors().Add("approve", "Say whether you countersign the plan (true) or send it back (false)"));
            }

            return await SentencePlanRecord.CountersignAsync(db, view.Plan, version, approve, request.Note, ApiResults.UserName(http), now, ct);
        }, ct);

    private static async Task<IResult> Review(
        int planId, ClaimsPrincipal user, PlanReviewDetails request, HttpContext http, OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await SentencePlanRecord.LoadAsync(db, user, planId, now, ct) is not { } view)
        {
            return ApiResults.NotFound("Sentence plan");
        }

        if (ApiResults.VersionProblem(http.Request, view.Plan) is { } problem)
        {
            return problem;
        }

        var (next, errors) = await SentencePlanRecord.StartReviewAsync(db, policies, view, request, ApiResults.UserName(http), now, ct);
        if (next is null)
        {
            return ApiResults.Rejected(errors);
        }

        http.Response.Headers.ETag = ApiResults.ETag(next.Version);
        return TypedResults.Created($"/api/v1/sentence-plans/{next.Id}", ToDto(await SentencePlanRecord.ViewAsync(db, next, now, ct), UkTime.DateOf(now)));
    }

    private static async Task<IResult> ChangeAsync(
        int planId, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock,
        Func<PlanView, int, DateTimeOffset, Task<(SentencePlan? Plan, ValidationErrors Errors)>> change, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await SentencePlanRecord.LoadAsync(db, user, planId, now, ct) is not { } view)
        {
            return ApiResults.NotFound("Sentence plan");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (changed, errors) = await change(view, version, now);
        if (changed is null && errors.IsValid)
        {
            return ApiResults.Stale(view.Plan.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        var after = await SentencePlanRecord.ViewAsync(db, changed!, now, ct);
        return ApiResults.OkVersioned(http, ToDto(after, UkTime.DateOf(now)), changed!.Version);
    }
}
