using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.UnpaidWork;

/// <summary>
/// A supervised unpaid work session: one supervisor's group working at a project on a day. Each person booked on it has
/// an <see cref="UnpaidWorkAttendance"/>, which later records what they did; the group never holds more than
/// <see cref="MaximumGroupSize"/> people (<see cref="UnpaidWorkGroups.CheckBooking"/>).
/// </summary>
public sealed class UnpaidWorkSession : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The project worked on.</summary>
    public int ProjectId { get; set; }

    /// <summary>The day, in Europe/London.</summary>
    public DateOnly Date { get; set; }

    /// <summary>The office the group meets at before going out: the office whose day <see cref="UnpaidWorkSettings.MaxPeoplePerOfficeDay"/> caps.</summary>
    public int OfficeLocationId { get; set; }

    /// <summary>The member of staff supervising the group.</summary>
    public int SupervisorStaffMemberId { get; set; }

    /// <summary>The most people the group may hold.</summary>
    public int MaximumGroupSize { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Copies validated details onto the record; a size not given is <see cref="UnpaidWorkSettings.MaxGroupSize"/>.</summary>
    public void Apply(UnpaidWorkSessionDetails details, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(settings);
        ProjectId = details.ProjectId!.Value;
        Date = details.Date!.Value;
        OfficeLocationId = details.OfficeLocationId!.Value;
        SupervisorStaffMemberId = details.SupervisorStaffMemberId!.Value;
        MaximumGroupSize = details.MaximumGroupSize ?? settings.MaxGroupSize;
    }
}

/// <summary>What a client sends to arrange or change a session.</summary>
/// <param name="ProjectId">The project; active for a new session.</param>
/// <param name="Date">The day; at most <see cref="UnpaidWorkSessionDetails.MaxYearsAhead"/> years ahead.</param>
/// <param name="OfficeLocationId">The office the group meets at.</param>
/// <param name="SupervisorStaffMemberId">The supervisor.</param>
/// <param name="MaximumGroupSize">The most people, 1 to <see cref="UnpaidWorkSettings.MaxGroupSize"/>; that setting when not given.</param>
public sealed record UnpaidWorkSessionDetails(int? ProjectId, DateOnly? Date, int? OfficeLocationId, int? SupervisorStaffMemberId, int? MaximumGroupSize)
{
    /// <summary>The furthest ahead a session may be arranged, in years.</summary>
    public const int MaxYearsAhead = 2;

    /// <summary>
    /// Checks the details as at <paramref name="today"/>. <paramref name="project"/> is the project named, or nothing when
    /// there is none; <paramref name="existing"/> is the session being changed, or nothing for a new one;
    /// <paramref name="booked"/> is how many people it already holds. Shrinking a group below the people booked is refused
    /// by the rule <see cref="UnpaidWorkGroups.GroupFullRule"/>.
    /// </summary>
    public ValidationErrors Validate(UnpaidWorkProject? project, UnpaidWorkSession? existing, int booked, UnpaidWorkSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(booked);
        var errors = new ValidationErrors()
            .Present("projectId", ProjectId, "Select a project")
            .Present("date", Date, "Enter the date of the session")
            .Present("officeLocationId", OfficeLocationId, "Select the office the group meets at")
            .Present("supervisorStaffMemberId", SupervisorStaffMemberId, "Select the supervisor");
        if (ProjectId is not null && project is null)
        {
            errors.Add("projectId", "Select a project");
        }
        else if (project is { IsActive: false } && (existing is null || existing.ProjectId != project.Id))
        {
            errors.Add("projectId", $"{project.Name} is no longer active: choose an active project");
        }

        if (Date is { } date && date > today.AddYears(MaxYearsAhead))
        {
            errors.Add("date", $"A session can be arranged at most {MaxYearsAhead} years ahead");
        }

        if (MaximumGroupSize is { } size && (size < 1 || size > settings.MaxGroupSize))
        {
            errors.Add("maximumGroupSize", $"A group can have from 1 to {settings.MaxGroupSize} people for its supervisor");
        }
        else if ((MaximumGroupSize ?? settings.MaxGroupSize) < booked)
        {
            errors.Refuse("maximumGroupSize", UnpaidWorkGroups.GroupFullRule,
                $"{UnpaidWorkGroups.People(booked)} already booked on this session: the group cannot be made smaller than that");
        }

        return errors;
    }
}

/// <summary>What a booking check needs to know besides the session.</summary>
/// <param name="PersonIdsInGroup">The people already booked on the session.</param>
/// <param name="PeopleAtOfficeThatDay">The people booked on every session meeting at the session's office that day, this one included.</param>
/// <param name="BookedElsewhereThatDay">True when the person is already booked on another session that day.</param>
public sealed record UnpaidWorkBookingContext(IReadOnlyCollection<int> PersonIdsInGroup, int PeopleAtOfficeThatDay, bool BookedElsewhereThatDay);

/// <summary>
/// Group sizes: one supervisor's group holds at most its size (no more than <see cref="UnpaidWorkSettings.MaxGroupSize"/>),
/// and one office's day at most <see cref="UnpaidWorkSettings.MaxPeoplePerOfficeDay"/> people (community payback groups of
/// up to 60 a day at one office, PRACTICE.md section 2). A person works in one group a day.
/// </summary>
public static class UnpaidWorkGroups
{
    /// <summary>The rule name a refusal to book a full group carries.</summary>
    public const string GroupFullRule = "unpaid-work-group-full";

    /// <summary>The rule name a refusal to book beyond the office's day carries.</summary>
    public const string OfficeDayFullRule = "unpaid-work-office-day-full";

    /// <summary>The rule name a refusal to book a person twice on one day carries.</summary>
    public const string AlreadyBookedRule = "unpaid-work-already-booked";

    /// <summary>Places left in a group holding <paramref name="booked"/> people; never negative.</summary>
    public static int PlacesLeft(UnpaidWorkSession session, int booked)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Math.Max(0, session.MaximumGroupSize - booked);
    }

    /// <summary>
    /// Why <paramref name="personId"/> cannot be booked on <paramref name="session"/>, or no errors when they can: not
    /// twice in the group or on one day (<see cref="AlreadyBookedRule"/>, field <c>personId</c>), not into a full group
    /// (<see cref="GroupFullRule"/>) and not past the office's day (<see cref="OfficeDayFullRule"/>), both field <c>sessionId</c>.
    /// </summary>
    public static ValidationErrors CheckBooking(UnpaidWorkSession session, int personId, UnpaidWorkBookingContext context, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors();
        if (context.PersonIdsInGroup.Contains(personId))
        {
            return errors.Refuse("personId", AlreadyBookedRule, "This person is already booked on this session");
        }

        if (context.BookedElsewhereThatDay)
        {
            return errors.Refuse("personId", AlreadyBookedRule, "This person is already booked on another session that day");
        }

        if (PlacesLeft(session, context.PersonIdsInGroup.Count) == 0)
        {
            errors.Refuse("sessionId", GroupFullRule,
                $"The group is full: {People(context.PersonIdsInGroup.Count)} booked and its supervisor may have at most {session.MaximumGroupSize}");
        }
        else if (context.PeopleAtOfficeThatDay >= settings.MaxPeoplePerOfficeDay)
        {
            errors.Refuse("sessionId", OfficeDayFullRule,
                $"The office's day is full: {People(context.PeopleAtOfficeThatDay)} booked on its sessions and it takes at most {settings.MaxPeoplePerOfficeDay}");
        }

        return errors;
    }

    /// <summary>"1 person", "8 people".</summary>
    public static string People(int count) => count == 1 ? "1 person" : $"{count} people";
}
