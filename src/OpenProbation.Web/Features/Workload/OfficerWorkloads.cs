using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tiering;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Features.Workload;

/// <summary>One officer's workload on a day by both models, with the cases and reductions behind it.</summary>
/// <param name="Officer">The officer.</param>
/// <param name="Points">The points model.</param>
/// <param name="Time">The time model for the month containing the day.</param>
/// <param name="Cases">Each case counted, with its person (for links) when the reader may see it.</param>
/// <param name="Reductions">The officer's reductions, current and past.</param>
/// <param name="AbsentToday">An absence covering the day, if any.</param>
/// <param name="ReductionHoursToday">Hours a week each reduction (by id) takes off on the day, by the rules in force.</param>
public sealed record OfficerWorkload(
    StaffMember Officer,
    PointsWorkloadResult Points,
    TimeWorkloadResult Time,
    IReadOnlyList<CountedCase> Cases,
    IReadOnlyList<Reduction> Reductions,
    StaffAbsence? AbsentToday,
    IReadOnlyDictionary<int, decimal> ReductionHoursToday)
{
    /// <summary>Over capacity by either model (<see cref="WorkloadCapacity.IsOver"/>).</summary>
    public bool IsOverCapacity => WorkloadCapacity.IsOver(Points, Time, Cases.Count);

    /// <summary>Cases by tier, most intensive first as the table lists them; untiered last.</summary>
    public IReadOnlyList<(string Tier, int Count)> ByTier =>
        [.. Cases.GroupBy(c => c.Case.Tier ?? "").OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))];
}

/// <summary>A case as counted on a workload.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Visible">False for a restricted case the reader may not see: it counts, but is shown only as "restricted case".</param>
/// <param name="Case">What the models saw.</param>
/// <param name="Points">Its points line.</param>
/// <param name="Hours">Its hours line.</param>
public sealed record CountedCase(int PersonId, bool Visible, WorkloadCase Case, WorkloadLine Points, WorkloadLine Hours);

/// <summary>
/// Loads and calculates workloads for a batch of officers in a fixed number of queries whatever the batch's size: staff,
/// current assignments on live orders, tiers, latest assessments, requirements, warrant markers, reports, absences and
/// reductions. Every case on the caseload counts (workload counts all the work); a restricted case the reader may not
/// see is counted without its reference. Nothing is stored: the figures follow the record the moment it changes.
/// </summary>
public static class OfficerWorkloads
{
    /// <summary>The label for a case the reader may not see.</summary>
    public const string RestrictedLabel = "Restricted case";

