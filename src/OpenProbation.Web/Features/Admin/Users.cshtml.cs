using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Admin;

public sealed record UserRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string? StaffCode, bool Locked);

[Authorize(Policy = Policies.Administer)]
public sealed class UsersModel(OpenProbationDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd, StaffCode = db.Staff.Where(s => s.Id == u.StaffMemberId).Select(s => s.StaffCode).FirstOrDefault() })
            .ToListAsync(ct);
        Users = [.. users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, [.. roles[u.Id]], u.StaffCode, u.LockoutEnd is { } end && end > now))];
    }
}
