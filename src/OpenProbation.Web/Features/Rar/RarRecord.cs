using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Rar;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;

namespace OpenProbation.Web.Features.Rar;

/// <summary>A RAR as the record holds it: the requirement, and its days counted from its sessions.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="PersonId">The person.</param>
/// <param name="Crn">Their CRN.</param>
/// <param name="Progress">The days.</param>
/// <param name="Sessions">Each session with what it did for the RAR.</param>
/// <param name="PlanNeeds">The needs of the order's current sentence plan with their agreed outcomes.</param>
/// <param name="Needs">The activities by need: the plan's needs, then others, then those linked to none.</param>
public sealed record RarView(
    Requirement Requirement, int PersonId, string Crn, RarProgress Progress, IReadOnlyList<(RarSession Session, string Words)> Sessions,
    IReadOnlyList<PlanNeed> PlanNeeds, IReadOnlyList<RarNeedProgress> Needs);

/// <summary>Reads RAR sessions and days from the record; the counting itself is <see cref="RarDays"/>.</summary>
public static class RarRecord
{
    /// <summary>
    /// The sessions for a requirement, dated in Europe/London, leaving out <paramref name="except"/> (an appointment
    /// being changed or rescheduled) and appointments rescheduled away (their replacements carry the day).
    /// </summary>
    public static async Task<List<RarSession>> SessionsAsync(OpenProbationDbContext db, int requirementId, int? except, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.RequirementId == requirementId && a.Id != except && a.Outcome != AppointmentOutcome.Rescheduled)
            .Select(a => new { a.Id, a.StartsAt, a.Type, a.Outcome, a.IsEnforceable, a.CountsTowardsRar, a.PlanNeed })
            .ToListAsync(ct);
        return [.. rows.Select(a => new RarSession(a.Id, UkTime.DateOf(a.StartsAt), a.Type, a.Outcome, a.IsEnforceable, a.CountsTowardsRar, a.PlanNeed))];
    }

    /// <summary>
    /// The needs of the order's current sentence plan (its latest version not superseded, draft or agreed), each with the
    /// outcomes agreed for it (<see cref="RarPlanNeeds.Of"/>); empty while the order has no plan.
    /// </summary>
    public static async Task<IReadOnlyList<PlanNeed>> PlanNeedsAsync(OpenProbationDbContext db, int orderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.SentencePlans.AsNoTracking().Where(p => p.OrderId == orderId && p.Status != SentencePlanStatus.Superseded)
            .OrderByDescending(p => p.PlanNumber).FirstOrDefaultAsync(ct);
        return RarPlanNeeds.Of(plan);
    }

    /// <summary>
    /// Days delivered by each of many RARs (<see cref="RarProgress.DaysCompleted"/>, so never more than the court's
    /// maximum), in one query for them all: for reports across orders. A RAR with no day delivered is left out.
    /// </summary>
    /// <param name="db">The database.</param>
    /// <param name="rars">The RAR requirements, already limited to what the reader may see.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Dictionary<int, int>> DaysDeliveredAsync(OpenProbationDbContext db, IQueryable<Requirement> rars, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Only sessions that can deliver a day are read; RarDays still decides which of them do.
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                join r in rars.Where(r => r.Type == RequirementType.Rar) on a.RequirementId equals (int?)r.Id
                where a.Outcome == AppointmentOutcome.AttendedComplied && a.CountsTowardsRar && a.IsEnforceable
                select new { RequirementId = r.Id, Maximum = r.RarMaxDays ?? 0, a.Id, a.StartsAt, a.Type, a.Outcome, a.IsEnforceable, a.CountsTowardsRar })
            .ToListAsync(ct);
        return rows.GroupBy(a => (a.RequirementId, a.Maximum)).ToDictionary(
            g => g.Key.RequirementId,
            g => RarDays.Progress(g.Key.Maximum, g.Select(a => new RarSession(a.Id, UkTime.DateOf(a.StartsAt), a.Type, a.Outcome, a.IsEnforceable, a.CountsTowardsRar))).DaysCompleted);
    }

    /// <summary>The rule a RAR already ended carries.</summary>
    public const string EndedRule = "rar-ended";

    /// <summary>
    /// Completes the RAR (<see cref="RarCompletionDetails.Validate"/> against its days now). Nothing is saved when the
    /// requirement is no longer at <paramref name="expectedVersion"/> (no result, no errors), or with errors; a RAR already
    /// completed or terminated is refused by the rule <see cref="EndedRule"/>.
    /// </summary>
    public static async Task<(RarView? Completed, ValidationErrors Errors)> CompleteAsync(
        OpenProbationDbContext db, RarView rar, int expectedVersion, RarCompletionDetails details, string who, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rar);
        ArgumentNullException.ThrowIfNull(details);
        if (rar.Requirement.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        if (rar.Requirement.Status is RequirementStatus.Completed or RequirementStatus.Terminated)
        {
            return (null, new ValidationErrors().Refuse("completedOn", EndedRule,
                $"This RAR is already {(rar.Requirement.Status == RequirementStatus.Completed ? "completed" : "terminated")}"));
        }

        var errors = details.Validate(rar.Progress, clock.Today());
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var requirement = await db.Requirements.SingleAsync(r => r.Id == rar.Requirement.Id, ct);
        if (requirement.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        requirement.CompleteRar(details, who, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (rar with { Requirement = requirement }, errors);
    }

    /// <summary>
    /// What an edit of a RAR (PUT) may not do: complete it, which goes through <see cref="CompleteAsync"/> with the
    /// outcome and, on fewer days, the rationale; or lower the maximum below the days already delivered or instructed.
    /// </summary>
    public static async Task<ValidationErrors> CheckEditAsync(OpenProbationDbContext db, Requirement rar, RequirementDetails edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rar);
        ArgumentNullException.ThrowIfNull(edit);
        var errors = new ValidationErrors();
        if (edit.Status == RequirementStatus.Completed && rar.Status != RequirementStatus.Completed)
        {
            errors.Add("status", $"A RAR is completed with its outcome against the agreed outcomes: POST /api/v1/requirements/{rar.Id}/rar/complete");
        }

        if (edit.Type == RequirementType.Rar && edit.RarMaxDays is { } maximum && maximum < (rar.RarMaxDays ?? 0))
        {
            var progress = RarDays.Progress(rar.RarMaxDays ?? 0, await SessionsAsync(db, rar.Id, except: null, ct));
            if (maximum < progress.DaysInstructed)
            {
                errors.Add("rarMaxDays", $"Already delivered or instructed: {RarDays.Days(progress.DaysInstructed)}. The maximum cannot be lower than that; cancel sessions to come first");
            }
        }

        return errors;
    }

    /// <summary>The RAR requirement with this id if <paramref name="user"/> may see it; nothing for any other requirement.</summary>
    public static async Task<RarView?> LoadAsync(OpenProbationDbContext db, ClaimsPrincipal user, int requirementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.VisibleRequirements(user).AsNoTracking()
            .Where(r => r.Id == requirementId && r.Type == RequirementType.Rar)
            .Select(r => new { Requirement = r, r.Order!.PersonId, r.Order.Person!.Crn })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var sessions = await SessionsAsync(db, requirementId, except: null, ct);
        var plan = await PlanNeedsAsync(db, found.Requirement.OrderId, ct);
        return new RarView(found.Requirement, found.PersonId, found.Crn, RarDays.Progress(found.Requirement.RarMaxDays ?? 0, sessions), RarDays.Explain(sessions),
            plan, RarPlanNeeds.ByNeed(sessions, plan));
    }

    /// <summary>The RAR's records that no suitable activity exists, oldest first.</summary>
    public static Task<List<NoSuitableActivity>> NoSuitableActivitiesAsync(OpenProbationDbContext db, int requirementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.NoSuitableActivities.AsNoTracking().Where(n => n.RequirementId == requirementId).OrderBy(n => n.RecordedAt).ThenBy(n => n.Id).ToListAsync(ct);
    }

    /// <summary>Records that no suitable activity exists for a need on the RAR, with the reason; field errors when refused.</summary>
    public static async Task<(NoSuitableActivity? Recorded, ValidationErrors Errors)> RecordNoSuitableActivityAsync(
        OpenProbationDbContext db, RarView rar, NoSuitableActivityDetails details, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rar);
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var record = details.ToRecord(rar.Requirement.Id, rar.PersonId, who, now.ToUniversalTime());
        db.NoSuitableActivities.Add(record);
        await db.SaveChangesAsync(ct);
        return (record, errors);
    }
}
