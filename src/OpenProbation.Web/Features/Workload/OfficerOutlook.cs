using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;

namespace OpenProbation.Web.Features.Workload;

/// <summary>A case on the outlook: the order, the date that matters, and its person when the reader may see them.</summary>
/// <param name="Crn">The CRN, or "Restricted case".</param>
/// <param name="Name">The person's name, or "Restricted case".</param>
/// <param name="Type">The order.</param>
/// <param name="Date">The expected end, or the release.</param>
public sealed record OutlookCase(string Crn, string Name, OrderType Type, DateOnly Date)
{
    /// <summary>False for a restricted case the reader may not see: no link.</summary>
    public bool Visible => Crn != OfficerWorkloads.RestrictedLabel;
}

/// <summary>The officer's latest allocation: when, which case, by whom, and whether it needed an override.</summary>
public sealed record LastAllocation(DateOnly From, string Crn, string Name, string By, bool Overridden);

/// <summary>
/// What is coming to an officer's caseload in the next four weeks: orders ending, releases from custody (a custody
/// case's expected end is its expected release; a licence or post-sentence supervision starting later is a release
/// to come), and the last case allocated to them, so a manager allocating sees the whole picture.
/// </summary>
public sealed record OfficerOutlook(IReadOnlyList<OutlookCase> Ending, IReadOnlyList<OutlookCase> Releases, LastAllocation? Last)
{
    /// <summary>Four weeks ahead, as the workload pages show it.</summary>
    public const int Days = 28;

    public static async Task<OfficerOutlook> LoadAsync(OpenProbationDbContext db, ClaimsPrincipal user, int staffId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = today.AddDays(Days);
        var held = (await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null)
                .Select(a => new { a.Order!.PersonId, a.Order.Type, a.Order.Status, a.Order.StartDate, a.Order.ExpectedEndDate, a.Order.Person!.Crn, a.Order.Person.FirstName, a.Order.Person.LastName })
                .ToListAsync(ct))
            .Where(a => a.Status is OrderStatus.Active or OrderStatus.Breached)
            .ToList();
        var people = held.Select(a => a.PersonId).Distinct().ToList();
        var visible = (await db.VisiblePeople(user).AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        OutlookCase Case(int personId, string crn, string name, OrderType type, DateOnly date) => visible.Contains(personId)
            ? new(crn, name, type, date)
            : new(OfficerWorkloads.RestrictedLabel, OfficerWorkloads.RestrictedLabel, type, date);

        var ending = held
            .Where(a => a.Type != OrderType.Custody && a.ExpectedEndDate >= today && a.ExpectedEndDate <= until)
            .Select(a => Case(a.PersonId, a.Crn, $"{a.FirstName} {a.LastName}", a.Type, a.ExpectedEndDate));
        var releases = held
            .Where(a => a.Type == OrderType.Custody && a.ExpectedEndDate >= today && a.ExpectedEndDate <= until)
            .Select(a => Case(a.PersonId, a.Crn, $"{a.FirstName} {a.LastName}", a.Type, a.ExpectedEndDate))
            .Concat(held
                .Where(a => a.Type is OrderType.Licence or OrderType.PostSentenceSupervision && a.StartDate > today && a.StartDate <= until)
                .Select(a => Case(a.PersonId, a.Crn, $"{a.FirstName} {a.LastName}", a.Type, a.StartDate)));

        var last = await db.Assignments.AsNoTracking()
            .Where(a => a.StaffMemberId == staffId)
            .OrderByDescending(a => a.FromDate).ThenByDescending(a => a.Id)
            .Select(a => new { a.FromDate, a.Order!.PersonId, a.Order.Person!.Crn, a.Order.Person.FirstName, a.Order.Person.LastName, a.AssignedBy, a.OverrideReason })
            .FirstOrDefaultAsync(ct);
        var lastVisible = last is not null && await db.VisiblePeople(user).AnyAsync(p => p.Id == last.PersonId, ct);
        return new OfficerOutlook(
            [.. ending.OrderBy(c => c.Date)],
            [.. releases.OrderBy(c => c.Date)],
            last is null
                ? null
                : new LastAllocation(
                    last.FromDate,
                    lastVisible ? last.Crn : OfficerWorkloads.RestrictedLabel,
                    lastVisible ? $"{last.FirstName} {last.LastName}" : OfficerWorkloads.RestrictedLabel,
                    last.AssignedBy,
                    last.OverrideReason is not null));
    }
}
