using System.Globalization;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>How the pages name things: the words probation staff use, in sentence case.</summary>
public static class Wording
{
    // The product runs in invariant-globalisation mode; its month names are the English ones.
    private static readonly CultureInfo Uk = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Uk);

    public static string Date(DateOnly? date, string none = "—") => date is { } d ? Date(d) : none;

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A moment as London's clocks showed it, e.g. "1 Dec 2026 at 9:05pm".</summary>
    public static string DateTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, London).ToString("d MMM yyyy 'at' h:mmtt", Uk).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    public static string Order(OrderType type)
    {
        var text = OrderRules.Describe(type);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Active => "Active",
        OrderStatus.Breached => "Breach or recall in progress",
        OrderStatus.Completed => "Completed",
        OrderStatus.Terminated => "Terminated",
        OrderStatus.Revoked => "Revoked",
        _ => status.ToString(),
    };

    public static string Requirement(RequirementType type) => type switch
    {
        RequirementType.Rar => "Rehabilitation activity requirement (RAR)",
        RequirementType.UnpaidWork => "Unpaid work",
        RequirementType.AccreditedProgramme => "Accredited programme",
        RequirementType.Drr => "Drug rehabilitation requirement (DRR)",
        RequirementType.Atr => "Alcohol treatment requirement (ATR)",
        RequirementType.Mhtr => "Mental health treatment requirement (MHTR)",
        RequirementType.Curfew => "Curfew",
        RequirementType.Exclusion => "Exclusion",
        RequirementType.Other => "Other requirement",
        _ => type.ToString(),
    };

    public static string Status(RequirementStatus status) => status switch
    {
        RequirementStatus.NotStarted => "Not started",
        RequirementStatus.Active => "Active",
        RequirementStatus.Completed => "Completed",
        RequirementStatus.Terminated => "Terminated",
        _ => status.ToString(),
    };

    public static string Marker(MarkerType type, int? mappaLevel = null, int? mappaCategory = null) => type switch
    {
        MarkerType.ChildProtection => "Child protection",
        MarkerType.DomesticAbuse => "Domestic abuse",
        MarkerType.Mappa => mappaLevel is null ? "MAPPA" : mappaCategory is null ? $"MAPPA level {mappaLevel}" : $"MAPPA level {mappaLevel}, category {mappaCategory}",
        MarkerType.Safeguarding => "Safeguarding",
        MarkerType.Other => "Other",
        MarkerType.MentalHealth => "Mental health",
        MarkerType.SelfHarm => "Self-harm or suicide",
        MarkerType.Vulnerability => "Vulnerability",
        MarkerType.ChildConcerns => "Child concerns",
        MarkerType.RiskToChildren => "Risk to children",
        MarkerType.PublicInterest => "Public interest",
        MarkerType.StreetGangs => "Street gangs",
        MarkerType.Terrorism => "Terrorism",
        MarkerType.IntegratedOffenderManagement => "Integrated offender management (IOM)",
        MarkerType.Warrant => "Warrant out (whereabouts unknown)",
        _ => type.ToString(),
    };

    /// <summary>GOV.UK tag colour for a tier: the most intensive red, then orange, green and blue.</summary>
    public static string TierTag(string? tier) => tier switch
    {
        null => "govuk-tag govuk-tag--grey",
        "RED" or ['A', ..] => "govuk-tag govuk-tag--red",
        "AMBER" or ['B', ..] => "govuk-tag govuk-tag--orange",
        "GREEN" or ['C', ..] => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--blue",
    };

    /// <summary>How staff write a tier: "B2" stays as it is, "RED" becomes "Red".</summary>
    public static string Tier(string tier) =>
        tier.Length > 2 ? char.ToUpperInvariant(tier[0]) + tier[1..].ToLowerInvariant() : tier;

    public static string Rosh(OpenProbation.Domain.Risk.RoshLevel level) => OpenProbation.Domain.Risk.RoshLevels.Label(level);

    public static string TierStatus(OpenProbation.Domain.Tiering.CaseTierStatus status) => status switch
    {
        OpenProbation.Domain.Tiering.CaseTierStatus.Current => "Current",
        OpenProbation.Domain.Tiering.CaseTierStatus.Superseded => "Replaced",
        OpenProbation.Domain.Tiering.CaseTierStatus.AwaitingReason => "Lower tier waiting for a reason",
        OpenProbation.Domain.Tiering.CaseTierStatus.AwaitingCountersignature => "Lower tier waiting for a manager's countersignature",
        OpenProbation.Domain.Tiering.CaseTierStatus.Refused => "Lower tier refused by a manager",
        OpenProbation.Domain.Tiering.CaseTierStatus.Withdrawn => "Proposed lower tier overtaken by a later calculation",
        _ => status.ToString(),
    };

    public static string Direction(OpenProbation.Domain.Tiering.TierChangeDirection direction) => direction switch
    {
        OpenProbation.Domain.Tiering.TierChangeDirection.Initial => "First tier",
        OpenProbation.Domain.Tiering.TierChangeDirection.Upgrade => "Raised",
        OpenProbation.Domain.Tiering.TierChangeDirection.Unchanged => "Same tier, new working",
        OpenProbation.Domain.Tiering.TierChangeDirection.Downgrade => "Lowered",
        OpenProbation.Domain.Tiering.TierChangeDirection.PolicyChange => "New tiering policy",
        _ => direction.ToString(),
    };

    /// <summary>GOV.UK tag colour for a marker: red for the markers that limit who may hold the case.</summary>
    public static string MarkerTag(MarkerType type) => type switch
    {
        MarkerType.ChildProtection or MarkerType.DomesticAbuse or MarkerType.Mappa => "govuk-tag govuk-tag--red",
        MarkerType.Safeguarding or MarkerType.RiskToChildren or MarkerType.SelfHarm or MarkerType.Terrorism => "govuk-tag govuk-tag--orange",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Grade(StaffGrade grade) => grade switch
    {
        StaffGrade.ProbationOfficer => "Probation officer",
        StaffGrade.ProbationServiceOfficer => "Probation services officer",
        StaffGrade.TraineeProbationOfficer => "Trainee probation officer",
        StaffGrade.SeniorProbationOfficer => "Senior probation officer",
        StaffGrade.CaseAdministrator => "Case administrator",
        StaffGrade.CourtOfficer => "Court officer",
        _ => grade.ToString(),
    };

    public static string Absence(AbsenceType type) => type switch
    {
        AbsenceType.AnnualLeave => "Annual leave",
        AbsenceType.Sickness => "Sickness",
        AbsenceType.Training => "Training",
        AbsenceType.Other => "Other absence",
        _ => type.ToString(),
    };

    public static string Gender(Gender gender) => gender switch
    {
        Domain.People.Gender.Male => "Male",
        Domain.People.Gender.Female => "Female",
        Domain.People.Gender.Other => "Other",
        Domain.People.Gender.NotKnown => "Not known",
        _ => gender.ToString(),
    };

    public static string Length(int length, LengthUnit unit) => unit switch
    {
        LengthUnit.Days => length == 1 ? "1 day" : $"{length} days",
        LengthUnit.Weeks => length == 1 ? "1 week" : $"{length} weeks",
        LengthUnit.Months => length == 1 ? "1 month" : $"{length} months",
        LengthUnit.Years => length == 1 ? "1 year" : $"{length} years",
        _ => length.ToString(CultureInfo.InvariantCulture),
    };

    public static string Role(string role) => role switch
    {
        Security.Roles.ProbationOfficer => "Probation officer",
        Security.Roles.ProbationServiceOfficer => "Probation services officer",
        Security.Roles.TraineeProbationOfficer => "Trainee probation officer",
        Security.Roles.SeniorProbationOfficer => "Senior probation officer (manager)",
        Security.Roles.CaseAdministrator => "Case administrator",
        Security.Roles.CourtOfficer => "Court officer",
        Security.Roles.InterventionProvider => "Intervention provider",
        Security.Roles.PerformanceAnalyst => "Performance analyst",
        Security.Roles.SystemAdministrator => "System administrator",
        _ => role,
    };

    /// <summary>The requirement's size in the court's terms: "20 days", "120 hours", a programme's name.</summary>
    public static string? Size(Requirement r) => r.Type switch
    {
        RequirementType.Rar when r.RarMaxDays is { } days => $"up to {days} days",
        RequirementType.UnpaidWork when r.UnpaidWorkHours is { } hours => $"{hours} hours",
        RequirementType.AccreditedProgramme => r.ProgrammeName,
        RequirementType.Other => r.Description,
        _ => r.LengthMonths is { } months ? Length(months, LengthUnit.Months) : null,
    };
}
