using System.Security.Claims;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Rar;
using OpenProbation.Domain.Risk;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Rar;

/// <summary>A session and what it did for the RAR.</summary>
public sealed record RarSessionDto(
    int AppointmentId, DateOnly Date, AppointmentType Type, AppointmentOutcome? Outcome, bool IsEnforceable, bool CountsTowardsRar, string Counted, NeedArea? PlanNeed);

/// <summary>A need in the sentence plan, with its agreed outcomes and what the RAR's activities have done for it.</summary>
public sealed record RarNeedDto(NeedArea? Need, bool InPlan, IReadOnlyList<string> AgreedOutcomes, int DaysDelivered, IReadOnlyList<DateOnly> DeliveredDays, int SessionsToCome);

/// <summary>A RAR's days: <c>maximumDays</c>, <c>daysCompleted</c> and <c>daysPlanned</c> are the contract other tools rely on.</summary>
public sealed record RarDto(
    int RequirementId, int OrderId, string Crn, RequirementStatus Status, int MaximumDays, int DaysCompleted, int DaysPlanned, int DaysInstructed,
    int DaysRemaining, bool RecordExceedsMaximum, IReadOnlyList<DateOnly> CompletedDays, IReadOnlyList<DateOnly> PlannedDays,
    IReadOnlyList<RarSessionDto> Sessions, DateOnly? CompletedOn, string? CompletionOutcome, string? CompletionRationale, string? CompletionProgress,
    string? CompletedBy, int Version, IReadOnlyList<RarNeedDto> Needs, int UnlinkedActivities);

/// <summary>A record that no suitable activity exists for a need on the RAR.</summary>
public sealed record NoSuitableActivityDto(int Id, int RequirementId, NeedArea Need, string Reason, string? WhatWasConsidered, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>RAR days through the API: <c>GET /api/v1/requirements/{requirementId}/rar</c>.</summary>
public static class RarApi
{
    public static void MapRar(this RouteGroupBuilder api)
    {
        api.MapGet("/requirements/{requirementId:int}/rar", Get).Reads<RarDto>().WithTags("RAR").RequireAuthorization(Policies.ReadCases)
            .WithSummary("A RAR's days: maximumDays, daysCompleted (two sessions on a day count once), daysPlanned, and each session's part in them");
        api.MapPost("/requirements/{requirementId:int}/rar/complete", Complete).Updates<RarDto>().WithTags("RAR").RequireAuthorization(Policies.EditCases)
            .WithSummary("Complete a RAR: the outcome against the agreed outcomes; on fewer days than the maximum, the rationale and progress too; If-Match");
        api.MapGet("/requirements/{requirementId:int}/rar/no-suitable-activity", ListNoSuitableActivity).Lists<NoSuitableActivityDto>().WithTags("RAR")
            .RequireAuthorization(Policies.ReadCases).WithSummary("The records, with reasons, that no suitable activity exists for a need on this RAR");
        api.MapPost("/requirements/{requirementId:int}/rar/no-suitable-activity", RecordNoSuitableActivity).Creates<NoSuitableActivityDto>().WithTags("RAR")
            .RequireAuthorization(Policies.EditCases).WithSummary("Record that no suitable activity exists for a need (need, reason of 20 characters or more, what was considered)");
    }

    private static NoSuitableActivityDto ToDto(NoSuitableActivity n) => new(n.Id, n.RequirementId, n.Need, n.Reason, n.WhatWasConsidered, n.RecordedBy, n.RecordedAt);

    private static async Task<IResult> ListNoSuitableActivity(int requirementId, ClaimsPrincipal user, OpenProbationDbContext db, CancellationToken ct)
    {
        if (await RarRecord.LoadAsync(db, user, requirementId, ct) is not { } rar)
        {
            return ApiResults.NotFound("RAR requirement");
        }

        var items = (await RarRecord.NoSuitableActivitiesAsync(db, requirementId, ct)).Select(ToDto).ToList();
        await AuditTrail.RecordViewAsync(db, rar.PersonId, AuditTrail.Requirements, ct, nameof(Requirement), PeopleApi.Id(requirementId));
        return TypedResults.Ok(new PagedList<NoSuitableActivityDto>(items, 1, Math.Max(1, items.Count), items.Count));
    }

    private static async Task<IResult> RecordNoSuitableActivity(
        int requirementId, ClaimsPrincipal user, NoSuitableActivityDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await RarRecord.LoadAsync(db, user, requirementId, ct) is not { } rar)
        {
            return ApiResults.NotFound("RAR requirement");
        }

        var (recorded, errors) = await RarRecord.RecordNoSuitableActivityAsync(db, rar, request, ApiResults.UserName(http), clock.GetUtcNow(), ct);
        return recorded is null
            ? ApiResults.Invalid(errors)
            : TypedResults.Created($"/api/v1/requirements/{requirementId}/rar/no-suitable-activity", ToDto(recorded));
    }

    private static async Task<IResult> Complete(
        int requirementId, ClaimsPrincipal user, RarCompletionDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await RarRecord.LoadAsync(db, user, requirementId, ct) is not { } rar)
        {
            return ApiResults.NotFound("RAR requirement");
        }

        var (expected, missing) = ApiResults.RequiredVersion(http.Request);
        if (expected is not { } version)
        {
            return missing!;
        }

        var (completed, errors) = await RarRecord.CompleteAsync(db, rar, version, request, ApiResults.UserName(http), clock, ct);
        if (completed is null && errors.IsValid)
        {
            return ApiResults.Stale(rar.Requirement.Version);
        }

        if (!errors.IsValid)
        {
            return ApiResults.Rejected(errors);
        }

        return ApiResults.OkVersioned(http, ToDto(completed!), completed!.Requirement.Version);
    }

    internal static RarDto ToDto(RarView rar) => new(
        rar.Requirement.Id, rar.Requirement.OrderId, rar.Crn, rar.Requirement.Status, rar.Progress.MaximumDays, rar.Progress.DaysCompleted,
        rar.Progress.DaysPlanned, rar.Progress.DaysInstructed, rar.Progress.DaysRemaining, rar.Progress.RecordExceedsMaximum,
        rar.Progress.CompletedDays, rar.Progress.PlannedDays,
        [.. rar.Sessions.Select(s => new RarSessionDto(s.Session.AppointmentId, s.Session.Date, s.Session.Type, s.Session.Outcome, s.Session.IsEnforceable,
            s.Session.CountsTowardsRar, s.Words, s.Session.Need))],
        rar.Requirement.Status == RequirementStatus.Completed ? rar.Requirement.EndDate : null, rar.Requirement.CompletionOutcome,
        rar.Requirement.CompletionRationale, rar.Requirement.CompletionProgress, rar.Requirement.CompletedBy, rar.Requirement.Version,
        [.. rar.Needs.Select(n => new RarNeedDto(n.Need, n.InPlan, n.AgreedOutcomes, n.DaysDelivered.Count, n.DaysDelivered, n.SessionsToCome))],
        rar.Sessions.Count(s => RarDays.IsActivity(s.Session) && s.Session.Need is null));

    private static async Task<IResult> Get(int requirementId, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        if (await RarRecord.LoadAsync(db, user, requirementId, ct) is not { } rar)
        {
            return ApiResults.NotFound("RAR requirement");
        }

        await AuditTrail.RecordViewAsync(db, rar.PersonId, AuditTrail.Requirements, ct, nameof(Requirement), PeopleApi.Id(requirementId));
        return ApiResults.OkVersioned(http, ToDto(rar), rar.Requirement.Version);
    }
}
