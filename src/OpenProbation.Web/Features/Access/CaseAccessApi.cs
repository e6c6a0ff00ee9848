using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Features.Access;

/// <summary>An allow-list or exclusion entry, current or past.</summary>
public sealed record CaseAccessEntryDto(
    CaseAccessKind Kind, string UserName, string Reason, string AddedBy, DateTimeOffset AddedAt, string? RemovedBy, DateTimeOffset? RemovedAt);

/// <summary>
/// Who may see a case. <c>AllowedUsers</c> and <c>ExcludedUsers</c> are the lists as they stand, in the shape a PUT
/// sends them; <c>Entries</c> is their history. <c>Version</c> is 0 until the case's access is first set.
/// </summary>
public sealed record CaseAccessDto(
    string Crn, bool Restricted, string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt,
    IReadOnlyList<string> AllowedUsers, IReadOnlyList<string> ExcludedUsers, IReadOnlyList<CaseAccessEntryDto> Entries, int Version);

/// <summary>Restricting cases and keeping their allow-lists and exclusions: <c>/api/v1/people/{crn}/access</c>.</summary>
public static class CaseAccessApi
{
    public static void MapCaseAccess(this RouteGroupBuilder api)
    {
        var access = api.MapGroup("/people/{crn}/access").WithTags("Case access");
        access.MapGet("/", Get).Reads<CaseAccessDto>().RequireAuthorization(Policies.ManageCaseAccess)
            .WithSummary("Whether the case is restricted, its allow-list and exclusions, with their history");
        access.MapPut("/", Update).Updates<CaseAccessDto>().RequireAuthorization(Policies.ManageCaseAccess)
            .WithSummary("Restrict or open the case and set its allow-list and exclusions; a reason is needed for any change");
    }

    private static async Task<IResult> Get(string crn, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var restriction = await db.CaseRestrictions.AsNoTracking().SingleOrDefaultAsync(r => r.PersonId == person.Id, ct);
        var entries = await EntriesAsync(db, person.Id, track: false, ct);
        await AuditTrail.RecordViewAsync(db, person.Id, AuditTrail.CaseAccess, ct);
        return ApiResults.OkVersioned(http, ToDto(person.Crn, restriction, entries), restriction?.Version ?? 0);
    }

