using Microsoft.AspNetCore.Mvc.Rendering;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;

namespace OpenProbation.Web.Features.SentencePlans;

/// <summary>How the pages name sentence plan things.</summary>
public static class PlanWording
{
    public static string Status(SentencePlanStatus status) => status switch
    {
        SentencePlanStatus.Draft => "Draft",
        SentencePlanStatus.AwaitingCountersignature => "Agreed, awaiting countersignature",
        SentencePlanStatus.Agreed => "Agreed",
        SentencePlanStatus.Superseded => "Superseded",
        _ => status.ToString(),
    };

    public static string StatusTag(SentencePlanStatus status) => status switch
    {
        SentencePlanStatus.Draft => "govuk-tag--yellow",
        SentencePlanStatus.AwaitingCountersignature => "govuk-tag--blue",
        SentencePlanStatus.Agreed => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };

    public static string Reason(PlanReviewReason reason) => reason switch
    {
        PlanReviewReason.FirstPlan => "First plan",
        PlanReviewReason.ScheduledReview => "Scheduled review",
        PlanReviewReason.TierChange => "Tier change",
        PlanReviewReason.NewOrder => "New order",
        PlanReviewReason.Breach => "Breach or recall",
        PlanReviewReason.OtherChange => "Other significant change",
        _ => reason.ToString(),
    };

    public static string Owner(PlanActionOwner owner, string? name) => owner switch
    {
        PlanActionOwner.Person => "The person",
        PlanActionOwner.ResponsibleOfficer => "Responsible officer",
        PlanActionOwner.Provider => name ?? "Provider",
        PlanActionOwner.Other => name ?? "Someone else",
        _ => owner.ToString(),
    };

    public static string Need(NeedArea? need) => need is { } n ? NeedAreas.Label(n) : "Not about a need (e.g. compliance)";

    public static IEnumerable<SelectListItem> NeedItems =>
        [new("Not about a need (e.g. compliance)", ""), .. Enum.GetValues<NeedArea>().Select(n => new SelectListItem(NeedAreas.Label(n), n.ToString()))];

    public static IEnumerable<SelectListItem> OwnerItems =>
    [
        new("Choose who does it", ""),
        .. Enum.GetValues<PlanActionOwner>().Select(o => new SelectListItem(Owner(o, null), o.ToString())),
    ];

    public static IEnumerable<SelectListItem> ReviewItems =>
        Enum.GetValues<PlanReviewReason>().Where(r => r != PlanReviewReason.FirstPlan).Select(r => new SelectListItem(Reason(r), r.ToString()));
}
