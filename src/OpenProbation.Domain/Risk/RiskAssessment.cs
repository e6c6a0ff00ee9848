using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tiering;

namespace OpenProbation.Domain.Risk;

/// <summary>Risk of serious harm levels, lowest first (PRACTICE.md section 3).</summary>
public enum RoshLevel
{
    /// <summary>No significant indicators of serious harm.</summary>
    Low = 1,

    /// <summary>Identifiable indicators; unlikely to cause serious harm unless circumstances change.</summary>
    Medium,

    /// <summary>Serious harm could happen at any time and the impact would be serious.</summary>
    High,

    /// <summary>Imminent risk of serious harm; the impact would be serious.</summary>
    VeryHigh,
}

/// <summary>How full an OASys assessment is.</summary>
public enum AssessmentLayer
{
    /// <summary>Layer 1: the short assessment (scores, ROSH screening), no criminogenic needs.</summary>
    Layer1 = 1,

    /// <summary>Layer 3: the full assessment with needs; far more time (PRACTICE.md section 4).</summary>
    Layer3,
}

/// <summary>The criminogenic need areas an OASys layer 3 assessment scores.</summary>
public enum NeedArea
{
    /// <summary>Accommodation.</summary>
    Accommodation = 1,

    /// <summary>Education, training and employment.</summary>
    EducationTrainingEmployment,

    /// <summary>Relationships.</summary>
    Relationships,

    /// <summary>Lifestyle and associates.</summary>
    Lifestyle,

    /// <summary>Drug misuse.</summary>
    DrugMisuse,

    /// <summary>Alcohol misuse.</summary>
    AlcoholMisuse,

    /// <summary>Thinking and behaviour.</summary>
    ThinkingAndBehaviour,

    /// <summary>Attitudes.</summary>
    Attitudes,

    /// <summary>Finance, benefits and debt.</summary>
    Finance,

    /// <summary>Emotional wellbeing.</summary>
    EmotionalWellbeing,
}

/// <summary>How severe a need is; no need at all is recorded as the absence of a severity.</summary>
public enum NeedSeverity
{
    /// <summary>A need, scored at the standard level.</summary>
    Standard = 1,

    /// <summary>A severe need.</summary>
    Severe,
}