    /// <summary>
    /// Sets the whole of a case's access. Entries that stay keep who added them, when and why; new ones get this
    /// change's reason; people taken off a list keep their entry, marked removed. Nothing changing writes nothing.
    /// </summary>
    private static async Task<IResult> Update(
        string crn, CaseAccessDetails request, ClaimsPrincipal user, HttpContext http, OpenProbationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var person = await FindAsync(db, user, crn, ct);
        if (person is null)
        {
            return ApiResults.NotFound("Person");
        }

        var restriction = await db.CaseRestrictions.SingleOrDefaultAsync(r => r.PersonId == person.Id, ct);
        if (ApiResults.VersionProblem(http.Request, restriction ?? new CaseRestriction()) is { } stale)
        {
            return stale;
        }

        var entries = await EntriesAsync(db, person.Id, track: true, ct);
        var active = entries.Where(e => e.IsActive).ToList();
        var current = new CaseAccessState(
            restriction?.IsRestricted ?? false,
            active.Where(e => e.Kind == CaseAccessKind.Allowed).Select(e => e.NormalizedUserName).ToHashSet(StringComparer.Ordinal),
            active.Where(e => e.Kind == CaseAccessKind.Excluded).Select(e => e.NormalizedUserName).ToHashSet(StringComparer.Ordinal));
        var actingUser = ApiResults.UserName(http);
        var errors = request.Validate(current, actingUser);
        var (allowedNames, excludedNames) = (request.AllowedNames(), request.ExcludedNames());
        var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (errors.IsValid)
        {
            // Only real accounts go on a list: a misspelt exclusion would otherwise protect nobody, silently.
            var wanted = allowedNames.Union(excludedNames).ToList();
            foreach (var account in await db.Users.AsNoTracking().Where(u => wanted.Contains(u.NormalizedUserName!))
                         .Select(u => new { u.NormalizedUserName, u.UserName }).ToListAsync(ct))
            {
                accounts[account.NormalizedUserName!] = account.UserName!;
            }

            // Names already on a list stay valid even if their account has gone: taking them off is still possible.
            var sent = request.AllowedUsers!.Concat(request.ExcludedUsers!)
                .GroupBy(CaseAccessEntry.NormalizeUserName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Trim(), StringComparer.Ordinal);
            foreach (var (field, names, kind) in new[]
                     {
                         ("allowedUsers", allowedNames, CaseAccessKind.Allowed),
                         ("excludedUsers", excludedNames, CaseAccessKind.Excluded),
                     })
            {
                foreach (var name in names.Where(n => !accounts.ContainsKey(n) && !active.Any(e => e.Kind == kind && e.NormalizedUserName == n)).Order(StringComparer.Ordinal))
                {
                    errors.Add(field, $"There is no user called {sent[name]}");
                }
            }
        }

        if (!errors.IsValid)
        {
            return ApiResults.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var (kind, names) in new[] { (CaseAccessKind.Allowed, allowedNames), (CaseAccessKind.Excluded, excludedNames) })
        {
            foreach (var entry in active.Where(e => e.Kind == kind && !names.Contains(e.NormalizedUserName)))
            {
                entry.RemovedBy = actingUser;
                entry.RemovedAt = now;
                changed = true;
            }

            foreach (var name in names.Where(n => !active.Any(e => e.Kind == kind && e.NormalizedUserName == n)).Order(StringComparer.Ordinal))
            {
                db.CaseAccessEntries.Add(new CaseAccessEntry
                {
                    PersonId = person.Id,
                    Kind = kind,
                    UserName = accounts[name],
                    NormalizedUserName = name,
                    Reason = request.Reason!.Trim(),
                    AddedBy = actingUser,
                    AddedAt = now,
                });
                changed = true;
            }
        }

        if (changed || request.Restricted != current.Restricted)
        {
            if (restriction is null)
            {
                restriction = new CaseRestriction { PersonId = person.Id };
                db.CaseRestrictions.Add(restriction);
            }

            restriction.IsRestricted = request.Restricted!.Value;
            restriction.Reason = request.Reason!.Trim();
            restriction.ChangedBy = actingUser;
            restriction.ChangedAt = now;

            // Written even when only the lists changed (and these values did not), so the version moves and guards the lists too.
            if (db.Entry(restriction).State == EntityState.Unchanged)
            {
                db.Entry(restriction).State = EntityState.Modified;
            }

            await db.SaveChangesAsync(ct);
        }

        var saved = await EntriesAsync(db, person.Id, track: false, ct);
        return ApiResults.OkVersioned(http, ToDto(person.Crn, restriction, saved), restriction?.Version ?? 0);
    }

    private static async Task<Person?> FindAsync(OpenProbationDbContext db, ClaimsPrincipal user, string crn, CancellationToken ct)
    {
        if (!Crn.TryParse(crn, out var parsed))
        {
            return null;
        }

        var value = parsed.Value;
        return await db.PeopleWhoseAccessIsManagedBy(user).AsNoTracking().SingleOrDefaultAsync(p => p.Crn == value, ct);
    }

    internal static Task<List<CaseAccessEntry>> EntriesAsync(OpenProbationDbContext db, int personId, bool track, CancellationToken ct) =>
        (track ? db.CaseAccessEntries : db.CaseAccessEntries.AsNoTracking())
            .Where(e => e.PersonId == personId).OrderBy(e => e.AddedAt).ThenBy(e => e.Id).ToListAsync(ct);

    internal static CaseAccessDto ToDto(string crn, CaseRestriction? restriction, List<CaseAccessEntry> entries)
    {
        List<string> Current(CaseAccessKind kind) =>
            [.. entries.Where(e => e.IsActive && e.Kind == kind).Select(e => e.UserName).Order(StringComparer.OrdinalIgnoreCase)];

        return new CaseAccessDto(
            crn, restriction?.IsRestricted ?? false, restriction?.Reason, restriction?.ChangedBy, restriction?.ChangedAt,
            Current(CaseAccessKind.Allowed), Current(CaseAccessKind.Excluded),
            [.. entries.Select(e => new CaseAccessEntryDto(e.Kind, e.UserName, e.Reason, e.AddedBy, e.AddedAt, e.RemovedBy, e.RemovedAt))],
            restriction?.Version ?? 0);
    }
}
