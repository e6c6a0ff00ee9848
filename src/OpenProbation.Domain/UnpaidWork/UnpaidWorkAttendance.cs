using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.UnpaidWork;

/// <summary>What happened to a person booked on a session.</summary>
public enum UnpaidWorkAttendanceStatus
{
    /// <summary>Attended and worked.</summary>
    Attended = 1,

    /// <summary>Turned up, but the provider stood the session down (weather, no supervisor, no work): credited as recorded.</summary>
    StoodDown,

    /// <summary>Sent home, e.g. for behaviour: credited only for the time worked before; a failure to comply.</summary>
    SentHome,

    /// <summary>Absent with an acceptable reason: nothing credited.</summary>
    AcceptableAbsence,

    /// <summary>Absent without an acceptable reason: nothing credited; a failure to comply.</summary>
    UnacceptableAbsence,
}

/// <summary>A supervisor's rating of behaviour or of the quality of the work at a session.</summary>
public enum UnpaidWorkRating
{
    /// <summary>Excellent.</summary>
    Excellent = 1,

    /// <summary>Good.</summary>
    Good,

    /// <summary>Satisfactory.</summary>
    Satisfactory,

    /// <summary>Poor.</summary>
    Poor,

    /// <summary>Unacceptable.</summary>
    Unacceptable,
}

/// <summary>Why a session's credit differs from the time worked and travelled.</summary>
public enum UnpaidWorkAdjustmentKind
{
    /// <summary>Time spent on the unpaid work induction, credited.</summary>
    Induction = 1,

    /// <summary>Time credited when the provider stood the work down after the person turned up.</summary>
    StoodDown,

    /// <summary>Time taken off the credit (a negative number of minutes), e.g. a long unplanned break.</summary>
    Deduction,

    /// <summary>Any other credited time, explained in the reason.</summary>
    Other,
}

/// <summary>
/// One person's place on one session, for one unpaid work requirement: booked first (no <see cref="Status"/>), then
/// what happened, the time and the ratings recorded, and the credit worked out by <see cref="UnpaidWorkCredit"/>.
/// </summary>
public sealed class UnpaidWorkAttendance : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The session.</summary>
    public int SessionId { get; set; }

    /// <summary>The unpaid work requirement the hours count towards.</summary>
    public int RequirementId { get; set; }

    /// <summary>The person.</summary>
    public int PersonId { get; set; }

    /// <summary>What happened; empty until recorded.</summary>
    public UnpaidWorkAttendanceStatus? Status { get; set; }

    /// <summary>Minutes worked.</summary>
    public int MinutesWorked { get; set; }

    /// <summary>Minutes of travel recorded, before the cap.</summary>
    public int TravelMinutes { get; set; }

    /// <summary>Behaviour, as the supervisor rated it.</summary>
    public UnpaidWorkRating? BehaviourRating { get; set; }

    /// <summary>The quality of the work, as the supervisor rated it.</summary>
    public UnpaidWorkRating? WorkQualityRating { get; set; }

    /// <summary>The supervisor's notes.</summary>
    public string? Notes { get; set; }

    /// <summary>The minutes credited (<see cref="UnpaidWorkCredit.For(UnpaidWorkAttendance, UnpaidWorkSettings)"/>), kept as recorded so a later change of settings does not rewrite the past.</summary>
    public int CreditedMinutes { get; set; }

    /// <summary>User name of whoever recorded it.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset? RecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The adjustments, in the order given.</summary>
    public List<UnpaidWorkAdjustment> Adjustments { get; } = [];

    /// <summary>True once what happened is recorded.</summary>
    public bool IsRecorded => Status is not null;

    /// <summary>
    /// Records what happened, with details checked by <see cref="UnpaidWorkAttendanceDetails.Validate"/>, and the credit.
    /// Returns the errors, and changes nothing when there are any.
    /// </summary>
    public ValidationErrors Record(
        UnpaidWorkAttendanceDetails details, DateOnly sessionDate, DateOnly today, UnpaidWorkSettings settings, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = details.Validate(sessionDate, today, settings);
        if (!errors.IsValid)
        {
            return errors;
        }

        Status = details.Status!.Value;
        MinutesWorked = details.MinutesWorked ?? 0;
        TravelMinutes = details.TravelMinutes ?? 0;
        BehaviourRating = details.BehaviourRating;
        WorkQualityRating = details.WorkQualityRating;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
        Adjustments.Clear();
        var adjustments = details.Adjustments ?? [];
        for (var i = 0; i < adjustments.Count; i++)
        {
            var a = adjustments[i]!;
            Adjustments.Add(new UnpaidWorkAdjustment
            {
                AttendanceId = Id,
                Position = i,
                Kind = a.Kind!.Value,
                Minutes = a.Minutes!.Value,
                Reason = a.Reason!.Trim(),
            });
        }

        CreditedMinutes = UnpaidWorkCredit.For(this, settings).CreditedMinutes;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        return errors;
    }
}

