using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Allocation;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Workload;

namespace OpenProbation.Web.Features.Allocation;

/// <summary>
/// How the cases that arrived in a period did against the allocation target: allocated by the due day and the first
/// appointment booked by then. A case belongs to the teams whose queue it arrived in, or, with no queue named, whose
/// officer was first given it. Allocation and booking count on the day they were recorded, never the date typed in,
/// so backdating an allocation cannot make the figure look better.
/// </summary>
public static class AllocationTargets
{
    /// <summary>The period the pages show: the last four weeks, today included.</summary>
    public const int PageDays = 28;

    public static async Task<AllocationPerformance> LoadAsync(
        OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IReadOnlyList<int>? teamIds, DateOnly from, DateOnly to,
        DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(contacts);
        var orders = db.Orders.AsNoTracking().Where(o => (o.SentenceDate >= from && o.SentenceDate <= to) || (o.StartDate >= from && o.StartDate <= to));
        if (teamIds is not null)
        {
            orders = orders.Where(o => o.AllocationTeamId != null
                ? teamIds.Contains(o.AllocationTeamId.Value)
                : teamIds.Contains(o.Assignments.OrderBy(a => a.Id).Select(a => a.StaffMember!.TeamId).FirstOrDefault()));
        }

        var found = await orders
            .Select(o => new
            {
                o.Id,
                o.PersonId,
                o.Type,
                o.SentenceDate,
                o.StartDate,
                // The first assignment recorded is the one with the lowest id.
                FirstAllocated = o.Assignments.OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var arrivals = found
            .Select(o => (o.Id, o.PersonId, o.FirstAllocated, Arrived: AllocationClock.Arrival(o.Type, o.SentenceDate, o.StartDate)))
            .Where(o => o.Arrived >= from && o.Arrived <= to)
            .ToList();
        var people = arrivals.Select(o => o.PersonId).Distinct().ToList();
        var booked = (await db.Appointments.AsNoTracking()
                .Where(a => people.Contains(a.PersonId))
                .Select(a => new { a.PersonId, a.StartsAt, a.ArrangedAt })
                .ToListAsync(ct))
            .ToLookup(a => a.PersonId);
        var cases = arrivals.Select(o =>
        {
            // The first appointment of this supervision: the earliest booking of an appointment on or after arrival.
            var first = booked[o.PersonId].Where(a => UkTime.DateOf(a.StartsAt) >= o.Arrived).Select(a => (DateTimeOffset?)a.ArrangedAt).Min();
            return new ArrivedCase(
                o.Arrived,
                o.FirstAllocated is { } at ? UkTime.DateOf(at) : null,
                first is { } b ? UkTime.DateOf(b) : null);
        });
        return AllocationPerformance.Of(cases, today, contacts.Calendar, policies.Allocation);
    }
}

/// <summary>The allocation target figures as a page shows them.</summary>
public sealed record AllocationTargetView(AllocationPerformance Performance, int TargetWorkingDays, DateOnly From, DateOnly To)
{
    public string Target => TargetWorkingDays == 0
        ? "allocated on the day of sentence or release, with the first appointment booked that day"
        : $"allocated within {TargetWorkingDays} working day{(TargetWorkingDays == 1 ? "" : "s")} of sentence or release, with the first appointment booked by then";

    public static async Task<AllocationTargetView> ForPageAsync(
        OpenProbationDbContext db, WorkloadPolicies policies, ContactPolicies contacts, IReadOnlyList<int>? teamIds, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var from = today.AddDays(1 - AllocationTargets.PageDays);
        return new(await AllocationTargets.LoadAsync(db, policies, contacts, teamIds, from, today, today, ct), policies.Allocation.TargetWorkingDays, from, today);
    }
}
