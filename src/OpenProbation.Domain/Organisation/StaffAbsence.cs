using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Organisation;

/// <summary>Why a member of staff is away.</summary>
public enum AbsenceType
{
    /// <summary>Annual leave.</summary>
    AnnualLeave = 1,

    /// <summary>Sickness.</summary>
    Sickness,

    /// <summary>Training.</summary>
    Training,

    /// <summary>Any other absence (e.g. parental leave, secondment).</summary>
    Other,
}

/// <summary>
/// A period when a member of staff is away. Both dates are inclusive: an absence from Monday to Friday
/// covers five days. Allocation must respect these (PRACTICE.md section 7, line 3).
/// </summary>
public sealed class StaffAbsence : IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The member of staff.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>Kind of absence.</summary>
    public AbsenceType Type { get; set; }

    /// <summary>First day away.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day away (inclusive).</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>Optional note.</summary>
    public string? Notes { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The member of staff.</summary>
    public StaffMember? StaffMember { get; set; }

    /// <summary>True when the absence covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => StartDate <= date && date <= EndDate;

    /// <summary>True when the absence overlaps the inclusive range.</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => StartDate <= to && from <= EndDate;

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(AbsenceDetails details)
    {
        Type = details.Type!.Value;
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate!.Value;
        Notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes.Trim();
    }
}

/// <summary>What a client sends to record an absence.</summary>
/// <param name="Type">Kind of absence.</param>
/// <param name="StartDate">First day away.</param>
/// <param name="EndDate">Last day away, inclusive; on or after the start date and at most two years later.</param>
/// <param name="Notes">Optional note.</param>
public sealed record AbsenceDetails(AbsenceType? Type, DateOnly? StartDate, DateOnly? EndDate, string? Notes)
{
    /// <summary>The longest single absence record, in days; longer absences are recorded in parts.</summary>
    public const int MaxLengthDays = 731;

    /// <summary>Checks the details.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Defined("type", Type, "a type of absence")
            .Present("startDate", StartDate, "Enter a start date")
            .Present("endDate", EndDate, "Enter an end date")
            .MaxLength("notes", Notes, FieldLimits.Note, "notes");
        if (StartDate is { } start && EndDate is { } end)
        {
            if (end < start)
            {
                errors.Add("endDate", "End date must be the same as or after the start date");
            }
            else if (end.DayNumber - start.DayNumber >= MaxLengthDays)
            {
                errors.Add("endDate", "An absence can be at most two years long; record a longer one in parts");
            }
        }

        return errors;
    }
}
