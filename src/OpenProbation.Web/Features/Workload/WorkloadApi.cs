using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Workload;

public sealed record WorkloadLineDto(string Label, decimal Amount, string Detail);

public sealed record PointsDto(
    string Version, int CasePoints, int ReportPoints, int TotalPoints, int NominalTarget, decimal ContractedHours, decimal ReductionHours,
    int AvailablePoints, decimal? CapacityPercent, IReadOnlyList<WorkloadLineDto> Cases, IReadOnlyList<WorkloadLineDto> Reports,
    IReadOnlyList<WorkloadLineDto> Reductions);

public sealed record TimeDto(
    DateOnly Month, string Version, decimal CaseHours, decimal ReportHours, decimal TotalHours, decimal ContractedHours, decimal AbsenceHours,
    decimal ReductionHours, decimal NonCaseHours, decimal AvailableHours, decimal? CapacityPercent, IReadOnlyList<WorkloadLineDto> Cases,
    IReadOnlyList<WorkloadLineDto> Reports, IReadOnlyList<WorkloadLineDto> Availability);

public sealed record TierCountDto(string? Tier, int Cases);

/// <summary>A case on a workload: what each model counts for it and why (<c>crn</c> is "Restricted case" for one the reader may not see).</summary>
public sealed record WorkloadCaseDto(string Crn, WorkloadCaseType CaseType, string? Tier, decimal Points, string PointsDetail, decimal Hours, string HoursDetail);

/// <summary>
/// One officer's workload by both models, with the working. <c>pointsUsed</c>, <c>pointsAvailable</c>,
/// <c>capacityPercent</c> (the higher of the points and time models), <c>hoursRequired</c>, <c>hoursAvailable</c> and
/// <c>breakdown</c> (per case) are the interface other tools rely on.
/// </summary>
public sealed record OfficerWorkloadDto(
    int StaffMemberId, string Name, StaffGrade Grade, int TeamId, DateOnly Date, bool AbsentToday, int Cases, IReadOnlyList<TierCountDto> ByTier,
    PointsDto Points, TimeDto Time, int PointsUsed, int PointsAvailable, decimal? CapacityPercent, decimal HoursRequired, decimal HoursAvailable,
    bool OverCapacity, IReadOnlyList<WorkloadCaseDto> Breakdown);

/// <summary>An officer's figures in brief, for a team or delivery unit; <c>capacityPercent</c> is the higher of the two models.</summary>
public sealed record OfficerWorkloadSummaryDto(
    int StaffMemberId, string Name, StaffGrade Grade, int Cases, int TotalPoints, int AvailablePoints, decimal? PointsCapacityPercent,
    decimal TotalHours, decimal AvailableHours, decimal? TimeCapacityPercent, bool OverCapacity, bool AbsentToday, int TeamId = 0,
    decimal? CapacityPercent = null);

/// <summary>
/// A team's officers' workloads; <c>overCapacity</c> is above 100% on either model, or no capacity while holding cases.
/// <c>caseHoldingPosts</c> (the establishment, when recorded), <c>inPostFte</c> and <c>vacantFte</c>: vacancies are never capacity.
/// </summary>
public sealed record TeamWorkloadDto(
    int TeamId, string Name, DateOnly Date, int Cases, IReadOnlyList<OfficerWorkloadSummaryDto> Officers, decimal? CaseHoldingPosts = null,
    decimal InPostFte = 0, decimal? VacantFte = null);

/// <summary>A team's line in a delivery unit's workload: officers in post, cases, how many over capacity, vacancies and unallocated cases.</summary>
public sealed record DeliveryUnitTeamDto(
    int TeamId, string Name, int Officers, int Cases, int OverCapacity, decimal? CaseHoldingPosts, decimal InPostFte, decimal? VacantFte, int Unallocated);

/// <summary>
/// A delivery unit's workload: every case-holding officer in post (highest capacity first, no capacity first of
/// all), each team, the spread across capacity bands (<c>distribution</c>) and the last 12 weeks (<c>trend</c>).
/// </summary>
public sealed record DeliveryUnitWorkloadDto(
    int DeliveryUnitId, string Name, DateOnly Date, int Cases, int OverCapacity, int Unallocated, IReadOnlyList<DeliveryUnitTeamDto> Teams,
    IReadOnlyList<OfficerWorkloadSummaryDto> Officers, IReadOnlyList<CapacityBand> Distribution, IReadOnlyList<TrendWeek> Trend);

