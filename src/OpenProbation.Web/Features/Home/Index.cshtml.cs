using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Allocation;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Home;

/// <summary>The start page: cases newly allocated to the signed-in officer, with their instructions, and the tasks the user's role includes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IAuthorizationService authorization, OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string Title, string Href, string Description)> Tasks { get; private set; } = [];

    /// <summary>Cases allocated to the user that they have not yet marked as read, newest first.</summary>
    public IReadOnlyList<AllocationDto> NewCases { get; private set; } = [];

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
        await Add(Policies.ReadTeamCaseloads, "Team", "/team", "Staff in your team, their caseloads and who is away today.");
        await Add(Policies.CountersignRiskDecisions, "Lower tiers to countersign", "/tier-changes", "Tier downgrades that need a manager's countersignature before they apply.");
        await Add(Policies.ReadCases, "Search", "/search", "Find a person by CRN, name or date of birth.");
        await Add(Policies.EnterCourtOutcomes, "Court outcome", "/court", "Record a sentence: find or add the person, then the order and its requirements.");
        await Add(Policies.Administer, "Administration", "/admin", "User accounts and roles, teams and staff absences.");
        Tasks = tasks;
        if ((await authorization.AuthorizeAsync(User, Policies.HoldCaseload)).Succeeded)
        {
            NewCases = await AllocationApi.ProjectAsync(AllocationApi.NewCasesQuery(db, User).Take(50), ct);
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
