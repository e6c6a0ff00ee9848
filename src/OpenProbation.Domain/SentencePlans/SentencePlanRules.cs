using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.SentencePlans;

/// <summary>The sentence plan settings, configurable (<c>OpenProbation:SentencePlans</c>); defaults from issue 6.</summary>
public sealed record SentencePlanSettings
{
    /// <summary>A plan is due within this many working days of sentence or release: 15.</summary>
    public int DueWorkingDays { get; init; } = 15;

    /// <summary>
    /// An agreed plan is reviewed at least this often, in weeks, as well as on a significant change. OpenProbation's
    /// default (16): the sources ask for a review cycle but give no figure.
    /// </summary>
    public int ReviewWeeks { get; init; } = 16;

    /// <summary>Checks the settings; messages name the configuration keys.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (DueWorkingDays is < 1 or > 120)
        {
            errors.Add(nameof(DueWorkingDays), "OpenProbation:SentencePlans:DueWorkingDays must be from 1 to 120");
        }

        if (ReviewWeeks is < 1 or > 104)
        {
            errors.Add(nameof(ReviewWeeks), "OpenProbation:SentencePlans:ReviewWeeks must be from 1 to 104");
        }

        return errors;
    }
}

/// <summary>A contact on the record, as plan agreement sees it.</summary>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="StaffMemberId">Whom it was with.</param>
/// <param name="OrderId">The order it was for.</param>
/// <param name="Type">Kind of appointment.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="StartsAt">When it started.</param>
public sealed record PlanContact(int AppointmentId, int StaffMemberId, int? OrderId, AppointmentType Type, AppointmentOutcome? Outcome, DateTimeOffset StartsAt);

/// <summary>A significant change on the case that calls for the plan to be reviewed.</summary>
/// <param name="Reason">What kind of change.</param>
/// <param name="At">When it happened.</param>
/// <param name="What">The change, in words (e.g. "Tier changed from C2 to B2").</param>
public sealed record SignificantChange(PlanReviewReason Reason, DateTimeOffset At, string What);

/// <summary>
/// The sentence plan rules (PRACTICE.md immutable line 2): a plan is made with the person, so it can be agreed only
/// after a recorded face-to-face contact between the responsible officer and the person on this order, and it records
/// the person's own words. A plan for a high or very high ROSH case carries a risk management plan and is countersigned
/// by a manager before it is in force.
/// </summary>
public static class SentencePlanRules
{
    /// <summary>The rule a refusal to agree without a face-to-face contact carries.</summary>
    public const string NoFaceToFaceContactRule = "no-face-to-face-contact";

    /// <summary>The day a first plan is due: <see cref="SentencePlanSettings.DueWorkingDays"/> working days after sentence or release.</summary>
    public static DateOnly DueDate(DateOnly sentenceOrRelease, WorkingCalendar calendar, SentencePlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        return calendar.AddWorkingDays(sentenceOrRelease, settings.DueWorkingDays);
    }

    /// <summary>
    /// The day a first plan on an order is due: <see cref="SentencePlanSettings.DueWorkingDays"/> working days after
    /// release for a licence or post-sentence supervision (their start), after sentence for any other order.
    /// </summary>
    public static DateOnly FirstPlanDue(OrderType type, DateOnly sentenceDate, DateOnly startDate, WorkingCalendar calendar, SentencePlanSettings settings) =>
        DueDate(type is OrderType.Licence or OrderType.PostSentenceSupervision ? startDate : sentenceDate, calendar, settings);

    /// <summary>The day an agreed plan's next review is due: <see cref="SentencePlanSettings.ReviewWeeks"/> weeks after agreement.</summary>
    public static DateOnly ReviewDue(DateOnly agreedOn, SentencePlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return agreedOn.AddDays(7 * settings.ReviewWeeks);
    }

    /// <summary>True when the ROSH makes a risk management plan and a manager's countersignature necessary.</summary>
    public static bool NeedsCountersignature(RoshLevel? rosh) => rosh is RoshLevel.High or RoshLevel.VeryHigh;

    /// <summary>
    /// The face-to-face contact that lets the plan be agreed: held, face to face, with <paramref name="responsibleOfficerId"/>,
    /// for <paramref name="orderId"/>, started by <paramref name="now"/>; the latest such. Nothing when there is none.
    /// </summary>
    public static PlanContact? MeetingWithOfficer(IEnumerable<PlanContact> contacts, int? responsibleOfficerId, int orderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return responsibleOfficerId is not { } officer ? null : contacts
            .Where(c => c.StaffMemberId == officer && c.OrderId == orderId && AppointmentTypes.IsFaceToFace(c.Type)
                && c.Outcome is { } outcome && AppointmentOutcomes.IsHeld(outcome) && c.StartsAt <= now)
            .OrderByDescending(c => c.StartsAt)
            .FirstOrDefault();
    }

    /// <summary>Why the plan cannot be agreed for want of a meeting, in words, naming the officer when there is one.</summary>
    public static string NoMeetingMessage(string? responsibleOfficerName) => responsibleOfficerName is null
        ? "This order has no responsible officer yet. A sentence plan is made with the person: it can be agreed only after the responsible officer has met them face to face on this order."
        : $"A sentence plan is made with the person: it can be agreed only after {responsibleOfficerName}, the responsible officer, has met them face to face on this order and the contact is recorded as held. Record that contact first.";

    /// <summary>
    /// Why the plan in force, agreed at <paramref name="agreedAt"/>, should be reviewed now: its review day has come
    /// (<see cref="PlanReviewReason.ScheduledReview"/>), and each significant change from the moment it was agreed (a tier change,
    /// a new order, a breach or recall). Empty when nothing calls for a review.
    /// </summary>
    public static IReadOnlyList<SignificantChange> ReviewsCalledFor(
        DateTimeOffset agreedAt, DateOnly? reviewDueOn, DateOnly today, IEnumerable<SignificantChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var due = new List<SignificantChange>();
        if (reviewDueOn is { } day && day <= today)
        {
            due.Add(new SignificantChange(PlanReviewReason.ScheduledReview, agreedAt, $"The review was due on {Wording.Date(day)}"));
        }

        due.AddRange(changes.Where(c => c.At >= agreedAt && c.Reason is not (PlanReviewReason.FirstPlan or PlanReviewReason.ScheduledReview))
            .OrderBy(c => c.At));
        return due;
    }
}
