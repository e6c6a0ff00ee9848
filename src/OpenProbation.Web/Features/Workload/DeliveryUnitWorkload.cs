using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Features.Workload;

/// <summary>A team's line in a delivery unit's workload.</summary>
public sealed record TeamLine(int Id, string Name, int Officers, int Cases, int OverCapacity, Establishment Establishment, int Unallocated);

/// <summary>
/// A delivery unit's workload on a day, for its page and its API: every case-holding officer in post, highest
/// capacity first (no capacity first of all); each team with its vacancies and unallocated cases; the spread; and
/// the trend. Calculated from the record on every call, like every workload figure.
/// </summary>
public sealed record DeliveryUnitWorkload(
    IReadOnlyList<OfficerWorkload> Officers, IReadOnlyList<TeamLine> Teams, int Cases, IReadOnlyList<CapacityBand> Distribution, IReadOnlyList<TrendWeek> Trend)
{
    public static async Task<DeliveryUnitWorkload> LoadAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, WorkloadPolicies policies, ContactPolicies contacts, int deliveryUnitId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var teams = await db.Teams.AsNoTracking().Where(t => t.DeliveryUnitId == deliveryUnitId).OrderBy(t => t.Name).ToListAsync(ct);
        var teamIds = teams.Select(t => t.Id).ToList();
        var ids = new List<int>();
        foreach (var team in teams)
        {
            ids.AddRange(await OfficerWorkloads.TeamOfficersAsync(db, team.Id, today, ct));
        }

        var workloads = await OfficerWorkloads.LoadAsync(db, user, policies, contacts, ids, today, ct);
        var unallocated = (await db.Orders.AsNoTracking()
                .Where(o => o.AllocationTeamId != null && teamIds.Contains(o.AllocationTeamId.Value)
                    && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached) && !o.Assignments.Any(a => a.ToDate == null))
                .GroupBy(o => o.AllocationTeamId!.Value)
                .Select(g => new { Team = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(g => g.Team, g => g.Count);
        var lines = teams.Select(t =>
        {
            var theirs = workloads.Where(w => w.Officer.TeamId == t.Id).ToList();
            return new TeamLine(
                t.Id, t.Name, theirs.Count, theirs.SelectMany(o => o.Cases).Select(c => c.PersonId).Distinct().Count(), theirs.Count(o => o.IsOverCapacity),
                Vacancies.Of(t.CaseHoldingPosts, theirs.Select(o => o.Officer.ContractedHours)), unallocated.GetValueOrDefault(t.Id));
        }).ToList();
        return new DeliveryUnitWorkload(
            [.. workloads.OrderByDescending(w => WorkloadCapacity.Percent(w.Points, w.Time) ?? decimal.MaxValue).ThenBy(w => w.Officer.LastName, StringComparer.Ordinal)],
            lines,
            workloads.SelectMany(o => o.Cases).Select(c => c.PersonId).Distinct().Count(),
            CapacityDistribution.Of(workloads.Select(o => WorkloadCapacity.Percent(o.Points, o.Time))),
            await WorkloadTrend.WeeksAsync(db, teamIds, today, ct));
    }
}
