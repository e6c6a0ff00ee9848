using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Features.Caseload;

/// <summary>One order on a caseload row.</summary>
public sealed record CaseloadOrder(int Id, OrderType Type, OrderStatus Status, DateOnly ExpectedEndDate, DateOnly AllocatedFrom);

/// <summary>A marker shown as a tag.</summary>
public sealed record MarkerTag(MarkerType Type, int? MappaLevel, int? MappaCategory);

/// <summary>A case's current tier on a caseload row.</summary>
public sealed record CaseloadTier(string Tier, int Rank, string Policy);

/// <summary>A person on an officer's caseload, with the orders the officer holds for them.</summary>
public sealed record CaseloadRow(
    string Crn, string FirstName, string LastName, DateOnly DateOfBirth, bool Restricted,
    IReadOnlyList<CaseloadOrder> Orders, IReadOnlyList<MarkerTag> Markers)
{
    /// <summary>The current tier, if any.</summary>
    public CaseloadTier? Tier { get; init; }

    /// <summary>A lower tier waiting for a reason or countersignature, if any.</summary>
    public string? PendingTier { get; init; }

    /// <summary>The latest assessment's ROSH, if assessed.</summary>
    public RoshLevel? Rosh { get; init; }

    /// <summary>The person's database id.</summary>
    public int PersonId { get; init; }

    /// <summary>Contact compliance today; empty when no order is live.</summary>
    public ComplianceResult? Compliance { get; init; }

    /// <summary>The next appointment booked, if any.</summary>
    public ContactBrief? NextAppointment { get; init; }

    /// <summary>The last held contact, if any.</summary>
    public ContactBrief? LastContact { get; init; }

    /// <summary>True when the case is out of its contact standard today.</summary>
    public bool OutOfStandard => Compliance?.Status == ComplianceStatus.OutOfStandard;

    public DateOnly EndDate => Orders.Max(o => o.ExpectedEndDate);

    public DateOnly AllocatedFrom => Orders.Min(o => o.AllocatedFrom);

    public bool Breached => Orders.Any(o => o.Status == OrderStatus.Breached);
}

/// <summary>How the caseload table is filtered and sorted; read from the query string, so links and bookmarks keep it.</summary>
public sealed class CaseloadFilter
{
    public string? Q { get; set; }

    public string? Marker { get; set; }

    public string? Order { get; set; }

    public string Sort { get; set; } = "name";

    public string Dir { get; set; } = "asc";

    /// <summary><c>out</c> to show only the cases out of contact standard.</summary>
    public string? Standard { get; set; }

    public static readonly IReadOnlyList<string> Sorts = ["name", "crn", "tier", "order", "end", "allocated", "contact"];
}

