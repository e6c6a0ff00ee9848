using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Access;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.People;

namespace OpenProbation.Web.Features.SentencePlans;

/// <summary>A plan version with what its rules need from the rest of the record.</summary>
/// <param name="Plan">The version.</param>
/// <param name="Order">Its order.</param>
/// <param name="Crn">The person's CRN.</param>
/// <param name="ResponsibleOfficer">The order's responsible officer now.</param>
/// <param name="Rosh">The ROSH of the latest complete assessment.</param>
/// <param name="Meeting">The held face-to-face contact with the responsible officer on the order that agreement can rest on.</param>
/// <param name="ReviewsCalledFor">For the plan in force: why it should be reviewed now.</param>
/// <param name="IsLatest">True for the order's newest version.</param>
public sealed record PlanView(
    SentencePlan Plan, Order Order, string Crn, OfficerDto? ResponsibleOfficer, RoshLevel? Rosh, PlanContact? Meeting,
    IReadOnlyList<SignificantChange> ReviewsCalledFor, bool IsLatest)
{
    /// <summary>True when a manager must countersign this plan before it is in force.</summary>
    public bool NeedsCountersignature => SentencePlanRules.NeedsCountersignature(Rosh);
}

/// <summary>
/// Sentence plans on the record: started per order, written with the person, agreed only after the responsible officer
/// has met them (<see cref="SentencePlanRules"/>), countersigned for high ROSH, and reviewed as new versions.
/// </summary>
public static class SentencePlanRecord
{
    /// <summary>Starting a first plan on an order that has one.</summary>
    public const string ExistsRule = "sentence-plan-exists";

    /// <summary>Changing a version that is no longer a draft.</summary>
    public const string NotDraftRule = "sentence-plan-not-draft";

    /// <summary>Reviewing a version that is not the plan in force.</summary>
    public const string NotInForceRule = "sentence-plan-not-in-force";

    /// <summary>The plan versions the user may see.</summary>
    public static IQueryable<SentencePlan> Visible(OpenProbationDbContext db, ClaimsPrincipal user)
    {
        var people = db.VisiblePeople(user).Select(p => p.Id);
        return db.SentencePlans.Where(p => people.Contains(p.PersonId));
    }

    /// <summary>A version with its context, or nothing when it does not exist or the user may not see it.</summary>
    public static async Task<PlanView?> LoadAsync(OpenProbationDbContext db, ClaimsPrincipal user, int planId, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await Visible(db, user).SingleOrDefaultAsync(p => p.Id == planId, ct);
        return plan is null ? null : await ViewAsync(db, plan, now, ct);
    }

    /// <summary>The order's versions, newest first, for a visible order; nothing when the order is not visible.</summary>
    public static async Task<(Order Order, List<SentencePlan> Versions)?> VersionsAsync(OpenProbationDbContext db, ClaimsPrincipal user, int orderId, CancellationToken ct)
    {
        var people = db.VisiblePeople(user).Select(p => p.Id);
        var order = await db.Orders.AsNoTracking().Include(o => o.Person).SingleOrDefaultAsync(o => o.Id == orderId && people.Contains(o.PersonId), ct);
        if (order is null)
        {
            return null;
        }

        var versions = await db.SentencePlans.AsNoTracking().Where(p => p.OrderId == orderId).OrderByDescending(p => p.PlanNumber).ToListAsync(ct);
        return (order, versions);
    }

    /// <summary>The day a first plan on <paramref name="order"/> is due: working days after sentence, or after release for a licence.</summary>
    public static DateOnly FirstPlanDue(Order order, ContactPolicies policies) =>
        SentencePlanRules.FirstPlanDue(order.Type, order.SentenceDate, order.StartDate, policies.Calendar, policies.Plans);

