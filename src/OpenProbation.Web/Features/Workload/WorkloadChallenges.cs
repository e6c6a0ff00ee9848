using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Workload;

/// <summary>What an officer sends to challenge their figure.</summary>
public sealed record ChallengeDetails(string? Reason);

/// <summary>A manager's answer.</summary>
public sealed record ChallengeAnswer(string? Answer);

/// <summary>A challenge to an officer's workload figure, with the figures when it was raised and the manager's answer.</summary>
public sealed record WorkloadChallengeDto(
    int Id, int StaffMemberId, string Name, int TeamId, string Reason, int PointsUsed, int PointsAvailable, decimal HoursRequired,
    decimal HoursAvailable, decimal? CapacityPercent, string RaisedBy, DateTimeOffset RaisedAt, string? Answer, string? AnsweredBy,
    DateTimeOffset? AnsweredAt, int Version);

/// <summary>
/// "This is wrong because…": an officer challenges their own workload figure, their manager sees it on the team
/// workload page and their home page, and answers it. Raising keeps the figures as they stood; answering is once.
/// Both are audited like every change.
/// </summary>
public static class WorkloadChallenges
{
    /// <summary>Challenges with the officer's name and team, newest first.</summary>
    public static IQueryable<WorkloadChallengeDto> Listed(OpenProbationDbContext db, IQueryable<WorkloadChallenge> challenges)
    {
        ArgumentNullException.ThrowIfNull(db);
        return challenges
            .Join(db.Staff, c => c.StaffMemberId, s => s.Id, (c, s) => new { c, s })
            .OrderByDescending(x => x.c.Id)
            .Select(x => new WorkloadChallengeDto(
                x.c.Id, x.c.StaffMemberId, x.s.FirstName + " " + x.s.LastName, x.s.TeamId, x.c.Reason, x.c.PointsUsed, x.c.PointsAvailable,
                x.c.HoursRequired, x.c.HoursAvailable, x.c.CapacityPercent, x.c.RaisedBy, x.c.RaisedAt, x.c.Answer, x.c.AnsweredBy, x.c.AnsweredAt,
                x.c.Version));
    }

    /// <summary>Unanswered challenges from officers in a team.</summary>
    public static IQueryable<WorkloadChallenge> WaitingInTeam(OpenProbationDbContext db, int teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WorkloadChallenges.Where(c => c.AnsweredAt == null && db.Staff.Any(s => s.Id == c.StaffMemberId && s.TeamId == teamId));
    }

    /// <summary>Records the officer's challenge with their figures as they stand; errors under <c>reason</c>.</summary>
    public static async Task<(WorkloadChallenge? Challenge, ValidationErrors Errors)> RaiseAsync(
        OpenProbationDbContext db, OfficerWorkload workload, string? reason, string raisedBy, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = WorkloadChallenge.CheckText(new ValidationErrors(), "reason", reason, "why the figure is wrong");
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var challenge = new WorkloadChallenge
        {
            StaffMemberId = workload.Officer.Id,
            Reason = reason!.Trim(),
            PointsUsed = workload.Points.TotalPoints,
            PointsAvailable = workload.Points.AvailablePoints,
            HoursRequired = workload.Time.TotalHours,
            HoursAvailable = workload.Time.AvailableHours,
            CapacityPercent = WorkloadCapacity.Percent(workload.Points, workload.Time),
            RaisedBy = raisedBy,
            RaisedAt = clock.GetUtcNow(),
        };
        db.WorkloadChallenges.Add(challenge);
        await db.SaveChangesAsync(ct);
        return (challenge, errors);
    }

    /// <summary>
    /// Answers an unanswered challenge; errors under <c>answer</c>. Answered already (by this or a racing request): the
    /// challenge as it stands and <c>AlreadyAnswered</c>.
    /// </summary>
    public static async Task<(WorkloadChallenge? Challenge, ValidationErrors Errors, bool AlreadyAnswered)> AnswerAsync(
        OpenProbationDbContext db, int challengeId, string? answer, string answeredBy, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var challenge = await db.WorkloadChallenges.SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        var errors = new ValidationErrors();
        if (challenge is null)
        {
            return (null, errors, false);
        }

        if (challenge.IsAnswered)
        {
            return (challenge, errors, true);
        }

        WorkloadChallenge.CheckText(errors, "answer", answer, "your answer");
        if (!errors.IsValid)
        {
            return (challenge, errors, false);
        }

        challenge.Answer = answer!.Trim();
        challenge.AnsweredBy = answeredBy;
        challenge.AnsweredAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (await db.WorkloadChallenges.AsNoTracking().SingleAsync(c => c.Id == challengeId, ct), new ValidationErrors(), true);
        }

