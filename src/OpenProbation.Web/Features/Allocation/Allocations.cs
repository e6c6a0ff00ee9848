using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tiering;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Allocation;

/// <summary>An order waiting for a responsible officer, with what the manager needs to choose one.</summary>
/// <param name="OrderId">The order (the "event").</param>
/// <param name="PersonId">The person.</param>
/// <param name="Crn">Their CRN.</param>
/// <param name="Name">Their name.</param>
/// <param name="Type">Kind of order.</param>
/// <param name="Court">Sentencing court.</param>
/// <param name="Offence">Main offence.</param>
/// <param name="SentenceDate">Date of sentence.</param>
/// <param name="StartDate">First day of supervision (the release day for a licence).</param>
/// <param name="ExpectedEndDate">Expected end.</param>
/// <param name="TeamId">The team whose queue it is in; empty when no team was named.</param>
/// <param name="TeamName">That team's name.</param>
/// <param name="DeliveryUnitId">That team's delivery unit.</param>
/// <param name="Tier">Current tier, if calculated.</param>
/// <param name="Markers">Active markers, in words.</param>
/// <param name="Requirements">The order's requirements, in words.</param>
/// <param name="Clock">The allocation clock.</param>
/// <param name="Case">What the allocation rules see.</param>
/// <param name="Transfers">Moves between queues, oldest first.</param>
public sealed record QueuedCase(
    int OrderId,
    int PersonId,
    string Crn,
    string Name,
    OrderType Type,
    string Court,
    string Offence,
    DateOnly SentenceDate,
    DateOnly StartDate,
    DateOnly ExpectedEndDate,
    int? TeamId,
    string? TeamName,
    int? DeliveryUnitId,
    string? Tier,
    IReadOnlyList<string> Markers,
    IReadOnlyList<string> Requirements,
    AllocationClockReading Clock,
    AllocationCase Case,
    IReadOnlyList<CaseTransfer> Transfers);

/// <summary>What allocating (or reallocating) an order to an officer asks for.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="StaffMemberId">The new responsible officer.</param>
/// <param name="Reason">Why; defaults to "Allocated from the queue" or "Reallocated".</param>
/// <param name="HandoverNote">Instructions or handover for the new officer.</param>
/// <param name="OverrideReason">A manager's reason for allocating despite a hard rule.</param>
/// <param name="FromDate">First day of responsibility; today unless given.</param>
/// <param name="RequireReason">True where the route asks for a reason rather than recording a default.</param>
/// <param name="ExpectUnallocated">True for an allocation from the queue: a case someone else allocated meanwhile is refused, not reallocated.</param>
public sealed record AllocationAttempt(
    int OrderId,
    int? StaffMemberId,
    string? Reason,
    string? HandoverNote,
    string? OverrideReason,
    DateOnly? FromDate = null,
    bool RequireReason = false,
    bool ExpectUnallocated = false);

/// <summary>How an allocation went: made, invalid, refused by a hard rule, or not found.</summary>
public sealed record AllocationOutcome
{
    /// <summary>The new assignment, when made.</summary>
    public Assignment? Assignment { get; init; }

    /// <summary>Field errors (nothing saved).</summary>
    public ValidationErrors Errors { get; init; } = new();

    /// <summary>The hard rules the allocation breaks, when refused for want of an override (nothing saved).</summary>
    public IReadOnlyList<RuleBreach> Breaches { get; init; } = [];

    /// <summary>True when an override was given by someone who may not override.</summary>
    public bool OverrideNotAllowed { get; init; }

    /// <summary>The officer who already holds a case that was expected to be unallocated.</summary>
    public string? AlreadyAllocatedTo { get; init; }

    /// <summary>True when the order does not exist or the user may not see it.</summary>
    public bool NotFound { get; init; }

    /// <summary>True when the allocation was made.</summary>
    public bool Succeeded => Assignment is not null;
}

