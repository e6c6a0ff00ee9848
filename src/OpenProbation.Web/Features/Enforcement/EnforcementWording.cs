using OpenProbation.Domain.Enforcement;

namespace OpenProbation.Web.Features.Enforcement;

/// <summary>Enforcement in the words staff use, for the pages.</summary>
public static class EnforcementWording
{
    public static string Status(EnforcementStatus status) => status switch
    {
        EnforcementStatus.AwaitingDecision => "Awaiting decision",
        EnforcementStatus.Warned => "Warning issued",
        EnforcementStatus.WarningWithdrawn => "Warning withdrawn",
        EnforcementStatus.NoFurtherAction => "No further action",
        EnforcementStatus.BreachAction => "Breach action",
        EnforcementStatus.RecallRequested => "Recall decision",
        _ => status.ToString(),
    };

    public static string StatusTag(EnforcementStatus status) => status switch
    {
        EnforcementStatus.AwaitingDecision => "govuk-tag--yellow",
        EnforcementStatus.Warned => "govuk-tag--orange",
        EnforcementStatus.BreachAction or EnforcementStatus.RecallRequested => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    /// <summary>A decision as a choice on the decision form.</summary>
    public static string Option(EnforcementDecision decision) => decision switch
    {
        EnforcementDecision.Warning => "Warning: a warning letter, with time to give a reasonable excuse",
        EnforcementDecision.NoFurtherAction => "No further action, with the reason",
        EnforcementDecision.Breach => "Breach action: return the case to court",
        EnforcementDecision.Recall => "Recall: ask for the licence to be revoked",
        _ => decision.ToString(),
    };

    /// <summary>A decision, capitalised: "No further action".</summary>
    public static string Decision(EnforcementDecision decision)
    {
        var words = EnforcementRules.Describe(decision);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