    /// <summary>Starts the first plan on a live order, as a draft with <paramref name="details"/> if given.</summary>
    public static async Task<(SentencePlan? Plan, ValidationErrors Errors)> StartAsync(
        OpenProbationDbContext db, ContactPolicies policies, Order order, SentencePlanDetails? details, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var errors = details?.Validate(UkTime.DateOf(now)) ?? new ValidationErrors();
        if (!order.IsLive)
        {
            errors.Add("orderId", "This order has ended: a sentence plan is made for a live order");
        }

        if (!errors.IsValid)
        {
            return (null, errors);
        }

        if (await db.SentencePlans.AnyAsync(p => p.OrderId == order.Id, ct))
        {
            return (null, errors.Refuse("orderId", ExistsRule, "This order already has a sentence plan: open it, or start a review for a new version"));
        }

        var plan = new SentencePlan
        {
            OrderId = order.Id,
            PersonId = order.PersonId,
            PlanNumber = 1,
            ReviewReason = PlanReviewReason.FirstPlan,
            DueOn = FirstPlanDue(order, policies),
            CreatedBy = who,
            CreatedAt = now.ToUniversalTime(),
        };
        if (details is not null)
        {
            plan.Apply(details);
        }

        return await AddAsync(db, plan, errors, ct);
    }

    /// <summary>Writes the draft at <paramref name="expectedVersion"/> (a different version: no result, no errors).</summary>
    public static async Task<(SentencePlan? Plan, ValidationErrors Errors)> UpdateAsync(
        OpenProbationDbContext db, SentencePlan plan, int expectedVersion, SentencePlanDetails details, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(details);
        if (plan.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        if (!plan.IsDraft)
        {
            return (null, NotDraft(plan));
        }

        var errors = details.Validate(UkTime.DateOf(now));
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        plan.Apply(details);
        return await SaveAsync(db, plan, errors, ct);
    }

    /// <summary>
    /// Records the agreement at <paramref name="expectedVersion"/>: refused by <see cref="SentencePlanRules.NoFaceToFaceContactRule"/>
    /// unless the responsible officer has met the person face to face on the order; the plan must be complete. When no
    /// countersignature is needed the plan is in force at once and the version before it is superseded.
    /// </summary>
    public static async Task<(SentencePlan? Plan, ValidationErrors Errors)> AgreeAsync(
        OpenProbationDbContext db, ContactPolicies policies, PlanView view, int expectedVersion, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(view);
        var plan = view.Plan;
        if (plan.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        if (!plan.IsDraft)
        {
            return (null, NotDraft(plan));
        }

        // The meeting comes first: it is the line the plan must not cross, whatever else is missing.
        if (view.Meeting is not { } meeting)
        {
            return (null, new ValidationErrors().Refuse("meeting", SentencePlanRules.NoFaceToFaceContactRule,
                SentencePlanRules.NoMeetingMessage(view.ResponsibleOfficer?.Name)));
        }

        var errors = plan.CheckReadyToAgree(view.Rosh);
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        plan.Agree(meeting.AppointmentId, view.Rosh, who, now.ToUniversalTime(), UkTime.DateOf(now), policies.Plans);
        if (plan.Status == SentencePlanStatus.Agreed)
        {
            await SupersedeEarlierAsync(db, plan, now, ct);
        }

        return await SaveAsync(db, plan, errors, ct);
    }

    /// <summary>A manager countersigns or sends back, at <paramref name="expectedVersion"/>; on approval the version before is superseded.</summary>
    public static async Task<(SentencePlan? Plan, ValidationErrors Errors)> CountersignAsync(
        OpenProbationDbContext db, SentencePlan plan, int expectedVersion, bool approve, string? note, string manager, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Version != expectedVersion)
        {
            return (null, new ValidationErrors());
        }

        var errors = plan.Countersign(approve, note, manager, now.ToUniversalTime());
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        if (plan.Status == SentencePlanStatus.Agreed)
        {
            await SupersedeEarlierAsync(db, plan, now, ct);
        }

        return await SaveAsync(db, plan, errors, ct);
    }

    /// <summary>
    /// Starts a review of the plan in force as a new draft version carrying its content; the plan in force stays in force
    /// until the new version is agreed. Refused for any version but the order's newest agreed one.
    /// </summary>
    public static async Task<(SentencePlan? Plan, ValidationErrors Errors)> StartReviewAsync(
        OpenProbationDbContext db, ContactPolicies policies, PlanView view, PlanReviewDetails details, string who, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate();
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        if (view.Plan.Status != SentencePlanStatus.Agreed || !view.IsLatest)
        {
            return (null, errors.Refuse("reason", NotInForceRule, view.IsLatest
                ? "Only the plan in force can be reviewed: finish agreeing this version first"
                : "A newer version of this plan exists: review that one"));
        }

        if (!view.Order.IsLive)
        {
            return (null, errors.Add("reason", "This order has ended: its plan is no longer reviewed"));
        }

        var today = UkTime.DateOf(now);
        var next = view.Plan.StartReview(details.Reason!.Value, details.Note, SentencePlanRules.DueDate(today, policies.Calendar, policies.Plans), who,
            now.ToUniversalTime());
        return await AddAsync(db, next, errors, ct);
    }

    /// <summary>
    /// The view with <paramref name="appointmentId"/> as the meeting when that contact qualifies (held, face to face, with the
    /// responsible officer, on the order, already happened), else with no meeting, so agreeing is refused.
    /// </summary>
    public static async Task<PlanView> WithMeetingAsync(OpenProbationDbContext db, PlanView view, int appointmentId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var contact = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId && a.PersonId == view.Plan.PersonId)
            .Select(a => new PlanContact(a.Id, a.StaffMemberId, a.OrderId, a.Type, a.Outcome, a.StartsAt)).ToListAsync(ct);
        return view with { Meeting = SentencePlanRules.MeetingWithOfficer(contact, view.ResponsibleOfficer?.StaffMemberId, view.Plan.OrderId, now) };
    }