/// <summary>
/// The current caseload of one officer as the signed-in user may see it: restricted cases the user may not see
/// are neither listed nor counted. A handful of indexed queries whatever the caseload's size, contact compliance and
/// the next and last appointments included (loaded in batches by <see cref="CaseCompliance"/>).
/// </summary>
public static class CaseloadQuery
{
    public static async Task<IReadOnlyList<CaseloadRow>> LoadAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, ContactPolicies policies, int staffMemberId, DateTimeOffset now, CancellationToken ct)
    {
        var today = UkTime.DateOf(now);
        ArgumentNullException.ThrowIfNull(db);
        var assignments = await db.VisibleAssignments(user).AsNoTracking()
            .Where(a => a.StaffMemberId == staffMemberId && a.ToDate == null)
            .Select(a => new
            {
                a.FromDate,
                OrderId = a.Order!.Id,
                a.Order.Type,
                a.Order.Status,
                a.Order.ExpectedEndDate,
                a.Order.PersonId,
                a.Order.Person!.Crn,
                a.Order.Person.FirstName,
                a.Order.Person.LastName,
                a.Order.Person.DateOfBirth,
            })
            .ToListAsync(ct);
        var personIds = assignments.Select(a => a.PersonId).Distinct().ToList();
        var restricted = (await db.CaseRestrictions.AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.IsRestricted).Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        var markers = (await db.Markers.AsNoTracking()
                .Where(m => personIds.Contains(m.PersonId) && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
                .Select(m => new { m.PersonId, m.Type, m.MappaLevel, m.MappaCategory })
                .ToListAsync(ct))
            .GroupBy(m => m.PersonId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<MarkerTag>)[.. g.OrderBy(m => m.Type).Select(m => new MarkerTag(m.Type, m.MappaLevel, m.MappaCategory)).Distinct()]);

        var tiers = (await db.CaseTiers.AsNoTracking()
                .Where(t => personIds.Contains(t.PersonId)
                    && (t.Status == CaseTierStatus.Current || t.Status == CaseTierStatus.AwaitingReason || t.Status == CaseTierStatus.AwaitingCountersignature))
                .Select(t => new { t.PersonId, t.Tier, t.Rank, t.Policy, t.Status })
                .ToListAsync(ct))
            .ToLookup(t => t.PersonId);
        var rosh = (await db.RiskAssessments.AsNoTracking()
                .Where(a => personIds.Contains(a.PersonId) && a.AssessedOn <= today)
                .Select(a => new { a.PersonId, a.AssessedOn, a.Id, a.Rosh })
                .ToListAsync(ct))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).First().Rosh);

        // The gap is visible to the officer and the manager the day it opens (PRACTICE.md section 7 line 5).
        var compliance = await CaseCompliance.AssessAsync(db, policies, personIds, today, ct);
        var (next, last) = await CaseCompliance.NextAndLastAsync(db, personIds, now, ct);

        return [.. assignments.GroupBy(a => a.PersonId).Select(g =>
        {
            var first = g.First();
            var current = tiers[g.Key].FirstOrDefault(t => t.Status == CaseTierStatus.Current);
            return new CaseloadRow(first.Crn, first.FirstName, first.LastName, first.DateOfBirth, restricted.Contains(g.Key),
                [.. g.OrderBy(a => a.ExpectedEndDate).Select(a => new CaseloadOrder(a.OrderId, a.Type, a.Status, a.ExpectedEndDate, a.FromDate))],
                markers.GetValueOrDefault(g.Key) ?? [])
            {
                Tier = current is null ? null : new CaseloadTier(current.Tier, current.Rank, current.Policy),
                PendingTier = tiers[g.Key].FirstOrDefault(t => t.Status != CaseTierStatus.Current)?.Tier,
                Rosh = rosh.TryGetValue(g.Key, out var level) ? level : null,
                PersonId = g.Key,
                Compliance = compliance.GetValueOrDefault(g.Key),
                NextAppointment = next.GetValueOrDefault(g.Key),
                LastContact = last.GetValueOrDefault(g.Key),
            };
        })];
    }

    /// <summary>Filters and sorts in memory: a caseload is at most a few hundred rows.</summary>
    public static IReadOnlyList<CaseloadRow> Apply(IReadOnlyList<CaseloadRow> rows, CaseloadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IEnumerable<CaseloadRow> result = rows;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var words = filter.Q.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            result = result.Where(r => words.All(w =>
                r.Crn.Contains(w, StringComparison.OrdinalIgnoreCase)
                || r.FirstName.Contains(w, StringComparison.OrdinalIgnoreCase)
                || r.LastName.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }

        if (Enum.TryParse<MarkerType>(filter.Marker, out var marker) && Enum.IsDefined(marker))
        {
            result = result.Where(r => r.Markers.Any(m => m.Type == marker));
        }

        if (Enum.TryParse<OrderType>(filter.Order, out var order) && Enum.IsDefined(order))
        {
            result = result.Where(r => r.Orders.Any(o => o.Type == order));
        }

        if (filter.Standard == "out")
        {
            result = result.Where(r => r.OutOfStandard);
        }

        var descending = filter.Dir == "desc";
        Func<CaseloadRow, IComparable> key = filter.Sort switch
        {
            "crn" => r => r.Crn,
            "tier" => r => r.Tier?.Rank ?? -1,
            "order" => r => r.Orders[0].Type.ToString(),
            "end" => r => r.EndDate,
            "allocated" => r => r.AllocatedFrom,

            // Out of standard first (ascending), longest unseen first among them.
            "contact" => r => (r.OutOfStandard ? 0 : 1, -(r.Compliance?.DaysSinceLastSeen ?? -1)),
            _ => r => r.LastName.ToUpperInvariant() + " " + r.FirstName.ToUpperInvariant(),
        };
        var sorted = descending ? result.OrderByDescending(key) : result.OrderBy(key);
        return [.. sorted.ThenBy(r => r.Crn, StringComparer.Ordinal)];
    }
}