        return (challenge, errors, false);
    }

    /// <summary><c>/api/v1/staff/{id}/workload/challenges</c> and <c>/api/v1/workload/challenges</c>.</summary>
    public static void MapWorkloadChallenges(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Workload");
        staff.MapGet("/{id:int}/workload/challenges", ForOfficer).Reads<IReadOnlyList<WorkloadChallengeDto>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        staff.MapPost("/{id:int}/workload/challenges", Raise).Creates<WorkloadChallengeDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.HoldCaseload);
        var challenges = api.MapGroup("/workload/challenges").WithTags("Workload");
        challenges.MapGet("/", Waiting).Reads<IReadOnlyList<WorkloadChallengeDto>>().RequireAuthorization(Policies.ReadWorkloads);
        challenges.MapGet("/{id:int}", One).Reads<WorkloadChallengeDto>().ProducesProblem(StatusCodes.Status403Forbidden).RequireAuthorization(Policies.SignedIn);
        challenges.MapPost("/{id:int}/answer", Answer).Reads<WorkloadChallengeDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AnswerWorkloadChallenges);
    }

    private static async Task<IResult> ForOfficer(int id, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == id, ct))
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (!await WorkloadApi.MayReadAsync(authorization, user, id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "You can see challenges to your own workload; another officer's needs a manager's, administrator's or analyst's role.");
        }

        return TypedResults.Ok(await Listed(db, db.WorkloadChallenges.Where(c => c.StaffMemberId == id)).ToListAsync(ct));
    }

    private static async Task<IResult> Raise(
        int id, ChallengeDetails request, HttpContext http, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies,
        ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == id, ct))
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (OpenProbationClaims.StaffMemberIdOf(user) != id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the officer can challenge their figure",
                detail: "A challenge is the officer's own account of why their workload figure is wrong; their manager answers it.");
        }

        var workload = (await OfficerWorkloads.LoadAsync(db, user, policies, contacts, [id], clock.Today(), ct)).Single();
        var (challenge, errors) = await RaiseAsync(db, workload, request.Reason, ApiResults.UserName(http), clock, ct);
        if (challenge is null)
        {
            return ApiResults.Invalid(errors);
        }

        var dto = await Listed(db, db.WorkloadChallenges.Where(c => c.Id == challenge.Id)).SingleAsync(ct);
        return TypedResults.Created($"/api/v1/workload/challenges/{challenge.Id}", dto);
    }

    private static async Task<IResult> Waiting(int? teamId, bool? answered, OpenProbationDbContext db, CancellationToken ct)
    {
        var query = db.WorkloadChallenges.AsQueryable();
        if (answered is { } a)
        {
            query = a ? query.Where(c => c.AnsweredAt != null) : query.Where(c => c.AnsweredAt == null);
        }

        if (teamId is { } t)
        {
            query = query.Where(c => db.Staff.Any(s => s.Id == c.StaffMemberId && s.TeamId == t));
        }

        return TypedResults.Ok(await Listed(db, query).Take(500).ToListAsync(ct));
    }

    private static async Task<IResult> One(int id, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db, CancellationToken ct)
    {
        var challenge = await Listed(db, db.WorkloadChallenges.Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        if (challenge is null || !await WorkloadApi.MayReadAsync(authorization, user, challenge.StaffMemberId))
        {
            return ApiResults.NotFound("Workload challenge");
        }

        return TypedResults.Ok(challenge);
    }

    private static async Task<IResult> Answer(int id, ChallengeAnswer request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (challenge, errors, already) = await AnswerAsync(db, id, request.Answer, ApiResults.UserName(http), clock, ct);
        if (challenge is null)
        {
            return ApiResults.NotFound("Workload challenge");
        }

        if (already)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The challenge has already been answered",
                detail: $"{challenge.AnsweredBy} answered it; read it again to see the answer.");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        return TypedResults.Ok(await Listed(db, db.WorkloadChallenges.Where(c => c.Id == id)).SingleAsync(ct));
    }
}