    /// <summary>The team's case-holding officers in post on <paramref name="day"/>, by last then first name.</summary>
    public static async Task<List<int>> TeamOfficersAsync(OpenProbationDbContext db, int teamId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.Staff.AsNoTracking()
                .Where(s => s.TeamId == teamId && s.StartDate <= day && (s.EndDate == null || s.EndDate >= day))
                .Select(s => new { s.Id, s.Grade, s.LastName, s.FirstName })
                .ToListAsync(ct))
            .Where(s => StaffGrades.CanHoldCases(s.Grade))
            .OrderBy(s => s.LastName, StringComparer.Ordinal).ThenBy(s => s.FirstName, StringComparer.Ordinal).Select(s => s.Id).ToList();
    }

    /// <summary>Each officer's workload on <paramref name="today"/>, in the order asked; unknown ids are left out.</summary>
    public static async Task<IReadOnlyList<OfficerWorkload>> LoadAsync(
        OpenProbationDbContext db,
        ClaimsPrincipal user,
        WorkloadPolicies policies,
        ContactPolicies contacts,
        IReadOnlyCollection<int> staffIds,
        DateOnly today,
        CancellationToken ct) =>
        [.. (await LoadAsync(db, user, policies, contacts, staffIds, today, null, ct)).Select(w => w.Now)];

    /// <summary>
    /// Each officer's workload now and as it would be if they also held <paramref name="takingOrderId"/> (capacity
    /// after allocation), from one load of the record: ranking a delivery unit's officers reads it once, not twice.
    /// </summary>
    public static async Task<IReadOnlyList<(OfficerWorkload Now, OfficerWorkload After)>> LoadTakingAsync(
        OpenProbationDbContext db,
        ClaimsPrincipal user,
        WorkloadPolicies policies,
        ContactPolicies contacts,
        IReadOnlyCollection<int> staffIds,
        DateOnly today,
        int takingOrderId,
        CancellationToken ct) =>
        [.. (await LoadAsync(db, user, policies, contacts, staffIds, today, takingOrderId, ct)).Select(w => (w.Now, w.After ?? w.Now))];

    private static async Task<List<(OfficerWorkload Now, OfficerWorkload? After)>> LoadAsync(
        OpenProbationDbContext db,
        ClaimsPrincipal user,
        WorkloadPolicies policies,
        ContactPolicies contacts,
        IReadOnlyCollection<int> staffIds,
        DateOnly today,
        int? takingOrderId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(contacts);
        var ids = staffIds.Distinct().ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        // Live orders only, filtered here: in SQL, SQLite would walk the status index over every live order (see CaseCompliance).
        var assignments = (await db.Assignments.AsNoTracking()
                .Where(a => ids.Contains(a.StaffMemberId) && a.ToDate == null)
                .Select(a => new { a.StaffMemberId, a.OrderId, a.Order!.PersonId, a.Order.Type, a.Order.Status, a.Order.Person!.Crn })
                .ToListAsync(ct))
            .Where(a => a.Status is OrderStatus.Active or OrderStatus.Breached)
            .ToList();
        var taken = assignments.Take(0).ToList(); // the same anonymous shape, empty
        if (takingOrderId is { } taking
            && await db.Orders.AsNoTracking().Where(o => o.Id == taking).Select(o => new { o.PersonId, o.Type, o.Status, o.Person!.Crn }).SingleOrDefaultAsync(ct) is { } order)
        {
            var holders = assignments.Where(a => a.OrderId == taking).Select(a => a.StaffMemberId).ToHashSet();
            taken.AddRange(ids.Where(id => !holders.Contains(id))
                .Select(id => new { StaffMemberId = id, OrderId = taking, order.PersonId, order.Type, order.Status, order.Crn }));
        }

        // The people and orders as subqueries, not lists: a delivery unit's caseload is thousands of ids, and SQLite
        // plans and binds a parameter list that long slowly (ten times the query's own cost at 10,000 people).
        var held = db.Assignments.Where(a => ids.Contains(a.StaffMemberId) && a.ToDate == null);
        var orderIds = held.Select(a => a.OrderId).Concat(db.Orders.Where(o => o.Id == takingOrderId).Select(o => o.Id));
        var people = held.Select(a => a.Order!.PersonId).Concat(db.Orders.Where(o => o.Id == takingOrderId).Select(o => o.PersonId));
        var visible = (await db.VisiblePeople(user).AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var tiers = await db.CaseTiers.AsNoTracking()
            .Where(c => people.Contains(c.PersonId) && c.Status == CaseTierStatus.Current)
            .ToDictionaryAsync(c => c.PersonId, c => c.Tier, ct);
        var layers = (await db.RiskAssessments.AsNoTracking()
                .Where(a => people.Contains(a.PersonId) && a.AssessedOn <= today)
                .Select(a => new { a.PersonId, a.AssessedOn, a.Id, a.Layer })
                .ToListAsync(ct))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).First().Layer);
        var requirements = (await db.Requirements.AsNoTracking()
                .Where(r => orderIds.Contains(r.OrderId) && r.Status != RequirementStatus.Completed && r.Status != RequirementStatus.Terminated)
                .Select(r => new { r.OrderId, r.Type })
                .ToListAsync(ct))
            .ToLookup(r => r.OrderId, r => r.Type);
        var warrants = (await db.Markers.AsNoTracking()
            .Where(m => people.Contains(m.PersonId) && m.Type == MarkerType.Warrant && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => m.PersonId).ToListAsync(ct)).ToHashSet();
        var month = new DateOnly(today.Year, today.Month, 1);
        var horizon = today.AddDays(policies.Points.At(today).ReportHorizonDays);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var reportsUntil = horizon > monthEnd ? horizon : monthEnd;
        var reports = (await db.ReportRequests.AsNoTracking()
                .Where(r => ids.Contains(r.StaffMemberId) && r.CompletedOn == null && r.DueDate <= reportsUntil)
                .Select(r => new { r.StaffMemberId, r.PersonId, r.Type, r.DueDate, r.Person!.Crn })
                .ToListAsync(ct))
            .ToLookup(r => r.StaffMemberId, r => new WorkloadReport(r.Type, r.DueDate, visible.Contains(r.PersonId) ? r.Crn : RestrictedLabel));
        var absences = (await db.Absences.AsNoTracking()
                .Where(a => ids.Contains(a.StaffMemberId) && a.EndDate >= month && a.StartDate <= monthEnd)
                .ToListAsync(ct))
            .ToLookup(a => a.StaffMemberId);
        var reductions = (await db.Reductions.AsNoTracking().Where(r => ids.Contains(r.StaffMemberId)).ToListAsync(ct)).ToLookup(r => r.StaffMemberId);

        var points = policies.Points.At(today);
        var time = policies.Time.At(today);
        var byStaff = assignments.ToLookup(a => a.StaffMemberId);
        var takenBy = taken.ToLookup(a => a.StaffMemberId);
        var result = new List<(OfficerWorkload Now, OfficerWorkload? After)>();
        foreach (var officer in ids.Select(id => staff.Find(s => s.Id == id)).OfType<StaffMember>())
        {
            var officerReductions = reductions[officer.Id].OrderByDescending(r => r.StartDate).ToList();
            var officerAbsences = absences[officer.Id].ToList();
            OfficerWorkload Calculate(IEnumerable<(int OrderId, int PersonId, OrderType Type, OrderStatus Status, string Crn)> held)
            {
                var counted = held.GroupBy(a => a.PersonId).Select(g =>
                {
                    var types = g.Select(a => WorkloadCaseTypes.Of(a.Type)).ToList();
                    var type = WorkloadCaseTypes.MostDemanding(types);
                    var tier = tiers.GetValueOrDefault(g.Key);
                    var caseRequirements = g.SelectMany(a => requirements[a.OrderId]).ToList();
                    var shown = visible.Contains(g.Key);
                    var @case = new WorkloadCase(
                        shown ? g.First().Crn : RestrictedLabel,
                        type,
                        tier,
                        type == WorkloadCaseType.Custody ? null : contacts.Schedule.For(today, tier),
                        layers.TryGetValue(g.Key, out var layer) ? layer : null,
                        IsWarrant: warrants.Contains(g.Key),
                        IsUnpaidWorkOnly: type == WorkloadCaseType.Community && caseRequirements.Count > 0 && caseRequirements.TrueForAll(r => r == RequirementType.UnpaidWork),
                        InBreach: g.Any(a => a.Status == OrderStatus.Breached),
                        RarRequirements: caseRequirements.Count(r => r == RequirementType.Rar));
                    return new CountedCase(g.Key, shown, @case, PointsWorkload.ForCase(@case, points), TimeWorkload.ForCase(@case, time));
                }).OrderBy(c => c.Visible ? 0 : 1).ThenBy(c => c.Case.Crn, StringComparer.Ordinal).ToList();
                var cases = counted.Select(c => c.Case).ToList();
                return new OfficerWorkload(
                    officer,
                    PointsWorkload.ForOfficer(officer.Grade, officer.ContractedHours, cases, reports[officer.Id], officerReductions, today, points),
                    TimeWorkload.ForOfficer(officer.ContractedHours, officer.StartDate, officer.EndDate, cases, reports[officer.Id], officerAbsences, officerReductions, today, contacts.Calendar, time),
                    counted,
                    officerReductions,
                    officerAbsences.FirstOrDefault(a => a.Covers(today)),
                    officerReductions.ToDictionary(r => r.Id, r => points.Reductions.HoursOn(r, officer.ContractedHours, today)));
            }

            var holding = byStaff[officer.Id].Select(a => (a.OrderId, a.PersonId, a.Type, a.Status, a.Crn)).ToList();
            var now = Calculate(holding);
            // An officer who already holds the order is unchanged by taking it.
            var after = takingOrderId is null ? null
                : takenBy[officer.Id].Any() ? Calculate(holding.Concat(takenBy[officer.Id].Select(a => (a.OrderId, a.PersonId, a.Type, a.Status, a.Crn))))
                : now;
            result.Add((now, after));
        }

        return result;
    }
}