    /// <summary>Loads what the rules need about <paramref name="plan"/>: order, officer, ROSH, the meeting and the changes since agreement.</summary>
    public static async Task<PlanView> ViewAsync(OpenProbationDbContext db, SentencePlan plan, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var order = await db.Orders.AsNoTracking().Include(o => o.Person).SingleAsync(o => o.Id == plan.OrderId, ct);
        var latest = await db.SentencePlans.Where(p => p.OrderId == plan.OrderId).MaxAsync(p => p.PlanNumber, ct);
        return (await ViewsAsync(db, order, [plan], latest, now, ct))[0];
    }

    /// <summary>
    /// <see cref="ViewAsync"/> for several versions of one order's plan (whose newest is number <paramref name="latest"/>):
    /// the officer and ROSH are read once; a meeting is looked for only for a draft, changes only for the plan in force.
    /// </summary>
    public static async Task<List<PlanView>> ViewsAsync(
        OpenProbationDbContext db, Order order, IReadOnlyList<SentencePlan> plans, int latest, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(plans);
        var officer = (await ResponsibleOfficers.ForOrdersAsync(db, [order.Id], ct)).GetValueOrDefault(order.Id);
        var rosh = await db.RiskAssessments.AsNoTracking().Where(a => a.PersonId == order.PersonId && a.IsComplete)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).Select(a => (RoshLevel?)a.Rosh).FirstOrDefaultAsync(ct);
        var views = new List<PlanView>(plans.Count);
        foreach (var plan in plans)
        {
            PlanContact? meeting = null;
            if (officer is not null && plan.IsDraft)
            {
                var contacts = await db.Appointments.AsNoTracking()
                    .Where(a => a.PersonId == plan.PersonId && a.OrderId == plan.OrderId && a.StaffMemberId == officer.StaffMemberId && a.Outcome != null
                        && a.StartsAt <= now)
                    .OrderByDescending(a => a.StartsAt).Take(200)
                    .Select(a => new PlanContact(a.Id, a.StaffMemberId, a.OrderId, a.Type, a.Outcome, a.StartsAt))
                    .ToListAsync(ct);
                meeting = SentencePlanRules.MeetingWithOfficer(contacts, officer.StaffMemberId, plan.OrderId, now);
            }

            IReadOnlyList<SignificantChange> reviews = [];
            if (plan.Status == SentencePlanStatus.Agreed && plan.AgreedAt is { } agreedAt)
            {
                reviews = SentencePlanRules.ReviewsCalledFor(agreedAt, plan.ReviewDueOn, UkTime.DateOf(now), await ChangesSinceAsync(db, plan, agreedAt, ct));
            }

            views.Add(new PlanView(plan, order, order.Person!.Crn, officer, rosh, meeting, reviews, plan.PlanNumber == latest));
        }

