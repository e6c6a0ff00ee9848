using OpenProbation.Domain.Common;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.SentencePlans;

/// <summary>Where a version of a sentence plan stands.</summary>
public enum SentencePlanStatus
{
    /// <summary>Being written with the person; not yet in force.</summary>
    Draft = 1,

    /// <summary>Agreed with the person; a high or very high ROSH plan waits for a manager's countersignature.</summary>
    AwaitingCountersignature,

    /// <summary>Agreed (and countersigned where needed): the plan in force.</summary>
    Agreed,

    /// <summary>Replaced by a later version; kept as it was.</summary>
    Superseded,
}

/// <summary>Who carries out an action of the plan.</summary>
public enum PlanActionOwner
{
    /// <summary>The person on probation.</summary>
    Person = 1,

    /// <summary>The responsible officer.</summary>
    ResponsibleOfficer,

    /// <summary>An intervention provider.</summary>
    Provider,

    /// <summary>Someone else, named.</summary>
    Other,
}

/// <summary>Why a version of the plan was started.</summary>
public enum PlanReviewReason
{
    /// <summary>The first plan after sentence or release.</summary>
    FirstPlan = 1,

    /// <summary>The review cycle came round.</summary>
    ScheduledReview,

    /// <summary>The tier changed.</summary>
    TierChange,

    /// <summary>A new order.</summary>
    NewOrder,

    /// <summary>A breach or recall.</summary>
    Breach,

    /// <summary>Another significant change, described.</summary>
    OtherChange,
}