/// <summary>
/// One dated, attributed OASys assessment: ROSH (overall and per group), RSR, OGRS and, on layer 3, the needs found.
/// Assessments are never edited: a new view of the risk is a new assessment, so the history shows what was known
/// when, and the person's current risk is derived from the latest (PRACTICE.md section 7, line 1).
/// </summary>
public sealed class RiskAssessment : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person assessed.</summary>
    public int PersonId { get; set; }

    /// <summary>The day the assessment was completed.</summary>
    public DateOnly AssessedOn { get; set; }

    /// <summary>Layer 1 or layer 3.</summary>
    public AssessmentLayer Layer { get; set; }

    /// <summary>Whether every section was completed; only a complete layer 3 is a valid assessment for the change level.</summary>
    public bool IsComplete { get; set; } = true;

    /// <summary>Overall risk of serious harm: the highest of the groups.</summary>
    public RoshLevel Rosh { get; set; }

    /// <summary>ROSH to children, where assessed.</summary>
    public RoshLevel? RoshChildren { get; set; }

    /// <summary>ROSH to the public, where assessed.</summary>
    public RoshLevel? RoshPublic { get; set; }

    /// <summary>ROSH to a known adult, where assessed.</summary>
    public RoshLevel? RoshKnownAdult { get; set; }

    /// <summary>ROSH to staff, where assessed.</summary>
    public RoshLevel? RoshStaff { get; set; }

    /// <summary>ROSH to prisoners, where assessed.</summary>
    public RoshLevel? RoshPrisoners { get; set; }

    /// <summary>Risk of serious recidivism, a percentage with two decimal places.</summary>
    public decimal? RsrPercent { get; set; }

    /// <summary>OGRS: the two-year likelihood of proven reoffending, a whole percentage.</summary>
    public int? OgrsPercent { get; set; }

    /// <summary>Accommodation need (layer 3).</summary>
    public NeedSeverity? Accommodation { get; set; }

    /// <summary>Education, training and employment need (layer 3).</summary>
    public NeedSeverity? EducationTrainingEmployment { get; set; }

    /// <summary>Relationships need (layer 3).</summary>
    public NeedSeverity? Relationships { get; set; }

    /// <summary>Lifestyle and associates need (layer 3).</summary>
    public NeedSeverity? Lifestyle { get; set; }

    /// <summary>Drug misuse need (layer 3).</summary>
    public NeedSeverity? DrugMisuse { get; set; }

    /// <summary>Alcohol misuse need (layer 3).</summary>
    public NeedSeverity? AlcoholMisuse { get; set; }

    /// <summary>Thinking and behaviour need (layer 3).</summary>
    public NeedSeverity? ThinkingAndBehaviour { get; set; }

    /// <summary>Attitudes need (layer 3).</summary>
    public NeedSeverity? Attitudes { get; set; }

    /// <summary>Finance need (layer 3).</summary>
    public NeedSeverity? Finance { get; set; }

    /// <summary>Emotional wellbeing need (layer 3).</summary>
    public NeedSeverity? EmotionalWellbeing { get; set; }

    /// <summary>Women: parenting responsibilities found (layer 3).</summary>
    public bool ParentingResponsibilities { get; set; }

    /// <summary>Women: impulsivity or temper-control problems found (layer 3).</summary>
    public bool ImpulsivityOrTemperControl { get; set; }

    /// <summary>Summary in words.</summary>
    public string? Notes { get; set; }

    /// <summary>User name of the assessor.</summary>
    public string AssessedBy { get; set; } = "";

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>The needs found, by area; areas with no need are absent.</summary>
    public IReadOnlyDictionary<NeedArea, NeedSeverity> Needs()
    {
        var needs = new Dictionary<NeedArea, NeedSeverity>();
        void Add(NeedArea area, NeedSeverity? severity)
        {
            if (severity is { } s)
            {
                needs[area] = s;
            }
        }

        Add(NeedArea.Accommodation, Accommodation);
        Add(NeedArea.EducationTrainingEmployment, EducationTrainingEmployment);
        Add(NeedArea.Relationships, Relationships);
        Add(NeedArea.Lifestyle, Lifestyle);
        Add(NeedArea.DrugMisuse, DrugMisuse);
        Add(NeedArea.AlcoholMisuse, AlcoholMisuse);
        Add(NeedArea.ThinkingAndBehaviour, ThinkingAndBehaviour);
        Add(NeedArea.Attitudes, Attitudes);
        Add(NeedArea.Finance, Finance);
        Add(NeedArea.EmotionalWellbeing, EmotionalWellbeing);
        return needs;
    }

    /// <summary>True for a complete layer 3 assessed within <paramref name="validWeeks"/> weeks before <paramref name="today"/>.</summary>
    public bool IsValidFullAssessmentOn(DateOnly today, int validWeeks = TieringRules.ValidAssessmentWeeks) =>
        Layer == AssessmentLayer.Layer3 && IsComplete && AssessedOn <= today && AssessedOn.AddDays(validWeeks * 7) > today;

    /// <summary>Copies validated details onto a new record.</summary>
    public void Apply(RiskAssessmentDetails details)
    {
        AssessedOn = details.AssessedOn!.Value;
        Layer = details.Layer!.Value;
        IsComplete = details.IsComplete ?? true;
        Rosh = details.Rosh ?? details.HighestGroupRosh()!.Value;
        RoshChildren = details.RoshChildren;
        RoshPublic = details.RoshPublic;
        RoshKnownAdult = details.RoshKnownAdult;
        RoshStaff = details.RoshStaff;
        RoshPrisoners = details.RoshPrisoners;
        RsrPercent = details.RsrPercent;
        OgrsPercent = details.OgrsPercent;
        var needs = Layer == AssessmentLayer.Layer3 ? details.Needs ?? new Dictionary<NeedArea, NeedSeverity>() : new Dictionary<NeedArea, NeedSeverity>();
        Accommodation = needs.TryGetValue(NeedArea.Accommodation, out var a) ? a : null;
        EducationTrainingEmployment = needs.TryGetValue(NeedArea.EducationTrainingEmployment, out var e) ? e : null;
        Relationships = needs.TryGetValue(NeedArea.Relationships, out var r) ? r : null;
        Lifestyle = needs.TryGetValue(NeedArea.Lifestyle, out var l) ? l : null;
        DrugMisuse = needs.TryGetValue(NeedArea.DrugMisuse, out var d) ? d : null;
        AlcoholMisuse = needs.TryGetValue(NeedArea.AlcoholMisuse, out var al) ? al : null;
        ThinkingAndBehaviour = needs.TryGetValue(NeedArea.ThinkingAndBehaviour, out var t) ? t : null;
        Attitudes = needs.TryGetValue(NeedArea.Attitudes, out var at) ? at : null;
        Finance = needs.TryGetValue(NeedArea.Finance, out var f) ? f : null;
        EmotionalWellbeing = needs.TryGetValue(NeedArea.EmotionalWellbeing, out var em) ? em : null;
        ParentingResponsibilities = Layer == AssessmentLayer.Layer3 && details.ParentingResponsibilities == true;
        ImpulsivityOrTemperControl = Layer == AssessmentLayer.Layer3 && details.ImpulsivityOrTemperControl == true;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }
}

