using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.People;

/// <summary>Kinds of marker that change how a case must be handled (PRACTICE.md sections 4 and 7).</summary>
public enum MarkerType
{
    /// <summary>Child protection concerns.</summary>
    ChildProtection = 1,

    /// <summary>Domestic abuse perpetrator or history.</summary>
    DomesticAbuse,

    /// <summary>Multi-agency public protection arrangements: carries a level and a category.</summary>
    Mappa,

    /// <summary>Safeguarding concern for an adult at risk.</summary>
    Safeguarding,

    /// <summary>Another marker, described in words.</summary>
    Other,

    /// <summary>Mental health issues: a tiering complexity factor.</summary>
    MentalHealth,

    /// <summary>Self-harm or risk of suicide: a tiering complexity factor.</summary>
    SelfHarm,

    /// <summary>Vulnerability (e.g. learning disability, exploitation): a tiering complexity factor.</summary>
    Vulnerability,

    /// <summary>Concerns about children short of a child-protection plan: a tiering complexity factor.</summary>
    ChildConcerns,

    /// <summary>Risk to children: a tiering complexity factor.</summary>
    RiskToChildren,

    /// <summary>Public interest (high-profile) case: a tiering complexity factor.</summary>
    PublicInterest,

    /// <summary>Street gang involvement: a tiering complexity factor.</summary>
    StreetGangs,

    /// <summary>Terrorism or extremism: a tiering complexity factor.</summary>
    Terrorism,

    /// <summary>Managed under integrated offender management (IOM): adds to the change level.</summary>
    IntegratedOffenderManagement,

    /// <summary>A warrant is out and the person's whereabouts are unknown: workload counts the case at a reduced weight.</summary>
    Warrant,
}

/// <summary>
/// A marker on a person with the dates it applies and who added it. Markers are ended, not deleted, so the
/// record shows what staff knew at the time. Dates are inclusive.
/// </summary>
public sealed class Marker : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>Kind of marker.</summary>
    public MarkerType Type { get; set; }

    /// <summary>MAPPA level 1 to 3 (only for MAPPA markers).</summary>
    public int? MappaLevel { get; set; }

    /// <summary>MAPPA category 1 to 4 (only for MAPPA markers).</summary>
    public int? MappaCategory { get; set; }

    /// <summary>Words describing the marker; required for <see cref="MarkerType.Other"/>.</summary>
    public string? Description { get; set; }

    /// <summary>First day the marker applies.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day it applies; empty while it is active.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>User name of whoever added it.</summary>
    public string AddedBy { get; set; } = "";

    /// <summary>When it was added.</summary>
    public DateTimeOffset AddedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>True when the marker applies on <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(MarkerDetails details)
    {
        Type = details.Type!.Value;
        MappaLevel = Type == MarkerType.Mappa ? details.MappaLevel : null;
        MappaCategory = Type == MarkerType.Mappa ? details.MappaCategory : null;
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate;
    }
}

/// <summary>What a client sends to add or edit a marker.</summary>
/// <param name="Type">Kind of marker.</param>
/// <param name="MappaLevel">MAPPA level 1–3; required for MAPPA markers.</param>
/// <param name="MappaCategory">MAPPA category 1–4; required for MAPPA markers.</param>
/// <param name="Description">Description; required for "other".</param>
/// <param name="StartDate">First day it applies; not in the future.</param>
/// <param name="EndDate">Last day it applies, on or after the start date.</param>
public sealed record MarkerDetails(
    MarkerType? Type,
    int? MappaLevel,
    int? MappaCategory,
    string? Description,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    /// <summary>Checks the details as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of marker")
            .MaxLength("description", Description, FieldLimits.Note, "description")
            .Present("startDate", StartDate, "Enter the date the marker starts");
        if (Type == MarkerType.Mappa)
        {
            if (MappaLevel is not (>= 1 and <= 3))
            {
                errors.Add("mappaLevel", "Select MAPPA level 1, 2 or 3");
            }

            if (MappaCategory is not (>= 1 and <= 4))
            {
                errors.Add("mappaCategory", "Select MAPPA category 1, 2, 3 or 4");
            }
        }
        else
        {
            if (MappaLevel is not null)
            {
                errors.Add("mappaLevel", "MAPPA level applies only to MAPPA markers");
            }

            if (MappaCategory is not null)
            {
                errors.Add("mappaCategory", "MAPPA category applies only to MAPPA markers");
            }
        }

        if (Type == MarkerType.Other && string.IsNullOrWhiteSpace(Description))
        {
            errors.Add("description", "Describe the marker");
        }

        if (StartDate is { } start)
        {
            if (start > today)
            {
                errors.Add("startDate", "The start date must be today or in the past");
            }

            if (EndDate is { } end && end < start)
            {
                errors.Add("endDate", "The end date must be the same as or after the start date");
            }
        }

        return errors;
    }
}
