using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Tiering;

/// <summary>
/// What a court officer or another system sends to the tier calculator. Names and values are a published contract
/// (issue 4): enums in upper snake case, complexity factors and need areas by camelCase key; <c>needs</c> null or
/// absent means no valid assessment, an area left out means no need in it.
/// </summary>
public sealed record TieringCalculateRequest(
    string? Policy,
    string? Rosh,
    decimal? RsrPercent,
    int? OgrsPercent,
    int? MappaLevel,
    IReadOnlyList<string>? ComplexityFactors,
    bool? Iom,
    bool? ChangeRequired,
    IReadOnlyDictionary<string, string>? Needs,
    string? Gender,
    bool? ParentingResponsibilities,
    bool? ImpulsivityOrTemperControl,
    bool? BreachOrRecallInLast12Months);

/// <summary>One line of working as the API gives it.</summary>
public sealed record TierWorkingDto(string Input, int Points, string Axis, bool Counted, string? Note);

/// <summary>The calculator's answer.</summary>
public sealed record TieringCalculateResponse(
    string Tier, string? ProtectLevel, int? ChangeLevel, int ProtectPoints, int ChangePoints, IReadOnlyList<TierWorkingDto> Working,
    string Policy, string PolicyVersion);

/// <summary>A policy in the schedule.</summary>
public sealed record TieringScheduleEntryDto(DateOnly? From, string Policy, string PolicyVersion, IReadOnlyList<string> Tiers);

/// <summary>An assessment as the API gives it; needs keyed as the calculator names them.</summary>
public sealed record RiskAssessmentDto(
    int Id, string Crn, DateOnly AssessedOn, AssessmentLayer Layer, bool IsComplete, RoshLevel Rosh, RoshLevel? RoshChildren, RoshLevel? RoshPublic,
    RoshLevel? RoshKnownAdult, RoshLevel? RoshStaff, RoshLevel? RoshPrisoners, decimal? RsrPercent, int? OgrsPercent,
    IReadOnlyDictionary<string, NeedSeverity> Needs, bool ParentingResponsibilities, bool ImpulsivityOrTemperControl, string? Notes,
    string AssessedBy, DateTimeOffset RecordedAt, int Version);

/// <summary>What a client sends to record an assessment; needs keyed as the calculator names them.</summary>
public sealed record RiskAssessmentRequest(
    DateOnly? AssessedOn, AssessmentLayer? Layer, bool? IsComplete, RoshLevel? Rosh, RoshLevel? RoshChildren, RoshLevel? RoshPublic,
    RoshLevel? RoshKnownAdult, RoshLevel? RoshStaff, RoshLevel? RoshPrisoners, decimal? RsrPercent, int? OgrsPercent,
    IReadOnlyDictionary<string, NeedSeverity>? Needs, bool? ParentingResponsibilities, bool? ImpulsivityOrTemperControl, string? Notes);

/// <summary>A recorded assessment and what it did to the tier.</summary>
public sealed record AssessmentRecordedDto(RiskAssessmentDto Assessment, RecalculationOutcome TierOutcome, CaseTierDto? Tier, CaseTierDto? PendingTier);

/// <summary>A named assessment (SARA and others).</summary>
public sealed record NamedAssessmentDto(
    int Id, string Crn, AssessmentTool Tool, string? ToolName, RiskBand Result, DateOnly AssessedOn, string? Notes, string AssessedBy,
    DateTimeOffset RecordedAt, int Version);

/// <summary>A calculated tier with its working and, for downgrades, where its reason and countersignature stand.</summary>
public sealed record CaseTierDto(
    int Id, string Crn, string Policy, string PolicyVersion, string Tier, string? ProtectLevel, int? ChangeLevel, int ProtectPoints,
    int ChangePoints, IReadOnlyList<TierWorkingDto> Working, int? AssessmentId, int? FullAssessmentId, TierChangeDirection Direction,
    CaseTierStatus Status, string Trigger, string? PreviousTier, DateTimeOffset CalculatedAt, DateTimeOffset? AppliedAt,
    bool CountersignatureRequired, string? CountersignatureWhy, string? Reason, string? ReasonBy, DateTimeOffset? ReasonAt,
    string? CountersignedBy, DateTimeOffset? CountersignedAt, string? CountersignNote, int Version);

