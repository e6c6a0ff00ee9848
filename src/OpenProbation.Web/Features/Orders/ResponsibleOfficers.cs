using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.People;

namespace OpenProbation.Web.Features.Orders;

internal static class ResponsibleOfficers
{
    /// <summary>
    /// The current responsible officer of each order, in one indexed query. (A FirstOrDefault inside a projection
    /// becomes a window function over the whole assignments table, which is slow on a large region.)
    /// </summary>
    public static async Task<Dictionary<int, OfficerDto>> ForOrdersAsync(OpenProbationDbContext db, IReadOnlyCollection<int> orderIds, CancellationToken ct)
    {
        if (orderIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Assignments.AsNoTracking()
            .Where(a => orderIds.Contains(a.OrderId) && a.ToDate == null)
            .Select(a => new { a.OrderId, a.StaffMemberId, a.StaffMember!.FirstName, a.StaffMember.LastName })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrderId).ToDictionary(g => g.Key, g => g.Select(r => new OfficerDto(r.StaffMemberId, $"{r.FirstName} {r.LastName}")).First());
    }
}