public sealed record ReductionDto(
    int Id, int StaffMemberId, ReductionType Type, DateOnly StartDate, DateOnly? EndDate, DateOnly? ExpiresAfter, decimal? HoursPerWeek,
    decimal HoursPerWeekToday, string? Notes, string RecordedBy, DateTimeOffset RecordedAt, int Version);

public sealed record ReportRequestDetails(WorkloadReportType? Type, DateOnly? DueDate, int? StaffMemberId);

public sealed record ReportCompletion(DateOnly? CompletedOn);

public sealed record ReportRequestDto(
    int Id, string Crn, int StaffMemberId, WorkloadReportType Type, DateOnly DueDate, DateOnly? CompletedOn, string RequestedBy,
    DateTimeOffset RequestedAt, int Version);

/// <summary>
/// Workload figures and what they depend on: <c>/api/v1/staff/{id}/workload</c>, <c>/teams/{id}/workload</c>,
/// <c>/staff/{id}/reductions</c> and report requests (<c>/people/{crn}/reports</c>, <c>/reports/{id}</c>).
/// Figures are calculated on every request from the record, so they are never out of date and never switched off.
/// </summary>
public static class WorkloadApi
{
    public static void MapWorkload(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/staff").WithTags("Workload");
        staff.MapGet("/{id:int}/workload", ForOfficer).Reads<OfficerWorkloadDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        staff.MapGet("/{id:int}/reductions", ListReductions).Reads<IReadOnlyList<ReductionDto>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        staff.MapPost("/{id:int}/reductions", CreateReduction).Creates<ReductionDto>().RequireAuthorization(Policies.ManageReductions);
        staff.MapPut("/{id:int}/reductions/{reductionId:int}", UpdateReduction).Updates<ReductionDto>().RequireAuthorization(Policies.ManageReductions);
        api.MapGet("/teams/{id:int}/workload", ForTeam).WithTags("Workload").Reads<TeamWorkloadDto>().RequireAuthorization(Policies.ReadWorkloads);
        api.MapGet("/delivery-units/{id:int}/workload", ForDeliveryUnit).WithTags("Workload").Reads<DeliveryUnitWorkloadDto>()
            .RequireAuthorization(Policies.ReadWorkloads);
        api.MapPost("/people/{crn}/reports", RequestReport).WithTags("Workload").Creates<ReportRequestDto>().RequireAuthorization(Policies.AllocateCases);
        api.MapPut("/reports/{id:int}", CompleteReport).WithTags("Workload").Updates<ReportRequestDto>().RequireAuthorization(Policies.EditCases);
    }