/// <summary>What a client sends to record an assessment.</summary>
/// <param name="AssessedOn">Day completed; not in the future, not before the person was born.</param>
/// <param name="Layer">Layer 1 or 3.</param>
/// <param name="IsComplete">Whether every section was completed; complete when absent.</param>
/// <param name="Rosh">Overall ROSH; when absent, the highest group given.</param>
/// <param name="RoshChildren">ROSH to children.</param>
/// <param name="RoshPublic">ROSH to the public.</param>
/// <param name="RoshKnownAdult">ROSH to a known adult.</param>
/// <param name="RoshStaff">ROSH to staff.</param>
/// <param name="RoshPrisoners">ROSH to prisoners.</param>
/// <param name="RsrPercent">RSR, 0 to 100 with at most two decimal places.</param>
/// <param name="OgrsPercent">OGRS, 0 to 99.</param>
/// <param name="Needs">Layer 3 only: the needs found; absent areas have no need.</param>
/// <param name="ParentingResponsibilities">Layer 3 only: parenting responsibilities (counted for women).</param>
/// <param name="ImpulsivityOrTemperControl">Layer 3 only: impulsivity or temper-control problems (counted for women).</param>
/// <param name="Notes">Summary.</param>
public sealed record RiskAssessmentDetails(
    DateOnly? AssessedOn,
    AssessmentLayer? Layer,
    bool? IsComplete,
    RoshLevel? Rosh,
    RoshLevel? RoshChildren,
    RoshLevel? RoshPublic,
    RoshLevel? RoshKnownAdult,
    RoshLevel? RoshStaff,
    RoshLevel? RoshPrisoners,
    decimal? RsrPercent,
    int? OgrsPercent,
    IReadOnlyDictionary<NeedArea, NeedSeverity>? Needs,
    bool? ParentingResponsibilities,
    bool? ImpulsivityOrTemperControl,
    string? Notes)
{
    /// <summary>The highest ROSH among the groups given, if any.</summary>
    public RoshLevel? HighestGroupRosh() =>
        new[] { RoshChildren, RoshPublic, RoshKnownAdult, RoshStaff, RoshPrisoners }.Max();

    /// <summary>Checks the details as at <paramref name="today"/> for someone born on <paramref name="dateOfBirth"/>.</summary>
    public ValidationErrors Validate(DateOnly today, DateOnly dateOfBirth)
    {
        var errors = new ValidationErrors()
            .Present("assessedOn", AssessedOn, "Enter the date the assessment was completed")
            .Defined("layer", Layer, "the assessment layer")
            .Defined("rosh", Rosh, "a risk of serious harm level", required: false)
            .MaxLength("notes", Notes, FieldLimits.Note, "notes");
        foreach (var (field, level) in new[]
        {
            ("roshChildren", RoshChildren), ("roshPublic", RoshPublic), ("roshKnownAdult", RoshKnownAdult),
            ("roshStaff", RoshStaff), ("roshPrisoners", RoshPrisoners),
        })
        {
            errors.Defined(field, level, "a risk of serious harm level", required: false);
        }

        if (AssessedOn is { } on)
        {
            if (on > today)
            {
                errors.Add("assessedOn", "The assessment date must be today or in the past");
            }
            else if (on < dateOfBirth)
            {
                errors.Add("assessedOn", "The assessment date must be after the person's date of birth");
            }
        }

        var highest = HighestGroupRosh();
        if (Rosh is null && highest is null)
        {
            errors.Add("rosh", "Select the overall risk of serious harm");
        }
        else if (Rosh is { } overall && highest is { } group && Enum.IsDefined(overall) && Enum.IsDefined(group) && overall != group)
        {
            errors.Add("rosh", $"The overall risk of serious harm must be the highest of the groups ({RoshLevels.Label(group)})");
        }

        if (RsrPercent is { } rsr && (rsr < 0 || rsr > 100 || decimal.Round(rsr, 2) != rsr))
        {
            errors.Add("rsrPercent", "RSR must be a percentage from 0 to 100 with at most two decimal places");
        }

        if (OgrsPercent is not (null or (>= 0 and <= 99)))
        {
            errors.Add("ogrsPercent", "OGRS must be a whole percentage from 0 to 99");
        }

        if (Layer != AssessmentLayer.Layer3)
        {
            if (Needs is { Count: > 0 })
            {
                errors.Add("needs", "Needs are scored only in a layer 3 assessment");
            }

            if (ParentingResponsibilities == true || ImpulsivityOrTemperControl == true)
            {
                errors.Add("parentingResponsibilities", "Parenting and impulsivity are assessed only in a layer 3 assessment");
            }
        }

        foreach (var (area, severity) in Needs ?? new Dictionary<NeedArea, NeedSeverity>())
        {
            if (!Enum.IsDefined(area))
            {
                errors.Add("needs", "Choose need areas from the list");
            }
            else if (!Enum.IsDefined(severity))
            {
                errors.Add($"needs.{NeedAreas.Key(area)}", "Select standard or severe");
            }
        }

        return errors;
    }
}

