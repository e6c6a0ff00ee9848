using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Home;

/// <summary>The start page: the tasks the signed-in user's role includes.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<(string Title, string Href, string Description)> Tasks { get; private set; } = [];

    public async Task OnGetAsync()
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
        await Add(Policies.ReadTeamCaseloads, "Team", "/team", "Staff in your team, their caseloads and who is away today.");
        await Add(Policies.CountersignRiskDecisions, "Lower tiers to countersign", "/tier-changes", "Tier downgrades that need a manager's countersignature before they apply.");
        await Add(Policies.ReadCases, "Search", "/search", "Find a person by CRN, name or date of birth.");
        await Add(Policies.EnterCourtOutcomes, "Court outcome", "/court", "Record a sentence: find or add the person, then the order and its requirements.");
        await Add(Policies.Administer, "Administration", "/admin", "User accounts and roles, teams and staff absences.");
        Tasks = tasks;
    }
}