        return views;
    }

    // Tier changes, new orders and breach or recall decisions after agreement: each calls for a review.
    private static async Task<List<SignificantChange>> ChangesSinceAsync(OpenProbationDbContext db, SentencePlan plan, DateTimeOffset agreedAt, CancellationToken ct)
    {
        var changes = new List<SignificantChange>();
        var tiers = await db.CaseTiers.AsNoTracking()
            .Where(t => t.PersonId == plan.PersonId && t.AppliedAt != null && t.AppliedAt >= agreedAt
                && (t.Direction == Domain.Tiering.TierChangeDirection.Upgrade || t.Direction == Domain.Tiering.TierChangeDirection.Downgrade))
            .Select(t => new { t.AppliedAt, t.Tier, t.PreviousTier }).ToListAsync(ct);
        changes.AddRange(tiers.Select(t => new SignificantChange(PlanReviewReason.TierChange, t.AppliedAt!.Value,
            t.PreviousTier is null ? $"Tier set to {t.Tier}" : $"Tier changed from {t.PreviousTier} to {t.Tier}")));

        var agreedOn = UkTime.DateOf(agreedAt);
        var orders = await db.Orders.AsNoTracking().Where(o => o.PersonId == plan.PersonId && o.Id != plan.OrderId && o.SentenceDate > agreedOn)
            .Select(o => new { o.Type, o.SentenceDate, o.Court }).ToListAsync(ct);
        changes.AddRange(orders.Select(o => new SignificantChange(PlanReviewReason.NewOrder, UkTime.StartOfDay(o.SentenceDate),
            $"New {OrderRules.Describe(o.Type)} from {o.Court} on {Govuk.Wording.Date(o.SentenceDate)}")));

        var breaches = await db.FailuresToComply.AsNoTracking()
            .Where(f => f.PersonId == plan.PersonId && f.DecidedAt != null && f.DecidedAt >= agreedAt
                && (f.Decision == EnforcementDecision.Breach || f.Decision == EnforcementDecision.Recall))
            .Select(f => new { f.DecidedAt, f.Decision, f.FailureDate }).ToListAsync(ct);
        changes.AddRange(breaches.Select(b => new SignificantChange(PlanReviewReason.Breach, b.DecidedAt!.Value,
            $"{EnforcementRules.Describe(b.Decision!.Value)} for the failure on {Govuk.Wording.Date(b.FailureDate)}")));
        return changes;
    }

    private static async Task SupersedeEarlierAsync(OpenProbationDbContext db, SentencePlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var earlier = await db.SentencePlans
            .Where(p => p.OrderId == plan.OrderId && p.Id != plan.Id && p.Status == SentencePlanStatus.Agreed)
            .ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.Status = SentencePlanStatus.Superseded;
            old.SupersededAt = now.ToUniversalTime();
        }
    }

    private static ValidationErrors NotDraft(SentencePlan plan) => new ValidationErrors().Refuse("status", NotDraftRule, plan.Status switch
    {
        SentencePlanStatus.AwaitingCountersignature => "This plan was agreed and waits for a manager's countersignature: it cannot be changed now",
        SentencePlanStatus.Superseded => "This version was replaced by a later one and is kept as it was",
        _ => "This plan was agreed and is kept as it was: start a review to change it",
    });

    private static async Task<(SentencePlan? Plan, ValidationErrors Errors)> AddAsync(OpenProbationDbContext db, SentencePlan plan, ValidationErrors errors, CancellationToken ct)
    {
        db.SentencePlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
            return (plan, errors);
        }
        catch (DbUpdateException)
        {
            db.Entry(plan).State = EntityState.Detached;
            if (await db.SentencePlans.AsNoTracking().AnyAsync(p => p.OrderId == plan.OrderId && p.PlanNumber == plan.PlanNumber, ct))
            {
                return (null, errors.Refuse("orderId", ExistsRule, "Someone else started this version of the plan at the same moment: open theirs"));
            }

            throw;
        }
    }

    private static async Task<(SentencePlan? Plan, ValidationErrors Errors)> SaveAsync(OpenProbationDbContext db, SentencePlan plan, ValidationErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return (plan, errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, new ValidationErrors());
        }
    }
}
