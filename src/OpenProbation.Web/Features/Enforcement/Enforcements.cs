using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Letters;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Letters;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>
/// Failures to comply on the record: opened when an enforceable appointment's outcome is a failure, decided by the
/// responsible officer under <see cref="EnforcementRules"/>. The rules are the domain's; this loads and saves.
/// </summary>
public static class Enforcements
{
    /// <summary>The rule a decision on a failure already decided carries.</summary>
    public const string DecidedRule = "enforcement-decided";

    /// <summary>The failures of the people <paramref name="user"/> may see, untracked.</summary>
    public static IQueryable<FailureToComply> Visible(OpenProbationDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.VisiblePeople(user).Select(p => p.Id);
        return db.FailuresToComply.AsNoTracking().Where(f => people.Contains(f.PersonId));
    }

    /// <summary>
    /// Failures awaiting a decision that <paramref name="user"/> may see, oldest due first: only those past their due day
    /// when <paramref name="overdueOnly"/>, and only cases a team's officers hold when <paramref name="teamId"/> is given.
    /// </summary>
    public static IQueryable<FailureToComply> Awaiting(OpenProbationDbContext db, ClaimsPrincipal user, bool overdueOnly, int? teamId, DateOnly today)
    {
        var query = Visible(db, user).Where(f => f.Status == EnforcementStatus.AwaitingDecision);
        if (overdueOnly)
        {
            query = query.Where(f => f.DecisionDueOn < today);
        }

        if (teamId is { } team)
        {
            var orders = db.Assignments.Where(a => a.ToDate == null && a.StaffMember!.TeamId == team).Select(a => a.OrderId);
            query = query.Where(f => orders.Contains(f.OrderId));
        }

        return query.OrderBy(f => f.DecisionDueOn).ThenBy(f => f.Id);
    }

    /// <summary>
    /// Opens the decision for <paramref name="appointment"/> when its outcome is a failure to comply on an order, once:
    /// the appointment is unique among failures, so a second recording (by anyone, at any moment) opens nothing more.
    /// Returns the failure opened, or nothing.
    /// </summary>
    public static async Task<FailureToComply?> OpenAsync(OpenProbationDbContext db, ContactPolicies policies, Appointment appointment, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(appointment);
        if (!appointment.IsFailureToComply || appointment.OrderId is not { } orderId
            || await db.FailuresToComply.AnyAsync(f => f.AppointmentId == appointment.Id, ct))
        {
            return null;
        }

        var failure = FailureToComply.Open(appointment.PersonId, orderId, appointment.Id, UkTime.DateOf(appointment.StartsAt), appointment.Outcome!.Value,
            now.ToUniversalTime(), policies.Calendar, policies.Enforcement);
        db.FailuresToComply.Add(failure);
        try
        {
            await db.SaveChangesAsync(ct);
            return failure;
        }
        catch (DbUpdateException)
        {
            db.Entry(failure).State = EntityState.Detached;
            if (await db.FailuresToComply.AsNoTracking().AnyAsync(f => f.AppointmentId == appointment.Id, ct))
            {
                // Someone else's recording opened it first: theirs stands.
                return null;
            }

            throw;
        }
    }

    /// <summary>What the rules need about a failure: its day, its order's type and the order's other warnings.</summary>
    public static async Task<FailureContext> ContextAsync(OpenProbationDbContext db, FailureToComply failure, CancellationToken ct) =>
        (await ContextsAsync(db, [failure], ct))[failure.Id];

    /// <summary>The rules' context for each of <paramref name="failures"/>, by failure id, from two queries whatever their number.</summary>
    public static async Task<Dictionary<int, FailureContext>> ContextsAsync(OpenProbationDbContext db, IReadOnlyCollection<FailureToComply> failures, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(failures);
        var orderIds = failures.Select(f => f.OrderId).Distinct().ToList();
        var types = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Type, ct);
        var warnings = (await db.FailuresToComply.AsNoTracking()
            .Where(f => orderIds.Contains(f.OrderId) && f.Decision == EnforcementDecision.Warning)
            .ToListAsync(ct)).ToLookup(w => w.OrderId);
        return failures.DistinctBy(f => f.Id).ToDictionary(
            f => f.Id,
            f => new FailureContext(f.FailureDate, types[f.OrderId], [.. warnings[f.OrderId].Where(w => w.Id != f.Id).Select(w => w.AsWarning()).OfType<PriorWarning>()]));
    }

    /// <summary>
    /// Records the officer's decision at <paramref name="expectedVersion"/> (a different version: no result, no errors).
    /// A failure already decided is refused by <see cref="DecidedRule"/>; the rules' refusals are field errors.
    /// </summary>
    public static async Task<(FailureToComply? Decided, ValidationErrors Errors)> DecideAsync(
        OpenProbationDbContext db, ContactPolicies policies, LetterTemplateSettings letters, FailureToComply failure, int expectedVersion,
        EnforcementDecisionDetails details, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        if (!failure.IsAwaitingDecision)
        {
            return (null, new ValidationErrors().Refuse("decision", DecidedRule,
                $"This failure was already decided ({EnforcementRules.Describe(failure.Decision!.Value)}) by {failure.DecidedBy}"));
        }

        var context = await ContextAsync(db, failure, ct);
        var errors = failure.Decide(details, context, policies.Enforcement, who, now.ToUniversalTime(), UkTime.DateOf(now));
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        // The decision and its letter are saved together: one event, one letter, even when two users decide at once
        // (the loser's save fails on the failure's version, or on the letter's event key).
        await LetterRecord.ForDecisionAsync(db, letters, policies.Enforcement, failure, who, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, new ValidationErrors());
        }

        return (failure, errors);
    }

    /// <summary>Withdraws a warning with a reason, at <paramref name="expectedVersion"/> (a different version: no result, no errors).</summary>
    public static async Task<(FailureToComply? Withdrawn, ValidationErrors Errors)> WithdrawWarningAsync(
        OpenProbationDbContext db, ContactPolicies policies, FailureToComply failure, int expectedVersion, string? reason, string who, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        var errors = failure.WithdrawWarning(reason, policies.Enforcement, who, now.ToUniversalTime());
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(ct);
        return (failure, errors);
    }
}
