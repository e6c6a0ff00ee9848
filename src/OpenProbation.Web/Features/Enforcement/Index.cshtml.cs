using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Govuk;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>One failure awaiting a decision, for the manager's list.</summary>
public sealed record AwaitingDecisionRow(
    int FailureId, string Crn, string Name, DateOnly FailureDate, AppointmentOutcome Outcome, DateOnly DecisionDueOn, bool Overdue, string? ResponsibleOfficer);

/// <summary>
/// Enforcement decisions waiting for the responsible officer, oldest due first, with the overdue ones marked: a
/// decision past its due day surfaces here for the manager (PRACTICE.md section 7, line 7). Restricted cases the
/// user may not see are neither listed nor counted.
/// </summary>
[Authorize(Policy = Policies.ReadTeamCaseloads)]
public sealed class IndexModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<AwaitingDecisionRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int OverdueTotal { get; private set; }

    public PaginationModel Pagination { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        if (TeamId is { } team && Teams.All(t => t.Id != team))
        {
            return NotFound();
        }

        PageNumber = Math.Max(1, PageNumber);
        var today = clock.Today();
        var query = Enforcements.Awaiting(db, User, Overdue, TeamId, today);
        Total = await query.CountAsync(ct);
        OverdueTotal = Overdue ? Total : await Enforcements.Awaiting(db, User, true, TeamId, today).CountAsync(ct);
        var page = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.People, f => f.PersonId, p => p.Id, (f, p) => new { f.Id, f.OrderId, p.Crn, p.FirstName, p.LastName, f.FailureDate, f.Outcome, f.DecisionDueOn })
            .ToListAsync(ct);
        var officers = await ResponsibleOfficers.ForOrdersAsync(db, [.. page.Select(x => x.OrderId).Distinct()], ct);
        Rows = [.. page.Select(x => new AwaitingDecisionRow(
            x.Id, x.Crn, $"{x.FirstName} {x.LastName}", x.FailureDate, x.Outcome, x.DecisionDueOn, x.DecisionDueOn < today, officers.GetValueOrDefault(x.OrderId)?.Name))];
        var filter = (TeamId is { } t ? $"teamId={t}&" : "") + (Overdue ? "overdue=true&" : "");
        Pagination = new PaginationModel(PageNumber, PageSize, Total, $"/enforcement?{filter}");
        return Page();
    }
}
