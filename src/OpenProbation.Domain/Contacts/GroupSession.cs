using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Contacts;

/// <summary>
/// A group session, group induction or programme session held in a room with one or more facilitators. Each person
/// attending has an <see cref="Appointment"/> pointing at it. How many may attend is bounded by the staff running it
/// (<see cref="MaximumAttendeesPerStaff"/> each) and by the room (<see cref="AttendeeLimit"/>).
/// </summary>
public sealed class GroupSession : IVersioned
{
    /// <summary>
    /// People per member of staff at a group induction: planned at 1 member of staff to 6, where inspectors found 1 to 20
    /// (PRACTICE.md section 3). It is also the most an induction may be set to.
    /// </summary>
    public const int InductionAttendeesPerStaff = 6;

    /// <summary>People per member of staff at other groups unless set otherwise.</summary>
    public const int DefaultAttendeesPerStaff = 8;

    /// <summary>The most people per member of staff any other group may be set to.</summary>
    public const int MaxAttendeesPerStaff = 15;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Group session, group induction or programme session.</summary>
    public AppointmentType Type { get; set; }

    /// <summary>When it starts (UTC).</summary>
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>How long it lasts.</summary>
    public int DurationMinutes { get; set; }

    /// <summary>Where it is held.</summary>
    public int LocationId { get; set; }

    /// <summary>The room.</summary>
    public int RoomId { get; set; }

    /// <summary>Title, e.g. <c>Induction: new community orders</c> or <c>Building Better Relationships, session 4</c>.</summary>
    public string Title { get; set; } = "";

    /// <summary>How many people each facilitator may have in the group.</summary>
    public int MaximumAttendeesPerStaff { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The staff running the session; the first is the lead facilitator.</summary>
    public List<GroupSessionFacilitator> Facilitators { get; } = [];

    /// <summary>When it ends.</summary>
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    /// <summary>The time it takes up in its room.</summary>
    public TimeSlot Slot => new(StartsAt, EndsAt);

    /// <summary>The ratio in force when none is given: 6 for an induction, 8 for other groups.</summary>
    public static int DefaultAttendeesPerStaffFor(AppointmentType type) =>
        type == AppointmentType.GroupInduction ? InductionAttendeesPerStaff : DefaultAttendeesPerStaff;

    /// <summary>The most people a group may be set to per member of staff: 6 for an induction, 15 otherwise.</summary>
    public static int MostAttendeesPerStaffFor(AppointmentType type) =>
        type == AppointmentType.GroupInduction ? InductionAttendeesPerStaff : MaxAttendeesPerStaff;

    /// <summary>
    /// The most people who may attend: facilitators × <see cref="MaximumAttendeesPerStaff"/>, and no more than the room
    /// holds once the staff are in it.
    /// </summary>
    public int AttendeeLimit(Room? room)
    {
        var byStaff = checked(Facilitators.Count * MaximumAttendeesPerStaff);
        return room is null ? byStaff : Math.Max(0, Math.Min(byStaff, room.Capacity - Facilitators.Count));
    }

    /// <summary>Copies validated details onto the record, replacing the facilitators with those given (in order, lead first).</summary>
    public void Apply(GroupSessionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Type = details.Type!.Value;
        StartsAt = details.StartsAt!.Value.ToUniversalTime();
        DurationMinutes = details.DurationMinutes!.Value;
        LocationId = details.LocationId!.Value;
        RoomId = details.RoomId!.Value;
        Title = details.Title!.Trim();
        MaximumAttendeesPerStaff = details.MaximumAttendeesPerStaff ?? DefaultAttendeesPerStaffFor(Type);

        var wanted = details.FacilitatorStaffIds!.Distinct().ToList();
        Facilitators.RemoveAll(f => !wanted.Contains(f.StaffMemberId));
        foreach (var staffId in wanted.Where(id => Facilitators.TrueForAll(f => f.StaffMemberId != id)))
        {
            Facilitators.Add(new GroupSessionFacilitator { GroupSessionId = Id, StaffMemberId = staffId });
        }

        Facilitators.Sort((a, b) => wanted.IndexOf(a.StaffMemberId).CompareTo(wanted.IndexOf(b.StaffMemberId)));
        for (var i = 0; i < Facilitators.Count; i++)
        {
            Facilitators[i].Position = i;
        }
    }
}

/// <summary>A member of staff running a group session. Saved with the session, whose version guards the list.</summary>
public sealed class GroupSessionFacilitator
{
    /// <summary>The session.</summary>
    public int GroupSessionId { get; set; }