/// <summary>
/// The allocation queue, the ranked suggestions and allocation itself, shared by the pages and the API so that both
/// apply the same hard rules (PRACTICE.md section 7, line 3): no case to someone away in the induction window, none with
/// high-risk or safeguarding markers to a PSO or trainee, none above the capacity ceiling, without a manager's
/// recorded override. Everything is read from the record on each request.
/// </summary>
public static class Allocations
{
    /// <summary>Default reasons recorded when the manager gives none.</summary>
    public const string AllocatedReason = "Allocated from the queue";

    /// <summary>Default reason for a reallocation.</summary>
    public const string ReallocatedReason = "Reallocated";

    /// <summary>
    /// The queue: live orders with no responsible officer that <paramref name="user"/> may see, in the given teams' queues
    /// (and those with no team) or all when <paramref name="teamIds"/> is empty; longest waiting first.
    /// </summary>
    public static async Task<IReadOnlyList<QueuedCase>> QueueAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, IReadOnlyCollection<int>? teamIds,
        DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.VisibleOrders(user).AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached) && !o.Assignments.Any(a => a.ToDate == null));
        if (teamIds is { Count: > 0 })
        {
            query = query.Where(o => o.AllocationTeamId == null || teamIds.Contains(o.AllocationTeamId.Value));
        }

        var orderIds = await query.Select(o => o.Id).ToListAsync(ct);
        var cases = await DescribeAsync(db, policies, contacts, orderIds, today, ct);
        return [.. cases.OrderByDescending(c => c.Clock.IsOverdue).ThenByDescending(c => c.Clock.WorkingDaysOverdue).ThenBy(c => c.Clock.Arrived).ThenBy(c => c.OrderId)];
    }

    /// <summary>One order as the queue shows it, whether or not it is still unallocated; empty when not found or not visible.</summary>
    public static async Task<QueuedCase?> FindAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, int orderId, DateOnly today,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.VisibleOrders(user).AnyAsync(o => o.Id == orderId, ct))
        {
            return null;
        }

        return (await DescribeAsync(db, policies, contacts, [orderId], today, ct)).SingleOrDefault();
    }

    /// <summary>
    /// The officers who could take the case, ranked by <see cref="AllocationRules.Rank"/> with their reasons: the
    /// case-holding officers in post in the delivery unit of the case's team (the user's own delivery unit when the case
    /// has no team, everyone when neither is known), excluding the current responsible officer.
    /// </summary>
    public static async Task<IReadOnlyList<AllocationSuggestion>> SuggestAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, QueuedCase queued, DateOnly today,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queued);
        var unit = queued.DeliveryUnitId ?? await UserDeliveryUnitAsync(db, user, ct);
        var staff = db.Staff.AsNoTracking().Where(s => s.StartDate <= today && (s.EndDate == null || s.EndDate >= today));
        if (unit is { } u)
        {
            staff = staff.Where(s => s.Team!.DeliveryUnitId == u);
        }

        var current = await db.Assignments.AsNoTracking().Where(a => a.OrderId == queued.OrderId && a.ToDate == null).Select(a => (int?)a.StaffMemberId).SingleOrDefaultAsync(ct);
        var ids = (await staff.Select(s => new { s.Id, s.Grade }).ToListAsync(ct))
            .Where(s => StaffGrades.CanHoldCases(s.Grade) && s.Id != current).Select(s => s.Id).ToList();
        var candidates = await CandidatesAsync(db, user, policies, contacts, queued.OrderId, ids, today, ct);
        return AllocationRules.Rank(queued.Case, candidates, today, contacts.Calendar, policies.Allocation);
    }

    /// <summary>
    /// Allocates (or reallocates) an order: the assignment rules, the case's access list, then the hard rules, which a
    /// manager (<paramref name="mayOverride"/>) may override with a reason. The sending and receiving workloads change at
    /// once because nothing is stored but the assignment.
    /// </summary>
    public static async Task<AllocationOutcome> AllocateAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, AllocationAttempt attempt,
        bool mayOverride, string userName, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        var order = await db.VisibleOrders(user).SingleOrDefaultAsync(o => o.Id == attempt.OrderId, ct);
        if (order is null)
        {
            return new AllocationOutcome { NotFound = true };
        }

        var officer = attempt.StaffMemberId is { } sid ? await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sid, ct) : null;
        var current = await db.Assignments.Include(a => a.StaffMember).SingleOrDefaultAsync(a => a.OrderId == order.Id && a.ToDate == null, ct);
        if (attempt.ExpectUnallocated && current is not null)
        {
            return new AllocationOutcome { AlreadyAllocatedTo = current.StaffMember!.FullName };
        }

        var reason = string.IsNullOrWhiteSpace(attempt.Reason) && !attempt.RequireReason
            ? (current is null ? AllocatedReason : ReallocatedReason)
            : attempt.Reason;
        var errors = AssignmentRules.Validate(new AssignmentDetails(attempt.StaffMemberId, attempt.FromDate, reason), order, officer, current, today)
            .MaxLength("handoverNote", attempt.HandoverNote, FieldLimits.Note, "the handover note")
            .MaxLength("overrideReason", attempt.OverrideReason, FieldLimits.Note, "the reason for overriding");
        if (errors.IsValid)
        {
            errors.Merge(await OfficerAccessAsync(db, order.PersonId, officer!, ct));
        }

        if (!errors.IsValid)
        {
            return new AllocationOutcome { Errors = errors };
        }

        // The rules look from the first day of responsibility: the induction window and capacity start then.
        var from = attempt.FromDate is { } start && start > today ? start : today;
        var queued = (await DescribeAsync(db, policies, contacts, [order.Id], from, ct)).Single();
        var candidate = (await CandidatesAsync(db, user, policies, contacts, order.Id, [officer!.Id], from, ct)).Single();
        var breaches = AllocationRules.Check(queued.Case, candidate, from, contacts.Calendar, policies.Allocation);
        var overrideReason = string.IsNullOrWhiteSpace(attempt.OverrideReason) ? null : attempt.OverrideReason.Trim();
        if (breaches.Count > 0)
        {
            if (overrideReason is null)
            {
                return new AllocationOutcome { Breaches = breaches };
            }

            if (!mayOverride)
            {
                return new AllocationOutcome { Breaches = breaches, OverrideNotAllowed = true };
            }

            var overrideErrors = AllocationRules.ValidateOverride(breaches, overrideReason, policies.Allocation);
            if (!overrideErrors.IsValid)
            {
                return new AllocationOutcome { Errors = overrideErrors, Breaches = breaches };
            }
        }

        var fromDate = attempt.FromDate ?? today;
        if (current is not null)
        {
            current.ToDate = fromDate;
        }

        var assignment = new Assignment
        {
            OrderId = order.Id,
            StaffMemberId = officer.Id,
            FromDate = fromDate,
            Reason = reason!.Trim(),
            HandoverNote = string.IsNullOrWhiteSpace(attempt.HandoverNote) ? null : attempt.HandoverNote.Trim(),
            OverrideReason = breaches.Count > 0 ? overrideReason : null,
            OverriddenRules = breaches.Count > 0 ? string.Join(',', breaches.Select(b => AllocationRules.Key(b.Rule)).Distinct()) : null,
            AssignedBy = userName,
            CreatedAt = now,
        };
        db.Assignments.Add(assignment);

        // The order's version moves with every allocation, so two managers allocating the same case at once cannot both succeed.
        db.Entry(order).Property(o => o.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        return new AllocationOutcome { Assignment = assignment, Breaches = breaches };
    }

    /// <summary>
    /// Moves an unallocated order to another team's queue with a reason; the clock keeps running from the day it
    /// arrived. Errors when the order is allocated, ended, or already in that queue.
    /// </summary>
    public static async Task<(CaseTransfer? Transfer, ValidationErrors Errors, bool NotFound)> TransferAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, int orderId, int? teamId, string? reason, string userName, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var order = await db.VisibleOrders(user).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return (null, new ValidationErrors(), true);
        }

        var errors = new ValidationErrors()
            .Present("teamId", teamId, "Select the team to send the case to")
            .Required("reason", reason, FieldLimits.Note, "the reason for the transfer");
        if (teamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, ct))
        {
            errors.Add("teamId", "There is no team with that id");
        }
        else if (teamId is not null && teamId == order.AllocationTeamId)
        {
            errors.Add("teamId", "The case is already in that team's queue");
        }

        if (!order.IsLive)
        {
            errors.Add("teamId", "The order has ended: it is not waiting for allocation");
        }
        else if (await db.Assignments.AnyAsync(a => a.OrderId == orderId && a.ToDate == null, ct))
        {
            errors.Add("teamId", "The case already has a responsible officer: reallocate it instead");
        }

        if (!errors.IsValid)
        {
            return (null, errors, false);
        }

        var transfer = new CaseTransfer
        {
            OrderId = orderId,
            FromTeamId = order.AllocationTeamId,
            ToTeamId = teamId!.Value,
            Reason = reason!.Trim(),
            TransferredBy = userName,
            TransferredAt = now,
        };
        order.AllocationTeamId = teamId;
        db.CaseTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return (transfer, errors, false);
    }

    /// <summary>The delivery unit of the user's own team, if they are a member of staff.</summary>
    public static async Task<int?> UserDeliveryUnitAsync(OpenProbationDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OpenProbationClaims.StaffMemberIdOf(user) is { } me
            ? await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.Team!.DeliveryUnitId).SingleOrDefaultAsync(ct)
            : null;
    }

    /// <summary>The teams of a delivery unit.</summary>
    public static async Task<List<int>> TeamsOfUnitAsync(OpenProbationDbContext db, int deliveryUnitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Teams.AsNoTracking().Where(t => t.DeliveryUnitId == deliveryUnitId).Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>The case's access list must not keep the officer out (a restricted case's officer must be allowed).</summary>
    internal static async Task<ValidationErrors> OfficerAccessAsync(OpenProbationDbContext db, int personId, StaffMember officer, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.StaffMemberId == officer.Id && u.NormalizedUserName != null)
            .Select(u => u.NormalizedUserName!).ToListAsync(ct);
        var entries = await db.CaseAccessEntries.AsNoTracking()
            .Where(e => e.PersonId == personId && e.RemovedAt == null && accounts.Contains(e.NormalizedUserName))
            .Select(e => e.Kind).Distinct().ToListAsync(ct);
        var restricted = await db.CaseRestrictions.AnyAsync(r => r.PersonId == personId && r.IsRestricted, ct);
        return CaseAccessRules.ValidateResponsibleOfficer(
            officer.FullName, restricted, entries.Contains(CaseAccessKind.Allowed), entries.Contains(CaseAccessKind.Excluded));
    }

    private static async Task<List<AllocationCandidate>> CandidatesAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, int orderId, IReadOnlyCollection<int> staffIds,
        DateOnly today, CancellationToken ct)
    {
        var end = AllocationRules.WindowEnd(today, contacts.Calendar, policies.Allocation);
        var workloads = await OfficerWorkloads.LoadTakingAsync(db, user, policies, contacts, staffIds, today, orderId, ct);
        var absences = (await db.Absences.AsNoTracking()
                .Where(a => staffIds.Contains(a.StaffMemberId) && a.EndDate >= today && a.StartDate <= end)
                .ToListAsync(ct))
            .ToLookup(a => a.StaffMemberId);
        return [.. workloads.Select(w => new AllocationCandidate(
            w.Now.Officer.Id,
            w.Now.Officer.FullName,
            w.Now.Officer.Grade,
            w.Now.Officer.TeamId,
            WorkloadCapacity.Percent(w.Now.Points, w.Now.Time),
            WorkloadCapacity.Percent(w.After.Points, w.After.Time),
            [.. absences[w.Now.Officer.Id]]))];
    }

    private static async Task<List<QueuedCase>> DescribeAsync(
        OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, List<int> orderIds, DateOnly today, CancellationToken ct)
    {
        if (orderIds.Count == 0)
        {
            return [];
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => orderIds.Contains(o.Id))
            .Select(o => new
            {
                o.Id, o.PersonId, o.Person!.Crn, o.Person.FirstName, o.Person.LastName, o.Type, o.Court, o.Offence, o.SentenceDate, o.StartDate,
                o.ExpectedEndDate, o.AllocationTeamId,
            })
            .ToListAsync(ct);
        var people = orders.Select(o => o.PersonId).Distinct().ToList();
        var teamIds = orders.Where(o => o.AllocationTeamId != null).Select(o => o.AllocationTeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var tiers = await db.CaseTiers.AsNoTracking()
            .Where(t => people.Contains(t.PersonId) && t.Status == CaseTierStatus.Current)
            .ToDictionaryAsync(t => t.PersonId, t => t.Tier, ct);
        var rosh = (await db.RiskAssessments.AsNoTracking()
                .Where(a => people.Contains(a.PersonId) && a.AssessedOn <= today)
                .Select(a => new { a.PersonId, a.AssessedOn, a.Id, a.Rosh })
                .ToListAsync(ct))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).First().Rosh);
        var markers = (await db.Markers.AsNoTracking()
                .Where(m => people.Contains(m.PersonId) && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                .ToListAsync(ct))
            .ToLookup(m => m.PersonId);
        var requirements = (await db.Requirements.AsNoTracking()
                .Where(r => orderIds.Contains(r.OrderId) && r.Status != RequirementStatus.Completed && r.Status != RequirementStatus.Terminated)
                .ToListAsync(ct))
            .ToLookup(r => r.OrderId);
        var previous = (await db.Assignments.AsNoTracking()
                .Where(a => people.Contains(a.Order!.PersonId))
                .Select(a => new { a.Order!.PersonId, a.StaffMemberId })
                .ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => a.StaffMemberId);
        var transfers = (await db.CaseTransfers.AsNoTracking().Where(t => orderIds.Contains(t.OrderId)).OrderBy(t => t.TransferredAt).ThenBy(t => t.Id).ToListAsync(ct))
            .ToLookup(t => t.OrderId);

        return [.. orders.Select(o =>
        {
            var personMarkers = markers[o.PersonId].ToList();
            var team = o.AllocationTeamId is { } tid ? teams.GetValueOrDefault(tid) : null;
            var arrived = AllocationClock.Arrival(o.Type, o.SentenceDate, o.StartDate);
            return new QueuedCase(
                o.Id,
                o.PersonId,
                o.Crn,
                $"{o.FirstName} {o.LastName}",
                o.Type,
                o.Court,
                o.Offence,
                o.SentenceDate,
                o.StartDate,
                o.ExpectedEndDate,
                team?.Id,
                team?.Name,
                team?.DeliveryUnitId,
                tiers.GetValueOrDefault(o.PersonId),
                [.. personMarkers.OrderBy(m => m.Type).Select(m => Wording.Marker(m.Type, m.MappaLevel, m.MappaCategory))],
                [.. requirements[o.Id].Select(r => Wording.Size(r) is { } size ? $"{Wording.Requirement(r.Type)} ({size})" : Wording.Requirement(r.Type))],
                AllocationClock.Read(arrived, today, contacts.Calendar, policies.Allocation),
                new AllocationCase(
                    rosh.TryGetValue(o.PersonId, out var level) ? level : null,
                    personMarkers.Exists(m => m.Type == MarkerType.ChildProtection),
                    personMarkers.Exists(m => m.Type == MarkerType.DomesticAbuse),
                    personMarkers.Exists(m => m.Type == MarkerType.Mappa),
                    previous[o.PersonId].ToHashSet(),
                    team?.Id),
                [.. transfers[o.Id]]);
        })];
    }
}