    /// <summary>The officer themselves, or a workload reader (manager, administrator, analyst).</summary>
    internal static async Task<bool> MayReadAsync(IAuthorizationService authorization, ClaimsPrincipal user, int staffMemberId) =>
        OpenProbationClaims.StaffMemberIdOf(user) == staffMemberId || (await authorization.AuthorizeAsync(user, Policies.ReadWorkloads)).Succeeded;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
        detail: "You can see your own workload; another officer's needs a manager's, administrator's or analyst's role.");

    private static async Task<IResult> ForOfficer(
        int id, DateOnly? date, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db, WorkloadPolicies policies,
        ContactPolicies contacts, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Staff.AnyAsync(s => s.Id == id, ct))
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (!await MayReadAsync(authorization, user, id))
        {
            return Forbidden();
        }

        var day = date ?? clock.Today();
        var workload = (await OfficerWorkloads.LoadAsync(db, user, policies, contacts, [id], day, ct)).Single();
        return TypedResults.Ok(ToDto(workload, day));
    }

    private static async Task<IResult> ForTeam(
        int id, DateOnly? date, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock,
        CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Id, t.Name, t.CaseHoldingPosts }).SingleOrDefaultAsync(ct);
        if (team is null)
        {
            return ApiResults.NotFound("Team");
        }

        var day = date ?? clock.Today();
        var ids = await OfficerWorkloads.TeamOfficersAsync(db, id, day, ct);
        var workloads = await OfficerWorkloads.LoadAsync(db, user, policies, contacts, ids, day, ct);
        var establishment = Vacancies.Of(team.CaseHoldingPosts, workloads.Select(w => w.Officer.ContractedHours));
        return TypedResults.Ok(new TeamWorkloadDto(
            team.Id, team.Name, day, workloads.SelectMany(w => w.Cases).Select(c => c.PersonId).Distinct().Count(), [.. workloads.Select(Summary)],
            establishment.Posts, establishment.InPost, establishment.Vacant));
    }

    private static async Task<IResult> ForDeliveryUnit(
        int id, DateOnly? date, ClaimsPrincipal user, OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock,
        CancellationToken ct)
    {
        var unit = await db.DeliveryUnits.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.Name }).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return ApiResults.NotFound("Delivery unit");
        }

        var day = date ?? clock.Today();
        var workload = await DeliveryUnitWorkload.LoadAsync(db, user, policies, contacts, id, day, ct);
        return TypedResults.Ok(new DeliveryUnitWorkloadDto(
            unit.Id, unit.Name, day, workload.Cases, workload.Officers.Count(o => o.IsOverCapacity), workload.Teams.Sum(t => t.Unallocated),
            [.. workload.Teams.Select(t => new DeliveryUnitTeamDto(
                t.Id, t.Name, t.Officers, t.Cases, t.OverCapacity, t.Establishment.Posts, t.Establishment.InPost, t.Establishment.Vacant, t.Unallocated))],
            [.. workload.Officers.Select(Summary)], workload.Distribution, workload.Trend));
    }

    internal static OfficerWorkloadSummaryDto Summary(OfficerWorkload w) => new(
        w.Officer.Id, w.Officer.FullName, w.Officer.Grade, w.Cases.Count, w.Points.TotalPoints, w.Points.AvailablePoints, w.Points.CapacityPercent,
        w.Time.TotalHours, w.Time.AvailableHours, w.Time.CapacityPercent, w.IsOverCapacity, w.AbsentToday is not null, w.Officer.TeamId,
        WorkloadCapacity.Percent(w.Points, w.Time));

    private static async Task<IResult> ListReductions(
        int id, DateOnly? date, ClaimsPrincipal user, IAuthorizationService authorization, OpenProbationDbContext db, WorkloadPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (officer is null)
        {
            return ApiResults.NotFound("Member of staff");
        }

        if (!await MayReadAsync(authorization, user, id))
        {
            return Forbidden();
        }

        var day = date ?? clock.Today();
        var rules = policies.Points.At(day).Reductions;
        var reductions = await db.Reductions.AsNoTracking().Where(r => r.StaffMemberId == id).OrderByDescending(r => r.StartDate).ThenByDescending(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(reductions.Select(r => ToDto(r, rules, officer.ContractedHours, day)).ToList());
    }

    private static async Task<IResult> CreateReduction(
        int id, ReductionDetails request, HttpContext http, OpenProbationDbContext db, WorkloadPolicies policies, TimeProvider clock, CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (officer is null)
        {
            return ApiResults.NotFound("Member of staff");
        }

        var today = clock.Today();
        var rules = policies.Points.At(today).Reductions;
        var errors = request.Validate(rules, officer.ContractedHours);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var reduction = new Reduction { StaffMemberId = id, RecordedBy = ApiResults.UserName(http), RecordedAt = clock.GetUtcNow() };
        reduction.Apply(request);
        db.Reductions.Add(reduction);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/staff/{id}/reductions/{reduction.Id}", ToDto(reduction, rules, officer.ContractedHours, today));
    }

    private static async Task<IResult> UpdateReduction(
        int id, int reductionId, ReductionDetails request, HttpContext http, OpenProbationDbContext db, WorkloadPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var officer = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        var reduction = await db.Reductions.SingleOrDefaultAsync(r => r.Id == reductionId && r.StaffMemberId == id, ct);
        if (officer is null || reduction is null)
        {
            return ApiResults.NotFound("Reduction");
        }

        if (ApiResults.VersionProblem(http.Request, reduction) is { } stale)
        {
            return stale;
        }

        var today = clock.Today();
        var rules = policies.Points.At(today).Reductions;
        var errors = request.Validate(rules, officer.ContractedHours);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        reduction.Apply(request);
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(reduction, rules, officer.ContractedHours, today), reduction.Version);
    }

    private static async Task<IResult> RequestReport(
        string crn, ReportRequestDetails request, HttpContext http, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = new ValidationErrors()
            .Defined("type", request.Type, "a type of report")
            .Present("dueDate", request.DueDate, "Enter the date the report is due")
            .Present("staffMemberId", request.StaffMemberId, "Select the officer who will write the report");
        var today = clock.Today();
        if (request.DueDate is { } due && (due < today.AddDays(-31) || due > today.AddYears(1)))
        {
            errors.Add("dueDate", "The due date must be within a month before today and a year after");
        }

        if (request.StaffMemberId is { } staffId && !await db.Staff.AnyAsync(s => s.Id == staffId && (s.EndDate == null || s.EndDate >= today), ct))
        {
            errors.Add("staffMemberId", "There is no member of staff in post with that id");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var report = new ReportRequest
        {
            PersonId = person.Id,
            StaffMemberId = request.StaffMemberId!.Value,
            Type = request.Type!.Value,
            DueDate = request.DueDate!.Value,
            RequestedBy = ApiResults.UserName(http),
            RequestedAt = clock.GetUtcNow(),
        };
        db.ReportRequests.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", ToDto(report, person.Crn));
    }

    private static async Task<IResult> CompleteReport(
        int id, ReportCompletion request, HttpContext http, ClaimsPrincipal user, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.ReportRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        var crn = report is null ? null : await db.VisiblePeople(user).Where(p => p.Id == report.PersonId).Select(p => p.Crn).SingleOrDefaultAsync(ct);
        if (report is null || crn is null)
        {
            return ApiResults.NotFound("Report");
        }

        if (ApiResults.VersionProblem(http.Request, report) is { } stale)
        {
            return stale;
        }

        var today = clock.Today();
        var errors = new ValidationErrors();
        if (request.CompletedOn is { } done && (done > today || done < DateOnly.FromDateTime(report.RequestedAt.UtcDateTime).AddDays(-31)))
        {
            errors.Add("completedOn", "The completion date cannot be in the future, nor more than a month before the report was requested");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        report.CompletedOn = request.CompletedOn;
        await db.SaveChangesAsync(ct);
        return ApiResults.OkVersioned(http, ToDto(report, crn), report.Version);
    }

    private static ReportRequestDto ToDto(ReportRequest r, string crn) =>
        new(r.Id, crn, r.StaffMemberId, r.Type, r.DueDate, r.CompletedOn, r.RequestedBy, r.RequestedAt, r.Version);

    private static ReductionDto ToDto(Reduction r, ReductionRules rules, decimal contractedHours, DateOnly day) =>
        new(r.Id, r.StaffMemberId, r.Type, r.StartDate, r.EndDate, r.EndDate ?? rules.Rules[r.Type].ExpiresAfter(r.StartDate), r.HoursPerWeek,
            rules.HoursOn(r, contractedHours, day), r.Notes, r.RecordedBy, r.RecordedAt, r.Version);

    internal static OfficerWorkloadDto ToDto(OfficerWorkload w, DateOnly day) => new(
        w.Officer.Id,
        w.Officer.FullName,
        w.Officer.Grade,
        w.Officer.TeamId,
        day,
        w.AbsentToday is not null,
        w.Cases.Count,
        [.. w.ByTier.Select(t => new TierCountDto(t.Tier.Length == 0 ? null : t.Tier, t.Count))],
        new PointsDto(
            w.Points.Version, w.Points.CasePoints, w.Points.ReportPoints, w.Points.TotalPoints, w.Points.NominalTarget, w.Points.ContractedHours,
            w.Points.ReductionHours, w.Points.AvailablePoints, w.Points.CapacityPercent, Lines(w.Points.Cases), Lines(w.Points.Reports), Lines(w.Points.ReductionLines)),
        new TimeDto(
            w.Time.Month, w.Time.Version, w.Time.CaseHours, w.Time.ReportHours, w.Time.TotalHours, w.Time.ContractedHours, w.Time.AbsenceHours,
            w.Time.ReductionHours, w.Time.NonCaseHours, w.Time.AvailableHours, w.Time.CapacityPercent, Lines(w.Time.Cases), Lines(w.Time.Reports),
            Lines(w.Time.Availability)),
        w.Points.TotalPoints,
        w.Points.AvailablePoints,
        WorkloadCapacity.Percent(w.Points, w.Time),
        w.Time.TotalHours,
        w.Time.AvailableHours,
        w.IsOverCapacity,
        [.. w.Cases.Select(c => new WorkloadCaseDto(c.Case.Crn, c.Case.Type, c.Case.Tier, c.Points.Amount, c.Points.Detail, c.Hours.Amount, c.Hours.Detail))]);

    private static List<WorkloadLineDto> Lines(IEnumerable<WorkloadLine> lines) => [.. lines.Select(l => new WorkloadLineDto(l.Label, l.Amount, l.Detail))];
}
