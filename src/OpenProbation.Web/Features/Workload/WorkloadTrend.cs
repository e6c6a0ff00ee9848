using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Workload;

/// <summary>A week on the trend: the caseload from the allocation history, and the capacity where it was recorded.</summary>
/// <param name="Date">The day (today, then a week before, and so on).</param>
/// <param name="Officers">Case-holding officers in post that day.</param>
/// <param name="Cases">People held on live orders that day, from the assignments' dates.</param>
/// <param name="Recorded">Officers with a recorded workload for that day (<see cref="WorkloadSnapshot"/>); 0 before recording began.</param>
/// <param name="OverCapacity">Of those, how many were over capacity.</param>
/// <param name="MedianCapacity">Their median capacity; null when none was recorded or none had any capacity.</param>
public sealed record TrendWeek(DateOnly Date, int Officers, int Cases, int Recorded, int OverCapacity, decimal? MedianCapacity)
{
    /// <summary>Cases per officer in post, one decimal place.</summary>
    public decimal? CasesPerOfficer => Officers == 0 ? null : Math.Round((decimal)Cases / Officers, 1);
}

/// <summary>
/// The trend over time for a set of teams, week by week. The caseload comes from the record's own history
/// (assignment and order dates, counting officers by their current team), so it reaches back before anything was
/// recorded; capacity comes from the daily snapshots, so it starts the day recording began and is never made up.
/// </summary>
public static class WorkloadTrend
{
    /// <summary>The default span: twelve weeks.</summary>
    public const int Weeks = 12;

    public static async Task<IReadOnlyList<TrendWeek>> WeeksAsync(OpenProbationDbContext db, IReadOnlyCollection<int> teamIds, DateOnly today, CancellationToken ct, int weeks = Weeks)
    {
        ArgumentNullException.ThrowIfNull(db);
        var days = Enumerable.Range(0, weeks).Select(w => today.AddDays(-7 * w)).Reverse().ToList();
        var first = days[0];
        var staff = (await db.Staff.AsNoTracking()
                .Where(s => teamIds.Contains(s.TeamId) && s.StartDate <= today && (s.EndDate == null || s.EndDate >= first))
                .Select(s => new { s.Id, s.Grade, s.StartDate, s.EndDate })
                .ToListAsync(ct))
            .Where(s => StaffGrades.CanHoldCases(s.Grade))
            .ToList();
        var ids = staff.Select(s => s.Id).ToList();
        var held = await db.Assignments.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMemberId) && a.FromDate <= today && (a.ToDate == null || a.ToDate >= first))
            .Select(a => new { a.FromDate, a.ToDate, a.Order!.PersonId, a.Order.StartDate, a.Order.ExpectedEndDate, a.Order.TerminationDate })
            .ToListAsync(ct);
        var snapshots = await db.WorkloadSnapshots.AsNoTracking()
            .Where(s => teamIds.Contains(s.TeamId) && s.Date >= first && s.Date <= today)
            .Select(s => new { s.Date, s.CapacityPercent, s.OverCapacity })
            .ToListAsync(ct);
        var byDay = snapshots.ToLookup(s => s.Date);
        return [.. days.Select(d =>
        {
            var recorded = byDay[d].ToList();
            var capacities = recorded.Where(s => s.CapacityPercent is not null).Select(s => s.CapacityPercent!.Value).Order().ToList();
            return new TrendWeek(
                d,
                staff.Count(s => s.StartDate <= d && (s.EndDate == null || s.EndDate >= d)),
                held.Where(a => a.FromDate <= d && (a.ToDate == null || a.ToDate >= d) && a.StartDate <= d && a.ExpectedEndDate >= d
                        && (a.TerminationDate == null || a.TerminationDate >= d))
                    .Select(a => a.PersonId).Distinct().Count(),
                recorded.Count,
                recorded.Count(s => s.OverCapacity),
                Median(capacities));
        })];
    }

    private static decimal? Median(List<decimal> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : Math.Round((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);
}
