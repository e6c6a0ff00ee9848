using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>One appointment in brief, for a caseload's "Next appointment" and "Last contact" columns.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="PersonId">The person.</param>
/// <param name="Type">Its kind.</param>
/// <param name="StartsAt">When it starts (UTC).</param>
/// <param name="DurationMinutes">How long it lasts.</param>
/// <param name="StaffMemberId">Whom it is with.</param>
/// <param name="Outcome">Its outcome, if recorded.</param>
public sealed record ContactBrief(
    int AppointmentId, int PersonId, AppointmentType Type, DateTimeOffset StartsAt, int DurationMinutes, int StaffMemberId, AppointmentOutcome? Outcome)
{
    /// <summary>The London date it falls on.</summary>
    public DateOnly Date => UkTime.DateOf(StartsAt);
}

/// <summary>An officer's current caseload as the caller may see it, each case assessed, and the sum over the range.</summary>
/// <param name="StaffMemberId">The officer.</param>
/// <param name="PersonIds">The people on the caseload the caller may see (current assignments), in no particular order.</param>
/// <param name="Results">Each assessed case; a person with no live order is on the caseload but not assessed.</param>
/// <param name="Rollup">The assessed cases summed over the range.</param>
public sealed record OfficerCompliance(
    int StaffMemberId, IReadOnlyList<int> PersonIds, IReadOnlyDictionary<int, ComplianceResult> Results, ComplianceRollup Rollup);

/// <summary>A team's officers' roll-ups and the team's own, which counts a case held by two of its officers once.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Officers">Each officer in post who holds cases or has a caseload, in the order asked.</param>
/// <param name="Total">Every case on the team's caseloads, each once.</param>
public sealed record TeamCompliance(int TeamId, IReadOnlyList<OfficerCompliance> Officers, ComplianceRollup Total);

/// <summary>
/// Loads what <see cref="ContactCompliance.Assess"/> needs for a batch of people in four indexed queries whatever the
/// batch's size (live orders, tiers, held contacts, and the caseloads for roll-ups), then assesses each case: the load,
/// decide, answer sandwich for PRACTICE.md section 7 line 5 (the gap is visible to the officer and the manager the day it
/// opens). Callers pass the ids of people the user may see (<see cref="CaseAccessQueries"/>); the roll-ups find them so.
/// </summary>
public static class CaseCompliance
{
    // Only held offender-management contacts can count (ContactCompliance), so the others are not read.
    private static readonly List<AppointmentOutcome> HeldOutcomes = [.. Enum.GetValues<AppointmentOutcome>().Where(AppointmentOutcomes.IsHeld)];

    private static readonly List<AppointmentType> ContactTypes = [.. Enum.GetValues<AppointmentType>().Where(AppointmentTypes.CountsTowardsContactStandard)];

    /// <summary>
    /// Each person's compliance on <paramref name="today"/>. Supervision starts on the start date of the person's most
    /// recent live community order, suspended sentence, licence or post-sentence supervision (active or breached) that has
    /// started; when none has started yet, the soonest to start (the result then has nothing due). A person with no such
    /// order is not supervised in the community and is left out of the answer: someone serving custody is in prison, and
    /// the community contact standard starts with their licence.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ComplianceResult>> AssessAsync(
        OpenProbationDbContext db, ContactPolicies policies, IReadOnlyCollection<int> personIds, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(personIds);
        var starts = await SupervisionStartsAsync(db, personIds, today, ct);
        if (starts.Count == 0)
        {
            return new Dictionary<int, ComplianceResult>();
        }

        var ids = starts.Keys.ToList();
        var tiers = (await db.CaseTiers.AsNoTracking()
                .Where(t => ids.Contains(t.PersonId) && (t.Status == CaseTierStatus.Current || t.Status == CaseTierStatus.Superseded) && t.AppliedOn != null)
                .Select(t => new { t.PersonId, t.Id, AppliedOn = t.AppliedOn!.Value, t.Tier })
                .ToListAsync(ct))
            .OrderBy(t => t.AppliedOn).ThenBy(t => t.Id)
            .ToLookup(t => t.PersonId, t => new TierPeriod(t.AppliedOn, t.Tier));

