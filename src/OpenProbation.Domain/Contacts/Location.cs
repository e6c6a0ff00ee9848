using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Contacts;

/// <summary>A place where appointments are held: a probation office, a community payback site, a partner's premises.</summary>
public sealed class Location : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Name, e.g. <c>Birmingham Centre probation office</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The address as it would go on a letter.</summary>
    public string Address { get; set; } = "";

    /// <summary>The team based there, if any; a shared site has none.</summary>
    public int? TeamId { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The rooms that can be booked there.</summary>
    public List<Room> Rooms { get; } = [];

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(LocationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name!.Trim();
        Address = details.Address!.Trim();
        TeamId = details.TeamId;
    }
}

/// <summary>What a client sends to add or edit a location.</summary>
/// <param name="Name">Name.</param>
/// <param name="Address">Address, as on a letter.</param>
/// <param name="TeamId">The team based there, if any.</param>
public sealed record LocationDetails(string? Name, string? Address, int? TeamId)
{
    /// <summary>Checks the details.</summary>
    public ValidationErrors Validate() => new ValidationErrors()
        .Required("name", Name, FieldLimits.Title, "the name of the location")
        .Required("address", Address, FieldLimits.Note, "the address");
}

/// <summary>
/// A room at a location. Whether it is private matters: interviews held in open-plan areas and booths put staff, the
/// public and data protection at risk (PRACTICE.md section 3), so a one-to-one interview needs a private room.
/// </summary>
public sealed class Room : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The location.</summary>
    public int LocationId { get; set; }

    /// <summary>Name, e.g. <c>Interview room 2</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>True for a closed room where a conversation cannot be overheard; false for open plan, booths and reception areas.</summary>
    public bool IsPrivate { get; set; }

    /// <summary>The most people it holds, staff included.</summary>
    public int Capacity { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The location.</summary>
    public Location? Location { get; set; }

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(RoomDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name!.Trim();
        IsPrivate = details.IsPrivate!.Value;
        Capacity = details.Capacity!.Value;
    }
}

/// <summary>What a client sends to add or edit a room at a location.</summary>
/// <param name="Name">Name.</param>
/// <param name="IsPrivate">Whether a conversation in it cannot be overheard.</param>
/// <param name="Capacity">The most people it holds, staff included: 1 to <see cref="MaxCapacity"/>.</param>
public sealed record RoomDetails(string? Name, bool? IsPrivate, int? Capacity)
{
    /// <summary>The largest room capacity accepted (community payback groups are up to 60 a day at one office, PRACTICE.md section 2).</summary>
    public const int MaxCapacity = 200;

    /// <summary>Checks the details.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Required("name", Name, FieldLimits.Title, "the name of the room")
            .Present("isPrivate", IsPrivate, "Select whether the room is private")
            .Present("capacity", Capacity, "Enter how many people the room holds");
        if (Capacity is { } capacity && capacity is < 1 or > MaxCapacity)
        {
            errors.Add("capacity", $"A room must hold between 1 and {MaxCapacity} people");
        }

        return errors;
    }
}
