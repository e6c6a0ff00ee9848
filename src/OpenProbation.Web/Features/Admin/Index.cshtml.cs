using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Admin;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