/// <summary>A person's current tier and any downgrade waiting.</summary>
public sealed record PersonTierDto(string Crn, CaseTierDto? Current, CaseTierDto? Pending);

/// <summary>Why someone asks for a recalculation now; kept as the calculation's trigger.</summary>
public sealed record TierRecalculationRequest(string? Reason);

/// <summary>The reason for a proposed downgrade.</summary>
public sealed record TierReasonRequest(string? Reason);

/// <summary>A manager's decision on a downgrade that needs countersigning.</summary>
public sealed record TierCountersignRequest(bool? Approve, string? Note);

/// <summary>Risk assessments, tiers and the tier calculator: <c>/api/v1/tiering</c>, <c>/api/v1/people/{crn}/assessments</c> and friends.</summary>
public static class TieringApi
{
    /// <summary>Longest reason for an asked-for recalculation (it joins the 100-character trigger).</summary>
    public const int MaxRecalculationReason = 70;

    public static void MapTiering(this RouteGroupBuilder api)
    {
        var tiering = api.MapGroup("/tiering").WithTags("Tiering");
        tiering.MapPost("/calculate", Calculate).Produces<TieringCalculateResponse>().ProducesValidationProblem()
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Calculate a tier with its working from inputs, without storing a case");
        tiering.MapGet("/policies", Schedule).Produces<IReadOnlyList<TieringScheduleEntryDto>>().RequireAuthorization(Policies.SignedIn)
            .WithSummary("The tiering policies in force and from when");

        var people = api.MapGroup("/people/{crn}").WithTags("Tiering");
        people.MapGet("/assessments", ListAssessments).Lists<RiskAssessmentDto>().RequireAuthorization(Policies.ReadCases);
        people.MapGet("/assessments/{id:int}", GetAssessment).Reads<RiskAssessmentDto>().RequireAuthorization(Policies.ReadCases);
        people.MapPost("/assessments", CreateAssessment).Creates<AssessmentRecordedDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Record an OASys assessment; the tier is recalculated at once (a lower tier waits for a reason)");
        people.MapGet("/named-assessments", ListNamed).Lists<NamedAssessmentDto>().RequireAuthorization(Policies.ReadCases);
        people.MapPost("/named-assessments", CreateNamed).Creates<NamedAssessmentDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Record a SARA or other named assessment");
        people.MapGet("/tier", GetTier).Reads<PersonTierDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("The current tier with its working, and any downgrade waiting for a reason or countersignature");
        people.MapGet("/tiers", ListTiers).Lists<CaseTierDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("Every tier calculated for the person, newest first");
        people.MapPost("/tier/recalculate", Recalculate).Produces<PersonTierDto>().ProducesValidationProblem().ProducesProblem(404).RequireAuthorization(Policies.EditCases)
            .WithSummary("Recalculate the tier from the record now");

        var changes = api.MapGroup("/tier-changes").WithTags("Tiering");
        changes.MapGet("/", ListChanges).Lists<CaseTierDto>().RequireAuthorization(Policies.ReadCases)
            .WithSummary("Downgrades waiting: status=AwaitingReason or AwaitingCountersignature");
        changes.MapPost("/{id:int}/reason", GiveReason).Updates<CaseTierDto>().RequireAuthorization(Policies.EditCases)
            .WithSummary("Give the reason for a proposed downgrade; it applies unless a manager must countersign");
        changes.MapPost("/{id:int}/countersignature", Countersign).Updates<CaseTierDto>().RequireAuthorization(Policies.CountersignRiskDecisions)
            .WithSummary("A manager countersigns (approve=true) or refuses a downgrade");
    }

