using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Tiering;

/// <summary>One lower tier waiting.</summary>
public sealed record PendingTierRow(string Crn, string Name, string Tier, string? PreviousTier, CaseTierStatus Status, DateTimeOffset CalculatedAt,
    string? Reason, string? ReasonBy, string? CountersignatureWhy);

/// <summary>
/// Every lower tier waiting for a reason or a manager's countersignature, oldest first, among the cases the user may
/// see: a manager's work list, and a view of pressure to lower ratings (PRACTICE.md section 7, line 1).
/// </summary>
[Authorize(Policy = Policies.ReadCases)]
public sealed class ChangesModel(OpenProbationDbContext db) : PageModel
{
    public IReadOnlyList<PendingTierRow> AwaitingCountersignature { get; private set; } = [];

    public IReadOnlyList<PendingTierRow> AwaitingReason { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.CaseTiers.AsNoTracking().WhereVisible(t => t.Person!, User)
            .Where(t => t.Status == CaseTierStatus.AwaitingReason || t.Status == CaseTierStatus.AwaitingCountersignature)
            .OrderBy(t => t.CalculatedAt).ThenBy(t => t.Id).Take(500)
            .Select(t => new PendingTierRow(t.Person!.Crn, t.Person.FirstName + " " + t.Person.LastName, t.Tier, t.PreviousTier, t.Status, t.CalculatedAt,
                t.Reason, t.ReasonBy, t.CountersignatureWhy))
            .ToListAsync(ct);
        AwaitingCountersignature = [.. rows.Where(r => r.Status == CaseTierStatus.AwaitingCountersignature)];
        AwaitingReason = [.. rows.Where(r => r.Status == CaseTierStatus.AwaitingReason)];
    }
}