/// <summary>An adjustment to one attendance's credit. Saved with the attendance, whose version guards the list.</summary>
public sealed class UnpaidWorkAdjustment
{
    /// <summary>The attendance.</summary>
    public int AttendanceId { get; set; }

    /// <summary>Where it comes in the list, from 0.</summary>
    public int Position { get; set; }

    /// <summary>Kind of adjustment.</summary>
    public UnpaidWorkAdjustmentKind Kind { get; set; }

    /// <summary>Minutes added, or taken off (negative) for a deduction.</summary>
    public int Minutes { get; set; }

    /// <summary>Why.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The attendance.</summary>
    public UnpaidWorkAttendance? Attendance { get; set; }
}

/// <summary>An adjustment a client sends.</summary>
/// <param name="Kind">Kind of adjustment.</param>
/// <param name="Minutes">Minutes: positive to credit, negative for a deduction.</param>
/// <param name="Reason">Why; always required.</param>
public sealed record UnpaidWorkAdjustmentDetails(UnpaidWorkAdjustmentKind? Kind, int? Minutes, string? Reason);

/// <summary>What a supervisor sends to record a person's session.</summary>
/// <param name="Status">What happened.</param>
/// <param name="MinutesWorked">Minutes worked; only when the person turned up.</param>
/// <param name="TravelMinutes">Minutes of travel to credit, before the cap; only when the person attended or was stood down.</param>
/// <param name="Adjustments">Adjustments, each with a reason; only when the person attended or was stood down.</param>
/// <param name="BehaviourRating">Behaviour: required when the person attended or was sent home.</param>
/// <param name="WorkQualityRating">Quality of the work: required when the person attended and worked.</param>
/// <param name="Notes">The supervisor's notes.</param>
public sealed record UnpaidWorkAttendanceDetails(
    UnpaidWorkAttendanceStatus? Status,
    int? MinutesWorked,
    int? TravelMinutes,
    IReadOnlyList<UnpaidWorkAdjustmentDetails>? Adjustments,
    UnpaidWorkRating? BehaviourRating,
    UnpaidWorkRating? WorkQualityRating,
    string? Notes)
{
    /// <summary>The most adjustments one session may have.</summary>
    public const int MaxAdjustments = 5;

    /// <summary>
    /// Checks the details of a session held on <paramref name="sessionDate"/>, as at <paramref name="today"/>; field names
    /// follow the JSON (<c>adjustments[0].reason</c>). Travel claimed beyond the cap is allowed and not credited.
    /// </summary>
    public ValidationErrors Validate(DateOnly sessionDate, DateOnly today, UnpaidWorkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new ValidationErrors()
            .Defined("status", Status, "what happened")
            .Defined("behaviourRating", BehaviourRating, "a behaviour rating", required: false)
            .Defined("workQualityRating", WorkQualityRating, "a work quality rating", required: false)
            .MaxLength("notes", Notes, FieldLimits.Note, "the notes");
        if (sessionDate > today)
        {
            errors.Add("status", "The session has not happened yet: record it on or after its day");
        }

        var most = settings.MaxCreditedMinutesPerSession;
        if (MinutesWorked is < 0 || MinutesWorked > most)
        {
            errors.Add("minutesWorked", $"The minutes worked must be from 0 to {most}");
        }

        if (TravelMinutes is < 0 or > 1440)
        {
            errors.Add("travelMinutes", "The travel minutes must be from 0 to 1440");
        }

        var adjustments = Adjustments ?? [];
        if (adjustments.Count > MaxAdjustments)
        {
            errors.Add("adjustments", $"A session can have at most {MaxAdjustments} adjustments");
        }
        else
        {
            CheckAdjustments(errors, adjustments, most);
        }

        if (Status is not { } status || !Enum.IsDefined(status))
        {
            return errors;
        }

        var worked = MinutesWorked ?? 0;
        var turnedUp = status is UnpaidWorkAttendanceStatus.Attended or UnpaidWorkAttendanceStatus.StoodDown or UnpaidWorkAttendanceStatus.SentHome;
        var credited = status is UnpaidWorkAttendanceStatus.Attended or UnpaidWorkAttendanceStatus.StoodDown;
        if (!turnedUp && worked > 0)
        {
            errors.Add("minutesWorked", "A person who was absent worked no time");
        }

        if (!credited && (TravelMinutes ?? 0) > 0)
        {
            errors.Add("travelMinutes", status == UnpaidWorkAttendanceStatus.SentHome
                ? "A person sent home is credited only for the time worked: no travel"
                : "A person who was absent is credited no travel");
        }

        if (!credited && adjustments.Count > 0)
        {
            errors.Add("adjustments", status == UnpaidWorkAttendanceStatus.SentHome
                ? "A person sent home is credited only for the time worked: no adjustments"
                : "A person who was absent is credited nothing: no adjustments");
        }

        if (status == UnpaidWorkAttendanceStatus.Attended && worked == 0 && !adjustments.Any(a => a is { Minutes: > 0 }))
        {
            errors.Add("minutesWorked", "Enter the minutes worked, or an adjustment such as the induction, for a person who attended");
        }

        if (status is UnpaidWorkAttendanceStatus.Attended or UnpaidWorkAttendanceStatus.SentHome && BehaviourRating is null)
        {
            errors.Add("behaviourRating", "Select a behaviour rating");
        }

        if (status == UnpaidWorkAttendanceStatus.Attended && worked > 0 && WorkQualityRating is null)
        {
            errors.Add("workQualityRating", "Select a work quality rating");
        }

        if (!turnedUp && (BehaviourRating is not null || WorkQualityRating is not null))
        {
            errors.Add(BehaviourRating is not null ? "behaviourRating" : "workQualityRating", "A person who was absent is not rated");
        }

        return errors;
    }

    private static void CheckAdjustments(ValidationErrors errors, IReadOnlyList<UnpaidWorkAdjustmentDetails> adjustments, int most)
    {
        for (var i = 0; i < adjustments.Count; i++)
        {
            var a = adjustments[i];
            var at = $"adjustments[{i}]";
            if (a is null)
            {
                errors.Add(at, "Enter the adjustment");
                continue;
            }

            errors.Defined($"{at}.kind", a.Kind, "a kind of adjustment")
                .Required($"{at}.reason", a.Reason, FieldLimits.Note, "the reason for the adjustment");
            if (a.Minutes is not { } minutes)
            {
                errors.Add($"{at}.minutes", "Enter the minutes of the adjustment");
            }
            else if (a.Kind == UnpaidWorkAdjustmentKind.Deduction && minutes is >= 0 or < -1440)
            {
                errors.Add($"{at}.minutes", "A deduction takes time off: enter from -1 to -1440 minutes");
            }
            else if (a.Kind != UnpaidWorkAdjustmentKind.Deduction && (minutes < 1 || minutes > most))
            {
                errors.Add($"{at}.minutes", $"An adjustment credits from 1 to {most} minutes; take time off with a deduction");
            }
        }
    }
}