/// <summary>Wire and display names for need areas.</summary>
public static class NeedAreas
{
    /// <summary>The camelCase key of an area, as the API names it.</summary>
    public static string Key(NeedArea area) => area switch
    {
        NeedArea.Accommodation => "accommodation",
        NeedArea.EducationTrainingEmployment => "educationTrainingEmployment",
        NeedArea.Relationships => "relationships",
        NeedArea.Lifestyle => "lifestyle",
        NeedArea.DrugMisuse => "drugMisuse",
        NeedArea.AlcoholMisuse => "alcoholMisuse",
        NeedArea.ThinkingAndBehaviour => "thinkingAndBehaviour",
        NeedArea.Attitudes => "attitudes",
        NeedArea.Finance => "finance",
        NeedArea.EmotionalWellbeing => "emotionalWellbeing",
        _ => area.ToString(),
    };

    /// <summary>The area with the given API key, if any (case-insensitive).</summary>
    public static NeedArea? FromKey(string key) =>
        Enum.GetValues<NeedArea>().Cast<NeedArea?>().FirstOrDefault(a => string.Equals(Key(a!.Value), key, StringComparison.OrdinalIgnoreCase));

    /// <summary>How staff name an area.</summary>
    public static string Label(NeedArea area) => area switch
    {
        NeedArea.Accommodation => "Accommodation",
        NeedArea.EducationTrainingEmployment => "Education, training and employment",
        NeedArea.Relationships => "Relationships",
        NeedArea.Lifestyle => "Lifestyle and associates",
        NeedArea.DrugMisuse => "Drug misuse",
        NeedArea.AlcoholMisuse => "Alcohol misuse",
        NeedArea.ThinkingAndBehaviour => "Thinking and behaviour",
        NeedArea.Attitudes => "Attitudes",
        NeedArea.Finance => "Finance",
        NeedArea.EmotionalWellbeing => "Emotional wellbeing",
        _ => area.ToString(),
    };
}

/// <summary>Display names for ROSH levels.</summary>
public static class RoshLevels
{
    /// <summary>How staff write a level.</summary>
    public static string Label(RoshLevel level) => level switch
    {
        RoshLevel.Low => "Low",
        RoshLevel.Medium => "Medium",
        RoshLevel.High => "High",
        RoshLevel.VeryHigh => "Very high",
        _ => level.ToString(),
    };
}
