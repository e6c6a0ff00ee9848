using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Workload;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Home;

/// <summary>The start page: cases newly allocated to the signed-in officer, with their instructions, and the tasks the user's role includes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IAuthorizationService authorization, OpenProbationDbContext db, DeliverySettings delivery, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string Title, string Href, string Description)> Tasks { get; private set; } = [];

    /// <summary>Cases allocated to the user that they have not yet marked as read, newest first.</summary>
    public IReadOnlyList<AllocationDto> NewCases { get; private set; } = [];

    /// <summary>For an officer: requirements on their cases at risk of not being delivered in time, or not commenced on time.</summary>
    public IReadOnlyList<AtRiskRow> NeedingAction { get; private set; } = [];

    /// <summary>For a manager: challenges to workload figures from their team still waiting for an answer.</summary>
    public IReadOnlyList<WorkloadChallengeDto> ChallengesToAnswer { get; private set; } = [];

    /// <summary>For an officer: answers to their challenges given in the last fortnight.</summary>
    public IReadOnlyList<WorkloadChallengeDto> ChallengesAnswered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tasks = new List<(string, string, string)>();
        async Task Add(string policy, string title, string href, string description)
        {
            if ((await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                tasks.Add((title, href, description));
            }
        }

        await Add(Policies.HoldCaseload, "My caseload", "/caseload", "The cases you are responsible officer for, with their risk, markers, orders and what is due.");
        await Add(Policies.HoldCaseload, "My diary", "/diary", "Your appointments for the day or the week, and the outcomes still to record.");
        await Add(Policies.AllocateCases, "Allocation queue", "/allocations", "New orders and releases waiting for a responsible officer, with the clock and ranked suggestions.");
        await Add(Policies.ReadWorkloads, "Delivery unit workload", "/delivery-unit/workload", "Every officer's capacity by points and hours, the spread, vacancies, unallocated cases and the trend over time.");
        await Add(Policies.ReadTeamCaseloads, "Team", "/team", "Staff in your team, their caseloads and who is away today.");
        await Add(Policies.ReadCases, "Requirements needing action", "/requirements-at-risk", "Requirements that cannot be delivered in time at a realistic rate, are at risk of it, or have not commenced on time, with the options.");
        await Add(Policies.CountersignRiskDecisions, "Lower tiers to countersign", "/tier-changes", "Tier downgrades that need a manager's countersignature before they apply.");
        await Add(Policies.ReadCases, "Search", "/search", "Find a person by CRN, name or date of birth.");
        await Add(Policies.EnterCourtOutcomes, "Court outcome", "/court", "Record a sentence: find or add the person, then the order and its requirements.");
        await Add(Policies.ReadCases, "Propose RAR days", "/court/rar-proposal", "The guideline RAR days for an OGRS score, for a pre-sentence report.");
        await Add(Policies.ReadCourtFeedback, "Feedback to sentencers", "/reports/courts", "How the orders each court made turned out: completed, breached, RAR days delivered, unpaid work hours ordered.");
        await Add(Policies.Administer, "Administration", "/admin", "User accounts and roles, teams and staff absences.");
        Tasks = tasks;
        if ((await authorization.AuthorizeAsync(User, Policies.HoldCaseload)).Succeeded)
        {
            NewCases = await AllocationApi.ProjectAsync(AllocationApi.NewCasesQuery(db, User).Take(50), ct);
            if (OpenProbationClaims.StaffMemberIdOf(User) is { } officer)
            {
                NeedingAction = await RequirementsNeedingAction.ListAsync(db, User, delivery, clock.Today(), officer, teamId: null, ct);
            }
        }

        if (OpenProbationClaims.StaffMemberIdOf(User) is { } me)
        {
            if ((await authorization.AuthorizeAsync(User, Policies.AnswerWorkloadChallenges)).Succeeded
                && await db.Staff.AsNoTracking().Where(s => s.Id == me).Select(s => (int?)s.TeamId).SingleOrDefaultAsync(ct) is { } team)
            {
                ChallengesToAnswer = [.. (await WorkloadChallenges.Listed(db, WorkloadChallenges.WaitingInTeam(db, team)).Take(50).ToListAsync(ct)).OrderBy(c => c.Id)];
            }

            var since = clock.GetUtcNow().AddDays(-14);
            ChallengesAnswered = (await WorkloadChallenges.Listed(db, db.WorkloadChallenges.Where(c => c.StaffMemberId == me && c.AnsweredAt != null)).Take(20).ToListAsync(ct))
                .Where(c => c.AnsweredAt >= since).ToList();
        }
    }

    /// <summary>Marks a new case as read; only the officer it was allocated to can.</summary>
    public async Task<IActionResult> OnPostSeenAsync(int assignmentId, CancellationToken ct)
    {
        var me = OpenProbationClaims.StaffMemberIdOf(User);
        var assignment = await db.VisibleAssignments(User).SingleOrDefaultAsync(a => a.Id == assignmentId && a.StaffMemberId == me, ct);
        if (assignment is null)
        {
            return NotFound();
        }

        assignment.SeenAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Redirect("/");
    }
}