    /// <summary>The member of staff.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>Where they come in the list, from 0 for the lead facilitator; stored so the lead stays first when read back.</summary>
    public int Position { get; set; }

    /// <summary>The session.</summary>
    public GroupSession? GroupSession { get; set; }
}

/// <summary>What a client sends to arrange or change a group session.</summary>
/// <param name="Type">Group session, group induction or programme session.</param>
/// <param name="StartsAt">When it starts; in the future.</param>
/// <param name="DurationMinutes">How long it lasts, 5 minutes to 8 hours.</param>
/// <param name="LocationId">Where it is held.</param>
/// <param name="RoomId">The room.</param>
/// <param name="Title">Title.</param>
/// <param name="FacilitatorStaffIds">The staff running it, lead first; at least one.</param>
/// <param name="MaximumAttendeesPerStaff">People per member of staff; defaults to <see cref="GroupSession.DefaultAttendeesPerStaffFor"/>.</param>
public sealed record GroupSessionDetails(
    AppointmentType? Type,
    DateTimeOffset? StartsAt,
    int? DurationMinutes,
    int? LocationId,
    int? RoomId,
    string? Title,
    IReadOnlyList<int>? FacilitatorStaffIds,
    int? MaximumAttendeesPerStaff)
{
    /// <summary>Checks the details as at <paramref name="now"/>. Room size and the people already booked are checked by <see cref="AppointmentRules.CheckGroupSession"/>.</summary>
    public ValidationErrors Validate(DateTimeOffset now)
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of group session")
            .Present("startsAt", StartsAt, "Enter the date and time of the session")
            .Present("durationMinutes", DurationMinutes, "Enter how long the session lasts")
            .Present("locationId", LocationId, "Select a location")
            .Present("roomId", RoomId, "Select a room")
            .Required("title", Title, FieldLimits.Title, "a title for the session");
        if (Type is { } type && Enum.IsDefined(type) && !AppointmentTypes.IsGroup(type))
        {
            errors.Add("type", "Select a group session, group induction or programme session");
        }

        if (StartsAt is { } start && start <= now)
        {
            errors.Add("startsAt", "The session must start in the future");
        }
        else if (StartsAt is { } late && late > AppointmentDetails.LatestStart(now))
        {
            errors.Add("startsAt", $"A session can be arranged at most {AppointmentDetails.MaxYearsAhead} years ahead");
        }

        AppointmentDetails.CheckDuration(errors, DurationMinutes, "session");

        if (FacilitatorStaffIds is null || FacilitatorStaffIds.Count == 0)
        {
            errors.Add("facilitatorStaffIds", "Select at least one member of staff to run the session");
        }
        else if (FacilitatorStaffIds.Distinct().Count() != FacilitatorStaffIds.Count)
        {
            errors.Add("facilitatorStaffIds", "Select each member of staff once");
        }

        if (MaximumAttendeesPerStaff is { } perStaff && Type is { } t && AppointmentTypes.IsGroup(t))
        {
            var most = GroupSession.MostAttendeesPerStaffFor(t);
            if (perStaff < 1 || perStaff > most)
            {
                errors.Add(
                    "maximumAttendeesPerStaff",
                    $"A {AppointmentTypes.Describe(t)} can have between 1 and {most} people for each member of staff");
            }
        }

        return errors;
    }
}