    private static IResult Calculate(TieringCalculateRequest request, TieringPolicies policies)
    {
        var (inputs, policy, errors) = Parse(request, policies);
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var result = policy!.Calculate(inputs!);
        return TypedResults.Ok(new TieringCalculateResponse(
            result.Tier, result.ProtectLevel, result.ChangeLevel, result.ProtectPoints, result.ChangePoints, [.. result.Working.Select(ToDto)],
            result.Policy, result.PolicyVersion));
    }

    /// <summary>Reads the calculator's contract into domain inputs, naming each field that is wrong.</summary>
    internal static (TieringInputs? Inputs, ITieringPolicy? Policy, ValidationErrors Errors) Parse(TieringCalculateRequest request, TieringPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new ValidationErrors();
        var policy = policies.Named(request.Policy ?? EnglandWalesTiering.PolicyName);
        if (policy is null)
        {
            errors.Add("policy", $"Policy must be '{EnglandWalesTiering.PolicyName}' or '{BragTiering.PolicyName}'");
        }

        RoshLevel? rosh = request.Rosh switch
        {
            null => null,
            "LOW" => RoshLevel.Low,
            "MEDIUM" => RoshLevel.Medium,
            "HIGH" => RoshLevel.High,
            "VERY_HIGH" => RoshLevel.VeryHigh,
            _ => null,
        };
        if (request.Rosh is not null && rosh is null)
        {
            errors.Add("rosh", "ROSH must be LOW, MEDIUM, HIGH or VERY_HIGH");
        }

        if (request.RsrPercent is { } rsr && (rsr < 0 || rsr > 100))
        {
            errors.Add("rsrPercent", "RSR must be a percentage from 0 to 100");
        }

        if (request.OgrsPercent is not (null or (>= 0 and <= 100)))
        {
            errors.Add("ogrsPercent", "OGRS must be a percentage from 0 to 100");
        }

        if (request.MappaLevel is not (null or (>= 0 and <= 3)))
        {
            errors.Add("mappaLevel", "MAPPA level must be 0 (none), 1, 2 or 3");
        }

        var factors = new HashSet<ComplexityFactor>();
        foreach (var key in request.ComplexityFactors ?? [])
        {
            if (key is not null && ComplexityFactors.FromKey(key) is { } factor)
            {
                factors.Add(factor);
            }
            else
            {
                errors.Add("complexityFactors", $"'{key}' is not a complexity factor; use {string.Join(", ", Enum.GetValues<ComplexityFactor>().Select(ComplexityFactors.Key))}");
            }
        }

        Dictionary<NeedArea, NeedSeverity>? needs = null;
        if (request.Needs is { } given)
        {
            needs = [];
            foreach (var (key, value) in given)
            {
                var area = NeedAreas.FromKey(key);
                NeedSeverity? severity = value switch { "STANDARD" => NeedSeverity.Standard, "SEVERE" => NeedSeverity.Severe, _ => null };
                if (area is null)
                {
                    errors.Add("needs", $"'{key}' is not a need area; use {string.Join(", ", Enum.GetValues<NeedArea>().Select(NeedAreas.Key))}");
                }
                else if (severity is null && value is not ("NONE" or null))
                {
                    errors.Add($"needs.{NeedAreas.Key(area.Value)}", "A need must be STANDARD or SEVERE (leave the area out when there is none)");
                }
                else if (severity is { } s)
                {
                    needs[area.Value] = s;
                }
            }
        }

        if (request.Gender is not (null or "MALE" or "FEMALE" or "OTHER" or "NOT_KNOWN"))
        {
            errors.Add("gender", "Gender must be MALE, FEMALE, OTHER or NOT_KNOWN");
        }

        var inputs = new TieringInputs
        {
            Rosh = rosh,
            RsrPercent = request.RsrPercent,
            OgrsPercent = request.OgrsPercent,
            MappaLevel = request.MappaLevel ?? 0,
            ComplexityFactors = factors,
            Iom = request.Iom ?? false,
            ChangeRequired = request.ChangeRequired ?? true,
            Needs = needs,
            IsFemale = request.Gender == "FEMALE",
            ParentingResponsibilities = request.ParentingResponsibilities ?? false,
            ImpulsivityOrTemperControl = request.ImpulsivityOrTemperControl ?? false,
            BreachOrRecallInLast12Months = request.BreachOrRecallInLast12Months ?? false,
        };
        return (inputs, policy, errors);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<TieringScheduleEntryDto>> Schedule(TieringPolicies policies) =>
        TypedResults.Ok<IReadOnlyList<TieringScheduleEntryDto>>([.. policies.Schedule.Entries.Select(e =>
            new TieringScheduleEntryDto(e.From == DateOnly.MinValue ? null : e.From, e.Policy.Name, e.Policy.Version, e.Policy.Tiers))]);

    private static async Task<IResult> ListAssessments(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
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

        var query = db.RiskAssessments.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Assessments, ct);
        return TypedResults.Ok(new PagedList<RiskAssessmentDto>([.. items.Select(a => ToDto(a, person.Crn))], paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> GetAssessment(string crn, int id, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        var assessment = person is null ? null : await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.PersonId == person.Id, ct);
        if (assessment is null)
        {
            return ApiResults.NotFound("Assessment");
        }

        await AuditTrail.RecordViewAsync(db, person!.Id, AuditTrail.Assessments, ct, nameof(RiskAssessment), PeopleApi.Id(id));
        return ApiResults.OkVersioned(http, ToDto(assessment, person.Crn), assessment.Version);
    }

    /// <summary>Turns the request's keyed needs into domain details, naming unknown keys.</summary>
    internal static (RiskAssessmentDetails Details, ValidationErrors Errors) ToDetails(RiskAssessmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        Dictionary<NeedArea, NeedSeverity>? needs = null;
        if (request.Needs is { } given)
        {
            needs = [];
            foreach (var (key, severity) in given)
            {
                if (NeedAreas.FromKey(key) is { } area)
                {
                    needs[area] = severity;
                }
                else
                {
                    errors.Add("needs", $"'{key}' is not a need area; use {string.Join(", ", Enum.GetValues<NeedArea>().Select(NeedAreas.Key))}");
                }
            }
        }

        return (new RiskAssessmentDetails(
            request.AssessedOn, request.Layer, request.IsComplete, request.Rosh, request.RoshChildren, request.RoshPublic, request.RoshKnownAdult,
            request.RoshStaff, request.RoshPrisoners, request.RsrPercent, request.OgrsPercent, needs, request.ParentingResponsibilities,
            request.ImpulsivityOrTemperControl, request.Notes), errors);
    }

    private static async Task<IResult> CreateAssessment(
        string crn, ClaimsPrincipal user, RiskAssessmentRequest request, HttpContext http, OpenProbationDbContext db, TieringPolicies policies,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var (details, errors) = ToDetails(request);
        errors.Merge(details.Validate(clock.Today(), person.DateOfBirth));
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var assessment = await RecordAssessmentAsync(db, person.Id, details, ApiResults.UserName(http), clock, ct);
        var outcome = await CaseTiers.RecalculateAsync(db, policies, person.Id, CaseTiers.AssessmentRecorded, clock.Today(), clock.GetUtcNow(), ct);
        var (current, pending) = await TiersOfAsync(db, person.Id, person.Crn, ct);
        return TypedResults.Created($"/api/v1/people/{person.Crn}/assessments/{assessment.Id}",
            new AssessmentRecordedDto(ToDto(assessment, person.Crn), outcome, current, pending));
    }

    /// <summary>Saves a validated assessment (the page and the API share it).</summary>
    internal static async Task<RiskAssessment> RecordAssessmentAsync(
        OpenProbationDbContext db, int personId, RiskAssessmentDetails details, string who, TimeProvider clock, CancellationToken ct)
    {
        var assessment = new RiskAssessment { PersonId = personId, AssessedBy = who, RecordedAt = clock.GetUtcNow() };
        assessment.Apply(details);
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    private static async Task<IResult> ListNamed(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
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

        var items = await db.NamedAssessments.AsNoTracking().Where(a => a.PersonId == person.Id).OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .ToPageAsync(paging, a => new NamedAssessmentDto(a.Id, person.Crn, a.Tool, a.ToolName, a.Result, a.AssessedOn, a.Notes, a.AssessedBy, a.RecordedAt, a.Version), ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Assessments, ct);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> CreateNamed(
        string crn, ClaimsPrincipal user, NamedAssessmentDetails request, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = request.Validate(clock.Today());
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var named = new NamedAssessment { PersonId = person.Id, AssessedBy = ApiResults.UserName(http), RecordedAt = clock.GetUtcNow() };
        named.Apply(request);
        db.NamedAssessments.Add(named);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/people/{person.Crn}/named-assessments/{named.Id}",
            new NamedAssessmentDto(named.Id, person.Crn, named.Tool, named.ToolName, named.Result, named.AssessedOn, named.Notes, named.AssessedBy, named.RecordedAt, named.Version));
    }

    /// <summary>A person's current tier and pending downgrade.</summary>
    internal static async Task<(CaseTierDto? Current, CaseTierDto? Pending)> TiersOfAsync(OpenProbationDbContext db, int personId, string crn, CancellationToken ct)
    {
        var open = await db.CaseTiers.AsNoTracking()
            .Where(t => t.PersonId == personId
                && (t.Status == CaseTierStatus.Current || t.Status == CaseTierStatus.AwaitingReason || t.Status == CaseTierStatus.AwaitingCountersignature))
            .ToListAsync(ct);
        return (open.FirstOrDefault(t => t.Status == CaseTierStatus.Current) is { } c ? ToDto(c, crn) : null,
            open.FirstOrDefault(t => t.IsPending) is { } p ? ToDto(p, crn) : null);
    }

    private static async Task<IResult> GetTier(string crn, ClaimsPrincipal user, OpenProbationDbContext db, CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var (current, pending) = await TiersOfAsync(db, person.Id, person.Crn, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Tier, ct);
        return TypedResults.Ok(new PersonTierDto(person.Crn, current, pending));
    }

    private static async Task<IResult> ListTiers(string crn, ClaimsPrincipal user, OpenProbationDbContext db, int? page, int? pageSize, CancellationToken ct)
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

        var query = db.CaseTiers.AsNoTracking().Where(t => t.PersonId == person.Id).OrderByDescending(t => t.CalculatedAt).ThenByDescending(t => t.Id);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.Tier, ct);
        return TypedResults.Ok(new PagedList<CaseTierDto>([.. items.Select(t => ToDto(t, person.Crn))], paging.Page, paging.PageSize, total));
    }

    private static async Task<IResult> Recalculate(
        string crn, TierRecalculationRequest request, ClaimsPrincipal user, OpenProbationDbContext db, TieringPolicies policies, TimeProvider clock,
        CancellationToken ct)
    {
        var person = await PeopleApi.FindAsync(db, user, crn, track: false, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var errors = new ValidationErrors().MaxLength("reason", request.Reason, MaxRecalculationReason, "reason");
        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var trigger = string.IsNullOrWhiteSpace(request.Reason) ? "recalculated on request" : $"recalculated on request: {request.Reason.Trim()}";
        await CaseTiers.RecalculateAsync(db, policies, person.Id, trigger, clock.Today(), clock.GetUtcNow(), ct);
        var (current, pending) = await TiersOfAsync(db, person.Id, person.Crn, ct);
        return TypedResults.Ok(new PersonTierDto(person.Crn, current, pending));
    }

    private static async Task<IResult> ListChanges(ClaimsPrincipal user, OpenProbationDbContext db, CaseTierStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = Paging.Create(page, pageSize, errors);
        if (status is not (null or CaseTierStatus.AwaitingReason or CaseTierStatus.AwaitingCountersignature))
        {
            errors.Add("status", "Status must be AwaitingReason or AwaitingCountersignature");
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var query = db.CaseTiers.AsNoTracking().WhereVisible(t => t.Person!, user)
            .Where(t => status == null ? t.Status == CaseTierStatus.AwaitingReason || t.Status == CaseTierStatus.AwaitingCountersignature : t.Status == status)
            .OrderBy(t => t.CalculatedAt).ThenBy(t => t.Id);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(paging.Skip).Take(paging.PageSize).Select(t => new { Tier = t, t.Person!.Crn }).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<CaseTierDto>([.. rows.Select(r => ToDto(r.Tier, r.Crn))], paging.Page, paging.PageSize, total));
    }

    private static async Task<CaseTier?> FindChangeAsync(OpenProbationDbContext db, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await db.CaseTiers.WhereVisible(t => t.Person!, user).Include(t => t.Person).SingleOrDefaultAsync(t => t.Id == id, ct);

    private static async Task<IResult> GiveReason(int id, TierReasonRequest request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var proposal = await FindChangeAsync(db, user, id, ct);
        if (proposal is null)
        {
            return ApiResults.NotFound("Tier change");
        }

        if (ApiResults.VersionProblem(http.Request, proposal) is { } stale)
        {
            return stale;
        }

        var errors = await CaseTiers.GiveReasonAsync(db, proposal, request.Reason, ApiResults.UserName(http), clock.Today(), clock.GetUtcNow(), ct);
        return errors.IsValid ? ApiResults.OkVersioned(http, ToDto(proposal, proposal.Person!.Crn), proposal.Version) : ApiResults.Invalid(errors);
    }

    private static async Task<IResult> Countersign(int id, TierCountersignRequest request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var proposal = await FindChangeAsync(db, user, id, ct);
        if (proposal is null)
        {
            return ApiResults.NotFound("Tier change");
        }

        if (ApiResults.VersionProblem(http.Request, proposal) is { } stale)
        {
            return stale;
        }

        if (request.Approve is not { } approve)
        {
            return ApiResults.Invalid(new ValidationErrors().Add("approve", "Say whether you countersign (true) or refuse (false) the downgrade"));
        }

        var errors = await CaseTiers.CountersignAsync(db, proposal, approve, request.Note, ApiResults.UserName(http), clock.Today(), clock.GetUtcNow(), ct);
        return errors.IsValid ? ApiResults.OkVersioned(http, ToDto(proposal, proposal.Person!.Crn), proposal.Version) : ApiResults.Invalid(errors);
    }

    internal static TierWorkingDto ToDto(TierWorkingLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.Input, line.Points, line.Axis == TierAxis.Protect ? "protect" : "change", line.Counted, line.Note);
    }

    internal static CaseTierDto ToDto(CaseTier t, string crn)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id, crn, t.Policy, t.PolicyVersion, t.Tier, t.ProtectLevel, t.ChangeLevel, t.ProtectPoints, t.ChangePoints,
            [.. CaseTiers.Working(t).Select(ToDto)], t.AssessmentId, t.FullAssessmentId, t.Direction, t.Status, t.Trigger, t.PreviousTier, t.CalculatedAt,
            t.AppliedAt, t.CountersignatureRequired, t.CountersignatureWhy, t.Reason, t.ReasonBy, t.ReasonAt, t.CountersignedBy, t.CountersignedAt,
            t.CountersignNote, t.Version);
    }

    internal static RiskAssessmentDto ToDto(RiskAssessment a, string crn)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, crn, a.AssessedOn, a.Layer, a.IsComplete, a.Rosh, a.RoshChildren, a.RoshPublic, a.RoshKnownAdult, a.RoshStaff, a.RoshPrisoners,
            a.RsrPercent, a.OgrsPercent, a.Needs().ToDictionary(n => NeedAreas.Key(n.Key), n => n.Value), a.ParentingResponsibilities,
            a.ImpulsivityOrTemperControl, a.Notes, a.AssessedBy, a.RecordedAt, a.Version);
    }

}
