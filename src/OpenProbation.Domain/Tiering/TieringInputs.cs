using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tiering;

/// <summary>The complexity factors that add protect points (England and Wales tiering framework).</summary>
public enum ComplexityFactor
{
    /// <summary>Mental health issues.</summary>
    MentalHealth = 1,

    /// <summary>Self-harm or suicide risk.</summary>
    SelfHarm,

    /// <summary>Vulnerability.</summary>
    Vulnerability,

    /// <summary>Concerns about children.</summary>
    ChildConcerns,

    /// <summary>Child protection.</summary>
    ChildProtection,

    /// <summary>Risk to children.</summary>
    RiskToChildren,

    /// <summary>Public interest.</summary>
    PublicInterest,

    /// <summary>Adult at risk.</summary>
    AdultAtRisk,

    /// <summary>Street gangs.</summary>
    StreetGangs,

    /// <summary>Terrorism.</summary>
    Terrorism,
}

/// <summary>API keys and labels for complexity factors, and the markers that record them.</summary>
public static class ComplexityFactors
{
    /// <summary>The camelCase key used by the tiering API.</summary>
    public static string Key(ComplexityFactor factor) => factor switch
    {
        ComplexityFactor.MentalHealth => "mentalHealth",
        ComplexityFactor.SelfHarm => "selfHarm",
        ComplexityFactor.Vulnerability => "vulnerability",
        ComplexityFactor.ChildConcerns => "childConcerns",
        ComplexityFactor.ChildProtection => "childProtection",
        ComplexityFactor.RiskToChildren => "riskToChildren",
        ComplexityFactor.PublicInterest => "publicInterest",
        ComplexityFactor.AdultAtRisk => "adultAtRisk",
        ComplexityFactor.StreetGangs => "streetGangs",
        ComplexityFactor.Terrorism => "terrorism",
        _ => factor.ToString(),
    };

    /// <summary>The factor with the given key, if any (case-insensitive).</summary>
    public static ComplexityFactor? FromKey(string key) =>
        Enum.GetValues<ComplexityFactor>().Cast<ComplexityFactor?>()
            .FirstOrDefault(f => string.Equals(Key(f!.Value), key, StringComparison.OrdinalIgnoreCase));

    /// <summary>How staff name a factor.</summary>
    public static string Label(ComplexityFactor factor) => factor switch
    {
        ComplexityFactor.MentalHealth => "Mental health",
        ComplexityFactor.SelfHarm => "Self-harm or suicide",
        ComplexityFactor.Vulnerability => "Vulnerability",
        ComplexityFactor.ChildConcerns => "Child concerns",
        ComplexityFactor.ChildProtection => "Child protection",
        ComplexityFactor.RiskToChildren => "Risk to children",
        ComplexityFactor.PublicInterest => "Public interest",
        ComplexityFactor.AdultAtRisk => "Adult at risk",
        ComplexityFactor.StreetGangs => "Street gangs",
        ComplexityFactor.Terrorism => "Terrorism",
        _ => factor.ToString(),
    };

    /// <summary>The complexity factor a marker records, if it records one.</summary>
    public static ComplexityFactor? FromMarker(MarkerType type) => type switch
    {
        MarkerType.MentalHealth => ComplexityFactor.MentalHealth,
        MarkerType.SelfHarm => ComplexityFactor.SelfHarm,
        MarkerType.Vulnerability => ComplexityFactor.Vulnerability,
        MarkerType.ChildConcerns => ComplexityFactor.ChildConcerns,
        MarkerType.ChildProtection => ComplexityFactor.ChildProtection,
        MarkerType.RiskToChildren => ComplexityFactor.RiskToChildren,
        MarkerType.PublicInterest => ComplexityFactor.PublicInterest,
        MarkerType.Safeguarding => ComplexityFactor.AdultAtRisk,
        MarkerType.StreetGangs => ComplexityFactor.StreetGangs,
        MarkerType.Terrorism => ComplexityFactor.Terrorism,
        _ => null,
    };
}

/// <summary>
/// Everything a tiering policy looks at, whether read from a person's record (<see cref="TieringInputsFromRecord"/>)
/// or sent to the calculator by a court officer without storing a case.
/// </summary>
public sealed record TieringInputs
{
    /// <summary>Overall risk of serious harm; none when never assessed.</summary>
    public RoshLevel? Rosh { get; init; }

    /// <summary>RSR percentage.</summary>
    public decimal? RsrPercent { get; init; }

    /// <summary>OGRS percentage.</summary>
    public int? OgrsPercent { get; init; }

    /// <summary>MAPPA level 0 (none) to 3.</summary>
    public int MappaLevel { get; init; }

    /// <summary>The distinct complexity factors present.</summary>
    public IReadOnlySet<ComplexityFactor> ComplexityFactors { get; init; } = new HashSet<ComplexityFactor>();

    /// <summary>Managed under integrated offender management.</summary>
    public bool Iom { get; init; }

    /// <summary>False when there is no mandate for change (no custody and no requirement but unpaid work or restrictive ones).</summary>
    public bool ChangeRequired { get; init; } = true;

    /// <summary>Needs from the valid assessment; null when there is no valid assessment (a complete layer 3 within 55 weeks).</summary>
    public IReadOnlyDictionary<NeedArea, NeedSeverity>? Needs { get; init; }

    /// <summary>Whether the person is a woman: three protect factors apply only to women.</summary>
    public bool IsFemale { get; init; }

    /// <summary>Parenting responsibilities, from the valid assessment.</summary>
    public bool ParentingResponsibilities { get; init; }

    /// <summary>Impulsivity or temper-control problems, from the valid assessment.</summary>
    public bool ImpulsivityOrTemperControl { get; init; }

    /// <summary>A breach or recall in the last 12 months.</summary>
    public bool BreachOrRecallInLast12Months { get; init; }

    /// <summary>The assessment ROSH, RSR and OGRS came from, when read from a record.</summary>
    public int? AssessmentId { get; init; }

    /// <summary>The date of that assessment.</summary>
    public DateOnly? AssessedOn { get; init; }

    /// <summary>The valid layer 3 assessment the needs came from, when read from a record.</summary>
    public int? FullAssessmentId { get; init; }

    /// <summary>True when the needs come from a valid assessment.</summary>
    public bool HasValidAssessment => Needs is not null;
}