        var zone = ContactPolicies.Zone;
        var from = UkTime.StartOfDay(starts.Values.Min());
        var until = UkTime.StartOfDay(today.AddDays(1));
        var contacts = (await db.Appointments.AsNoTracking()
                .Where(a => ids.Contains(a.PersonId) && a.StartsAt >= from && a.StartsAt < until
                    && a.Outcome != null && HeldOutcomes.Contains(a.Outcome.Value) && ContactTypes.Contains(a.Type))
                .Select(a => new { a.PersonId, a.StartsAt, a.Type, a.Outcome })
                .ToListAsync(ct))
            .ToLookup(a => a.PersonId, a => new Appointment { StartsAt = a.StartsAt, Type = a.Type, Outcome = a.Outcome }.ToContactRecord(zone));

        return starts.ToDictionary(
            s => s.Key,
            s => ContactCompliance.Assess(s.Value, tiers[s.Key], policies.Schedule, contacts[s.Key], policies.Calendar, today));
    }

    /// <summary>The first day of each person's current community supervision (see <see cref="AssessAsync"/>); people with none are left out.</summary>
    public static async Task<IReadOnlyDictionary<int, DateOnly>> SupervisionStartsAsync(
        OpenProbationDbContext db, IReadOnlyCollection<int> personIds, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = personIds.Distinct().ToList();
        // Status and type are filtered here, not in SQL: with them in the query SQLite walks the status index over every
        // live order in the region instead of the person index (a few orders each).
        var live = (await db.Orders.AsNoTracking()
                .Where(o => ids.Contains(o.PersonId))
                .Select(o => new { o.PersonId, o.Id, o.StartDate, o.Status, o.Type })
                .ToListAsync(ct))
            .Where(o => o.Status is OrderStatus.Active or OrderStatus.Breached && o.Type != OrderType.Custody)
            .ToList();
        return live.GroupBy(o => o.PersonId).ToDictionary(
            g => g.Key,
            g => g.Where(o => o.StartDate <= today).OrderByDescending(o => o.StartDate).ThenByDescending(o => o.Id).Select(o => (DateOnly?)o.StartDate).FirstOrDefault()
                ?? g.Min(o => o.StartDate));
    }

    /// <summary>
    /// The people on each officer's current caseload (assignments not ended) that <paramref name="user"/> may see: a
    /// restricted case the user may not see is neither listed nor counted. Every officer asked for has an entry.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<int>>> CaseloadsAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, IReadOnlyCollection<int> staffIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = staffIds.Distinct().ToList();
        var rows = await db.VisibleAssignments(user).AsNoTracking()
            .Where(a => a.ToDate == null && ids.Contains(a.StaffMemberId))
            .Select(a => new { a.StaffMemberId, a.Order!.PersonId })
            .Distinct()
            .ToListAsync(ct);
        var byStaff = rows.ToLookup(r => r.StaffMemberId, r => r.PersonId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<int>)[.. byStaff[id].Distinct()]);
    }

    /// <summary>One officer's caseload assessed on <paramref name="today"/> and summed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<OfficerCompliance> ForOfficerAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, ContactPolicies policies, int staffMemberId, DateOnly today, DateOnly from, DateOnly to,
        CancellationToken ct) =>
        (await ForOfficersAsync(db, user, policies, [staffMemberId], today, from, to, ct))[0];

    /// <summary>Several officers' caseloads, assessed together (one batch of queries for all of them), in the order given.</summary>
    public static async Task<IReadOnlyList<OfficerCompliance>> ForOfficersAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, ContactPolicies policies, IReadOnlyList<int> staffIds, DateOnly today, DateOnly from,
        DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staffIds);
        var caseloads = await CaseloadsAsync(db, user, staffIds, ct);
        var results = await AssessAsync(db, policies, [.. caseloads.Values.SelectMany(p => p).Distinct()], today, ct);
        return [.. staffIds.Distinct().Select(id =>
        {
            var people = caseloads[id];
            var assessed = people.Where(results.ContainsKey).ToDictionary(p => p, p => results[p]);
            return new OfficerCompliance(id, people, assessed, ComplianceRollup.Of(assessed.Values, from, to));
        })];
    }

    /// <summary>
    /// A team's compliance: each member in post on <paramref name="today"/> who may hold cases or has a caseload, and the
    /// team's total over every case on those caseloads, each counted once.
    /// </summary>
    public static async Task<TeamCompliance> ForTeamAsync(
        OpenProbationDbContext db, ClaimsPrincipal user, ContactPolicies policies, int teamId, DateOnly today, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.TeamId == teamId && s.StartDate <= today && (s.EndDate == null || s.EndDate >= today))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Grade })
            .ToListAsync(ct);
        var officers = await ForOfficersAsync(db, user, policies, [.. staff.Select(s => s.Id)], today, from, to, ct);
        var holders = staff.Where(s => StaffGrades.CanHoldCases(s.Grade)).Select(s => s.Id).ToHashSet();
        var shown = officers.Where(o => holders.Contains(o.StaffMemberId) || o.PersonIds.Count > 0).ToList();
        var everyCase = shown.SelectMany(o => o.Results).DistinctBy(r => r.Key).Select(r => r.Value);
        return new TeamCompliance(teamId, shown, ComplianceRollup.Of(everyCase, from, to));
    }

    /// <summary>
    /// Each person's next appointment: the first starting at or after <paramref name="now"/> with no outcome yet (a
    /// rescheduled one is replaced, an absence notified in advance is recorded). People with none are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ContactBrief>> NextAppointmentAsync(
        OpenProbationDbContext db, IReadOnlyCollection<int> personIds, DateTimeOffset now, CancellationToken ct) =>
        (await NextAndLastAsync(db, personIds, now, ct)).Next;

    /// <summary>
    /// Each person's last contact: the latest held offender-management appointment (attended, or sent home) that started
    /// by <paramref name="now"/>, whatever its kind. Compliance's "last seen" can be earlier, because a call does not count
    /// for a tier whose standard does not let it stand in. People never seen are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, ContactBrief>> LastContactAsync(
        OpenProbationDbContext db, IReadOnlyCollection<int> personIds, DateTimeOffset now, CancellationToken ct) =>
        (await NextAndLastAsync(db, personIds, now, ct)).Last;

    /// <summary>
    /// <see cref="NextAppointmentAsync"/> and <see cref="LastContactAsync"/> together in two queries: each person's two
    /// appointment ids by a correlated lookup that walks the (person, start) index from either end, then those appointments.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<int, ContactBrief> Next, IReadOnlyDictionary<int, ContactBrief> Last)> NextAndLastAsync(
        OpenProbationDbContext db, IReadOnlyCollection<int> personIds, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = personIds.Distinct().ToList();
        var at = now.ToUniversalTime();
        var pairs = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                Next = db.Appointments.Where(a => a.PersonId == p.Id && a.StartsAt >= at && a.Outcome == null)
                    .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault(),
                Last = db.Appointments.Where(a => a.PersonId == p.Id && a.StartsAt <= at
                        && a.Outcome != null && HeldOutcomes.Contains(a.Outcome.Value) && ContactTypes.Contains(a.Type))
                    .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Select(a => (int?)a.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var nextIds = pairs.Where(p => p.Next != null).Select(p => p.Next!.Value).ToHashSet();
        var lastIds = pairs.Where(p => p.Last != null).Select(p => p.Last!.Value).ToHashSet();
        var wanted = nextIds.Concat(lastIds).Distinct().ToList();
        var briefs = wanted.Count == 0 ? [] : await db.Appointments.AsNoTracking()
            .Where(a => wanted.Contains(a.Id))
            .Select(a => new ContactBrief(a.Id, a.PersonId, a.Type, a.StartsAt, a.DurationMinutes, a.StaffMemberId, a.Outcome))
            .ToListAsync(ct);
        return (briefs.Where(b => nextIds.Contains(b.AppointmentId)).ToDictionary(b => b.PersonId),
            briefs.Where(b => lastIds.Contains(b.AppointmentId)).ToDictionary(b => b.PersonId));
    }
}
