using System.Text.RegularExpressions;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.People;

/// <summary>What kind of place an address is.</summary>
public enum AddressType
{
    /// <summary>A settled home.</summary>
    Home = 1,

    /// <summary>Approved premises (probation hostel).</summary>
    ApprovedPremises,

    /// <summary>Temporary accommodation (sofa surfing, bail accommodation, B&amp;B).</summary>
    Temporary,

    /// <summary>No fixed abode: a location is still recorded, e.g. the area the person sleeps in.</summary>
    NoFixedAbode,
}

/// <summary>
/// An address with the dates the person lived there. History is kept: a move ends the old address
/// (its <see cref="EndDate"/> set) rather than overwriting it. Dates are inclusive.
/// </summary>
public sealed class Address : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>Kind of address.</summary>
    public AddressType Type { get; set; }

    /// <summary>First line.</summary>
    public string Line1 { get; set; } = "";

    /// <summary>Second line.</summary>
    public string? Line2 { get; set; }

    /// <summary>Town or city.</summary>
    public string Town { get; set; } = "";

    /// <summary>County.</summary>
    public string? County { get; set; }

    /// <summary>Postcode, upper case with one space.</summary>
    public string? Postcode { get; set; }

    /// <summary>First day at the address.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day at the address; empty while current.</summary>
    public DateOnly? EndDate { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public Person? Person { get; set; }

    /// <summary>True when the address is current on <paramref name="date"/>.</summary>
    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(AddressDetails details)
    {
        Type = details.Type!.Value;
        Line1 = details.Line1!.Trim();
        Line2 = string.IsNullOrWhiteSpace(details.Line2) ? null : details.Line2.Trim();
        Town = details.Town!.Trim();
        County = string.IsNullOrWhiteSpace(details.County) ? null : details.County.Trim();
        Postcode = Postcodes.Normalise(details.Postcode);
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate;
    }
}

/// <summary>What a client sends to record an address.</summary>
/// <param name="Type">Kind of address.</param>
/// <param name="Line1">First line.</param>
/// <param name="Line2">Second line.</param>
/// <param name="Town">Town or city.</param>
/// <param name="County">County.</param>
/// <param name="Postcode">UK postcode; required except for no fixed abode.</param>
/// <param name="StartDate">First day at the address; not in the future.</param>
/// <param name="EndDate">Last day at the address, on or after the start date.</param>
public sealed record AddressDetails(
    AddressType? Type,
    string? Line1,
    string? Line2,
    string? Town,
    string? County,
    string? Postcode,
    DateOnly? StartDate,
    DateOnly? EndDate)
{
    /// <summary>Checks the details as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of address")
            .Required("line1", Line1, FieldLimits.AddressLine, "the first line of the address")
            .MaxLength("line2", Line2, FieldLimits.AddressLine, "the second line of the address")
            .Required("town", Town, FieldLimits.AddressLine, "a town or city")
            .MaxLength("county", County, FieldLimits.AddressLine, "county")
            .Present("startDate", StartDate, "Enter the date the person moved in");
        if (string.IsNullOrWhiteSpace(Postcode))
        {
            if (Type is not AddressType.NoFixedAbode)
            {
                errors.Add("postcode", "Enter a postcode");
            }
        }
        else if (Postcodes.Normalise(Postcode) is null)
        {
            errors.Add("postcode", "Enter a real postcode, like B1 1AA");
        }

        if (StartDate is { } start)
        {
            if (start > today)
            {
                errors.Add("startDate", "The date the person moved in must be today or in the past");
            }

            if (EndDate is { } end && end < start)
            {
                errors.Add("endDate", "The date the person moved out must be the same as or after the date they moved in");
            }
        }

        return errors;
    }
}

/// <summary>UK postcodes.</summary>
public static partial class Postcodes
{
    /// <summary>Upper-cases and re-spaces a postcode; null when it is not the shape of a UK postcode.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 12)
        {
            return null;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!Shape().IsMatch(compact))
        {
            return null;
        }

        return $"{compact[..^3]} {compact[^3..]}";
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
