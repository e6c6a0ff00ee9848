using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Organisation;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Teams;

public sealed record TeamMemberRow(
    int StaffMemberId, string Name, StaffGrade Grade, decimal ContractedHours, bool IsAgency, bool HoldsCases,
    int People, int Orders, StaffAbsence? AbsentToday, StaffAbsence? NextAbsence)
{
    /// <summary>Cases on the caseload out of contact standard today.</summary>
    public int OutOfStandard { get; init; }

    /// <summary>Cases whose induction is overdue.</summary>
    public int InductionsOverdue { get; init; }
}

/// <summary>
/// A team's staff with their caseloads and who is away today. Counts come through the case-access query, so a
/// restricted case the manager may not see is not counted for them either.
/// </summary>
[Authorize(Policy = Policies.ReadTeamCaseloads)]
public sealed class IndexModel(OpenProbationDbContext db, ContactPolicies policies, TimeProvider clock) : PageModel
{
    /// <summary>Look-ahead for absences: the default induction window (PRACTICE.md section 4, allocation at the start of leave).</summary>
    public const int LookAheadDays = 14;

    [BindProperty(SupportsGet = true)]
    public int? TeamId { get; set; }

    public Domain.Organisation.Team? Team { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<TeamMemberRow> Members { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Cases on the team's caseloads out of contact standard today, each counted once.</summary>
    public int TeamOutOfStandard { get; private set; }

    /// <summary>Cases on the team's caseloads with the induction overdue, each counted once.</summary>
    public int TeamInductionsOverdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name))];
        var teamId = TeamId;
        if (teamId is null && OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            teamId = await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.TeamId).SingleOrDefaultAsync(ct);
        }

        teamId ??= Teams.Count > 0 ? Teams[0].Id : null;
        Team = teamId is null ? null : await db.Teams.AsNoTracking().Include(t => t.DeliveryUnit).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (Team is null)
        {
            return TeamId is null ? Page() : NotFound();
        }

        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.TeamId == Team.Id && (s.EndDate == null || s.EndDate >= Today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        var counts = await db.VisibleAssignments(User).AsNoTracking()
            .Where(a => a.ToDate == null && ids.Contains(a.StaffMemberId))
            .GroupBy(a => a.StaffMemberId)
            .Select(g => new { g.Key, Orders = g.Count(), People = g.Select(a => a.Order!.PersonId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, ct);
        var horizon = Today.AddDays(LookAheadDays);
        var absences = await db.Absences.AsNoTracking()
            .Where(a => ids.Contains(a.StaffMemberId) && a.EndDate >= Today && a.StartDate <= horizon)
            .OrderBy(a => a.StartDate).ToListAsync(ct);

        // Every officer's caseload assessed in one batch, so the gap is visible to the manager the day it opens
        // (PRACTICE.md section 7 line 5); a case held by two officers counts once in the team's total.
        var compliance = (await CaseCompliance.ForOfficersAsync(db, User, policies, ids, Today, Today, Today, ct)).ToDictionary(o => o.StaffMemberId);
        var everyCase = compliance.Values.SelectMany(o => o.Results).DistinctBy(r => r.Key).Select(r => r.Value).ToList();
        TeamOutOfStandard = everyCase.Count(r => r.Status == ComplianceStatus.OutOfStandard);
        TeamInductionsOverdue = everyCase.Count(r => r.InductionOverdue);
        Members = [.. staff.Select(s =>
        {
            var mine = absences.Where(a => a.StaffMemberId == s.Id).ToList();
            var count = counts.GetValueOrDefault(s.Id);
            var results = compliance.TryGetValue(s.Id, out var c) ? c.Results.Values.ToList() : [];
            return new TeamMemberRow(s.Id, s.FullName, s.Grade, s.ContractedHours, s.IsAgency, StaffGrades.CanHoldCases(s.Grade),
                count?.People ?? 0, count?.Orders ?? 0, mine.FirstOrDefault(a => a.Covers(Today)), mine.FirstOrDefault(a => a.StartDate > Today))
            {
                OutOfStandard = results.Count(r => r.Status == ComplianceStatus.OutOfStandard),
                InductionsOverdue = results.Count(r => r.InductionOverdue),
            };
        })];
        return Page();
    }
}