/// <summary>
/// One version of the sentence plan for an order. A new version starts from the last and the old one is superseded, never
/// overwritten, so what was agreed with the person, when and by whom stays on the record.
/// </summary>
public sealed class SentencePlan : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The order it is for.</summary>
    public int OrderId { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>1 for the first plan on the order, then 2, 3 … for each review.</summary>
    public int PlanNumber { get; set; }

    /// <summary>Where it stands.</summary>
    public SentencePlanStatus Status { get; set; } = SentencePlanStatus.Draft;

    /// <summary>Why this version was started.</summary>
    public PlanReviewReason ReviewReason { get; set; }

    /// <summary>The change behind it, in words, for a review on other significant change.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>The day it is due to be agreed by.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The person's own goals, in their words.</summary>
    public string? PersonGoals { get; set; }

    /// <summary>What the person agrees to, in their words.</summary>
    public string? PersonAgreesTo { get; set; }

    /// <summary>What the person disagrees with, in their words.</summary>
    public string? PersonDisagreesWith { get; set; }

    /// <summary>The risk management plan, needed when the ROSH is high or very high.</summary>
    public string? RiskManagementPlan { get; set; }

    /// <summary>The objectives, in order.</summary>
    public List<PlanObjective> Objectives { get; set; } = [];

    /// <summary>User name of whoever started it.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>User name of whoever recorded the agreement.</summary>
    public string? AgreedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? AgreedAt { get; set; }

    /// <summary>The face-to-face contact with the responsible officer that the agreement rests on.</summary>
    public int? MeetingAppointmentId { get; set; }

    /// <summary>True when the ROSH at agreement needed a manager's countersignature.</summary>
    public bool NeedsCountersignature { get; set; }

    /// <summary>User name of the manager who countersigned.</summary>
    public string? CountersignedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? CountersignedAt { get; set; }

    /// <summary>The manager's note (required when sending it back).</summary>
    public string? CountersignatureNote { get; set; }

    /// <summary>The day the next review is due, once agreed.</summary>
    public DateOnly? ReviewDueOn { get; set; }

    /// <summary>When a later version replaced it.</summary>
    public DateTimeOffset? SupersededAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>True while it can be edited.</summary>
    public bool IsDraft => Status == SentencePlanStatus.Draft;

    /// <summary>Copies validated details onto the draft, replacing its objectives and actions.</summary>
    public void Apply(SentencePlanDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        PersonGoals = Clean(details.PersonGoals);
        PersonAgreesTo = Clean(details.PersonAgreesTo);
        PersonDisagreesWith = Clean(details.PersonDisagreesWith);
        RiskManagementPlan = Clean(details.RiskManagementPlan);
        Objectives = [.. (details.Objectives ?? []).Select((o, i) => new PlanObjective
        {
            Position = i + 1,
            Need = o.Need,
            Description = o.Description!.Trim(),
            AgreedOutcome = Clean(o.AgreedOutcome),
            Actions = [.. (o.Actions ?? []).Select((a, j) => new PlanAction
            {
                Position = j + 1,
                Description = a.Description!.Trim(),
                Owner = a.Owner!.Value,
                OwnerName = Clean(a.OwnerName),
                TargetDate = a.TargetDate,
            })],
        })];
    }

    /// <summary>
    /// What stops the draft being agreed, apart from the meeting (<see cref="SentencePlanRules.MeetingWithOfficer"/>):
    /// at least one objective, each with an action and an agreed outcome; the person's own goals; and a risk
    /// management plan when the ROSH is high or very high.
    /// </summary>
    public ValidationErrors CheckReadyToAgree(RoshLevel? rosh)
    {
        var errors = new ValidationErrors();
        if (!IsDraft)
        {
            return errors.Add("status", "Only a draft plan can be agreed");
        }

        if (string.IsNullOrWhiteSpace(PersonGoals))
        {
            errors.Add("personGoals", "Record the person's own goals, in their words, before the plan is agreed");
        }

        if (Objectives.Count == 0)
        {
            errors.Add("objectives", "Add at least one objective linked to an assessed need");
        }

        foreach (var objective in Objectives)
        {
            var at = $"objectives[{objective.Position - 1}]";
            if (objective.Actions.Count == 0)
            {
                errors.Add($"{at}.actions", $"Objective {objective.Position} needs at least one action: who does what, by when");
            }

            if (string.IsNullOrWhiteSpace(objective.AgreedOutcome))
            {
                errors.Add($"{at}.agreedOutcome", $"Objective {objective.Position} needs the outcome agreed with the person");
            }
        }

        if (SentencePlanRules.NeedsCountersignature(rosh) && string.IsNullOrWhiteSpace(RiskManagementPlan))
        {
            errors.Add("riskManagementPlan", "The ROSH is high or very high: the plan needs a risk management plan");
        }

        return errors;
    }

    /// <summary>Records the agreement, after <see cref="CheckReadyToAgree"/> and the meeting were checked.</summary>
    public void Agree(int meetingAppointmentId, RoshLevel? rosh, string agreedBy, DateTimeOffset agreedAt, DateOnly today, SentencePlanSettings settings)
    {
        MeetingAppointmentId = meetingAppointmentId;
        AgreedBy = agreedBy;
        AgreedAt = agreedAt;
        NeedsCountersignature = SentencePlanRules.NeedsCountersignature(rosh);
        Status = NeedsCountersignature ? SentencePlanStatus.AwaitingCountersignature : SentencePlanStatus.Agreed;
        ReviewDueOn = SentencePlanRules.ReviewDue(today, settings);
    }

    /// <summary>
    /// A manager countersigns (approve) or sends the plan back to draft with a note; a manager cannot countersign a plan
    /// they agreed themselves.
    /// </summary>
    public ValidationErrors Countersign(bool approve, string? note, string manager, DateTimeOffset at)
    {
        var errors = new ValidationErrors().MaxLength("note", note, FieldLimits.Note, "the note");
        if (Status != SentencePlanStatus.AwaitingCountersignature)
        {
            return errors.Add("approve", "This plan is not waiting for a countersignature");
        }

        if (string.Equals(manager, AgreedBy, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("approve", "A plan is countersigned by a manager other than the person who agreed it");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            errors.Add("note", "Say what needs to change before the plan can be countersigned");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        CountersignedBy = manager;
        CountersignedAt = at;
        CountersignatureNote = Clean(note);
        if (approve)
        {
            Status = SentencePlanStatus.Agreed;
        }
        else
        {
            Status = SentencePlanStatus.Draft;
            AgreedBy = null;
            AgreedAt = null;
            MeetingAppointmentId = null;
            ReviewDueOn = null;
        }

        return errors;
    }

    /// <summary>A new draft version starting from this one's content, for a review; this one is superseded when the new one is agreed.</summary>
    public SentencePlan StartReview(PlanReviewReason reason, string? note, DateOnly dueOn, string createdBy, DateTimeOffset createdAt)
    {
        var next = new SentencePlan
        {
            OrderId = OrderId,
            PersonId = PersonId,
            PlanNumber = PlanNumber + 1,
            ReviewReason = reason,
            ReviewNote = Clean(note),
            DueOn = dueOn,
            CreatedBy = createdBy,
            CreatedAt = createdAt,
        };
        next.Apply(ToDetails());
        return next;
    }

    /// <summary>The plan's content as details, e.g. to start a review from it.</summary>
    public SentencePlanDetails ToDetails() => new(
        PersonGoals, PersonAgreesTo, PersonDisagreesWith, RiskManagementPlan,
        [.. Objectives.OrderBy(o => o.Position).Select(o => new PlanObjectiveDetails(o.Need, o.Description, o.AgreedOutcome,
            [.. o.Actions.OrderBy(a => a.Position).Select(a => new PlanActionDetails(a.Description, a.Owner, a.OwnerName, a.TargetDate))]))]);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>An objective of the plan, linked to an assessed need.</summary>
/// <remarks>Objectives and actions are part of the plan version, kept with it as one document.</remarks>
public sealed class PlanObjective
{
    /// <summary>1, 2, … as listed.</summary>
    public int Position { get; set; }

    /// <summary>The assessed need it addresses; empty for an objective that is not about a need (e.g. compliance).</summary>
    public NeedArea? Need { get; set; }

    /// <summary>The objective.</summary>
    public string Description { get; set; } = "";

    /// <summary>The outcome agreed with the person; RAR completion is recorded against it.</summary>
    public string? AgreedOutcome { get; set; }

    /// <summary>The actions, in order.</summary>
    public List<PlanAction> Actions { get; set; } = [];
}

/// <summary>An action towards an objective: who does what, by when.</summary>
public sealed class PlanAction
{
    /// <summary>1, 2, … as listed.</summary>
    public int Position { get; set; }

    /// <summary>What is to be done, including any intervention.</summary>
    public string Description { get; set; } = "";

    /// <summary>Who does it.</summary>
    public PlanActionOwner Owner { get; set; }

    /// <summary>The provider or other person by name.</summary>
    public string? OwnerName { get; set; }

    /// <summary>By when.</summary>
    public DateOnly? TargetDate { get; set; }
}

/// <summary>What a client sends to write a draft plan.</summary>
/// <param name="PersonGoals">The person's goals, in their words.</param>
/// <param name="PersonAgreesTo">What they agree to.</param>
/// <param name="PersonDisagreesWith">What they disagree with.</param>
/// <param name="RiskManagementPlan">The risk management plan (high or very high ROSH).</param>
/// <param name="Objectives">The objectives, in order.</param>
public sealed record SentencePlanDetails(
    string? PersonGoals, string? PersonAgreesTo, string? PersonDisagreesWith, string? RiskManagementPlan, IReadOnlyList<PlanObjectiveDetails>? Objectives)
{
    /// <summary>The most objectives a plan may have: a plan, not a list of everything.</summary>
    public const int MaxObjectives = 12;

    /// <summary>The most actions an objective may have.</summary>
    public const int MaxActions = 12;

    /// <summary>Checks the details; field names follow the JSON (<c>objectives[0].actions[1].targetDate</c>).</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .MaxLength("personGoals", PersonGoals, FieldLimits.Note, "the person's goals")
            .MaxLength("personAgreesTo", PersonAgreesTo, FieldLimits.Note, "what the person agrees to")
            .MaxLength("personDisagreesWith", PersonDisagreesWith, FieldLimits.Note, "what the person disagrees with")
            .MaxLength("riskManagementPlan", RiskManagementPlan, FieldLimits.Note, "the risk management plan");
        var objectives = Objectives ?? [];
        if (objectives.Count > MaxObjectives)
        {
            return errors.Add("objectives", $"A plan can have at most {MaxObjectives} objectives");
        }

        for (var i = 0; i < objectives.Count; i++)
        {
            var o = objectives[i];
            var at = $"objectives[{i}]";
            if (o is null)
            {
                errors.Add(at, "Enter the objective");
                continue;
            }

            errors.Defined($"{at}.need", o.Need, "an assessed need", required: false)
                .Required($"{at}.description", o.Description, FieldLimits.Title, $"objective {i + 1}")
                .MaxLength($"{at}.agreedOutcome", o.AgreedOutcome, FieldLimits.Note, "the agreed outcome");
            var actions = o.Actions ?? [];
            if (actions.Count > MaxActions)
            {
                errors.Add($"{at}.actions", $"An objective can have at most {MaxActions} actions");
                continue;
            }

            for (var j = 0; j < actions.Count; j++)
            {
                var a = actions[j];
                var act = $"{at}.actions[{j}]";
                if (a is null)
                {
                    errors.Add(act, "Enter the action");
                    continue;
                }

                errors.Required($"{act}.description", a.Description, FieldLimits.Title, "what is to be done")
                    .Defined($"{act}.owner", a.Owner, "who does it")
                    .MaxLength($"{act}.ownerName", a.OwnerName, FieldLimits.Title, "the name");
                if (a.Owner is PlanActionOwner.Provider or PlanActionOwner.Other && string.IsNullOrWhiteSpace(a.OwnerName))
                {
                    errors.Add($"{act}.ownerName", "Enter the name of the provider or person who does it");
                }

                if (a.TargetDate is { } target && target.Year < today.Year - 1)
                {
                    errors.Add($"{act}.targetDate", "The target date is long past: check the year");
                }
            }
        }

        return errors;
    }
}

/// <summary>An objective as a client sends it.</summary>
/// <param name="Need">The assessed need it addresses.</param>
/// <param name="Description">The objective.</param>
/// <param name="AgreedOutcome">The outcome agreed with the person.</param>
/// <param name="Actions">Its actions.</param>
public sealed record PlanObjectiveDetails(NeedArea? Need, string? Description, string? AgreedOutcome, IReadOnlyList<PlanActionDetails>? Actions);

/// <summary>An action as a client sends it.</summary>
/// <param name="Description">What is to be done.</param>
/// <param name="Owner">Who does it.</param>
/// <param name="OwnerName">The provider or other person by name.</param>
/// <param name="TargetDate">By when.</param>
public sealed record PlanActionDetails(string? Description, PlanActionOwner? Owner, string? OwnerName, DateOnly? TargetDate);

/// <summary>What a client sends to start a review.</summary>
/// <param name="Reason">Why: the review cycle, a tier change, a new order, a breach or another significant change.</param>
/// <param name="Note">The change in words; required for another significant change.</param>
public sealed record PlanReviewDetails(PlanReviewReason? Reason, string? Note)
{
    /// <summary>Checks the details.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors().Defined("reason", Reason, "why the plan is reviewed").MaxLength("note", Note, FieldLimits.Note, "the note");
        if (Reason == PlanReviewReason.FirstPlan)
        {
            errors.Add("reason", "A review is not the first plan: choose why the plan is reviewed");
        }

        if (Reason == PlanReviewReason.OtherChange && string.IsNullOrWhiteSpace(Note))
        {
            errors.Add("note", "Describe the significant change behind the review");
        }

        return errors;
    }
}
