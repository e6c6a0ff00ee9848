using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.UnpaidWork;

/// <summary>How people work at an unpaid work project.</summary>
public enum UnpaidWorkPlacementType
{
    /// <summary>A work party under a probation supervisor, e.g. clearing a park.</summary>
    Group = 1,

    /// <summary>An individual placement with the beneficiary, e.g. a charity shop, whose staff oversee the work.</summary>
    Individual,
}

/// <summary>A community payback project: the work, where it is and who benefits.</summary>
public sealed class UnpaidWorkProject : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Name, e.g. <c>Riverside park clearance</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Group or individual placement.</summary>
    public UnpaidWorkPlacementType PlacementType { get; set; }

    /// <summary>Where the work is done, in words (an address or a description of the site).</summary>
    public string Location { get; set; } = "";

    /// <summary>Who benefits and how, in words: what the public is told about the work.</summary>
    public string Beneficiary { get; set; } = "";

    /// <summary>False once the project takes no more sessions; its past sessions and hours stay on the record.</summary>
    public bool IsActive { get; set; } = true;

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(UnpaidWorkProjectDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name!.Trim();
        PlacementType = details.PlacementType!.Value;
        Location = details.Location!.Trim();
        Beneficiary = details.Beneficiary!.Trim();
        IsActive = details.IsActive ?? true;
    }
}

/// <summary>What a client sends to add or edit a project.</summary>
/// <param name="Name">Name.</param>
/// <param name="PlacementType">Group or individual placement.</param>
/// <param name="Location">Where the work is done.</param>
/// <param name="Beneficiary">Who benefits and how.</param>
/// <param name="IsActive">Whether it takes sessions; a new project does unless told otherwise.</param>
public sealed record UnpaidWorkProjectDetails(string? Name, UnpaidWorkPlacementType? PlacementType, string? Location, string? Beneficiary, bool? IsActive)
{
    /// <summary>Checks the details; field errors keyed <c>name</c>, <c>placementType</c>, <c>location</c>, <c>beneficiary</c>.</summary>
    public ValidationErrors Validate() =>
        new ValidationErrors()
            .Required("name", Name, FieldLimits.Title, "the name of the project")
            .Defined("placementType", PlacementType, "a type of placement")
            .Required("location", Location, FieldLimits.Title, "where the work is done")
            .Required("beneficiary", Beneficiary, FieldLimits.Note, "who benefits from the work");
}
