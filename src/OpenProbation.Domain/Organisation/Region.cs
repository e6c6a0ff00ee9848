using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Organisation;

/// <summary>A probation region, the top of the organisation: region → delivery unit → team → staff.</summary>
public sealed class Region : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Short unique code, e.g. <c>WMD</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>Name, e.g. <c>Staffordshire and West Midlands</c>.</summary>
    public string Name { get; set; } = "";

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The delivery units in this region.</summary>
    public List<DeliveryUnit> DeliveryUnits { get; } = [];
}

/// <summary>A probation delivery unit (PDU), usually one or two local authority areas.</summary>
public sealed class DeliveryUnit : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The region it belongs to.</summary>
    public int RegionId { get; set; }

    /// <summary>Short unique code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Name, e.g. <c>Birmingham North</c>.</summary>
    public string Name { get; set; } = "";

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The region it belongs to.</summary>
    public Region? Region { get; set; }

    /// <summary>The teams in this unit.</summary>
    public List<Team> Teams { get; } = [];
}

/// <summary>A team of staff managed by a senior probation officer.</summary>
public sealed class Team : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The delivery unit it belongs to.</summary>
    public int DeliveryUnitId { get; set; }

    /// <summary>Short unique code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Name, e.g. <c>Erdington Offender Management 2</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The team's funded case-holding posts in full-time equivalents (the establishment), when recorded. Posts no one
    /// fills are shown as vacancies and never count as capacity (PRACTICE.md section 7, line 4).
    /// </summary>
    public decimal? CaseHoldingPosts { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The delivery unit it belongs to.</summary>
    public DeliveryUnit? DeliveryUnit { get; set; }

    /// <summary>The staff in the team.</summary>
    public List<StaffMember> Staff { get; } = [];
}

/// <summary>What a client sends to create or rename a region, delivery unit or team.</summary>
/// <param name="Code">Short unique code: letters, digits and hyphens.</param>
/// <param name="Name">Display name.</param>
public sealed record OrganisationUnitDetails(string? Code, string? Name)
{
    /// <summary>Checks the code and name.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Required("code", Code, FieldLimits.Code, "a code")
            .Required("name", Name, FieldLimits.Title, "a name");
        if (!string.IsNullOrWhiteSpace(Code) && !Code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add("code", "Code must contain only letters, digits and hyphens");
        }

        return errors;
    }
}
