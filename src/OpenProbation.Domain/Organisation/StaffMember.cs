using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Organisation;

/// <summary>Grades of probation staff (PRACTICE.md section 1).</summary>
public enum StaffGrade
{
    /// <summary>Probation Officer: qualified responsible officer for higher-risk, CP and DA cases.</summary>
    ProbationOfficer = 1,

    /// <summary>Probation Service Officer: responsible officer for lower-risk cases.</summary>
    ProbationServiceOfficer,

    /// <summary>Trainee Probation Officer (PQiP): protected, reduced caseload while qualifying.</summary>
    TraineeProbationOfficer,

    /// <summary>Senior Probation Officer / team manager.</summary>
    SeniorProbationOfficer,

    /// <summary>Case administrator or coordinator.</summary>
    CaseAdministrator,

    /// <summary>Court officer: reports and sentencing hand-over.</summary>
    CourtOfficer,
}

/// <summary>Rules that follow from a grade.</summary>
public static class StaffGrades
{
    /// <summary>
    /// Grades that may be a responsible officer. Case administrators and court officers support cases but
    /// do not hold them (PRACTICE.md section 1).
    /// </summary>
    public static bool CanHoldCases(StaffGrade grade) => grade is StaffGrade.ProbationOfficer
        or StaffGrade.ProbationServiceOfficer or StaffGrade.TraineeProbationOfficer or StaffGrade.SeniorProbationOfficer;
}

/// <summary>A member of staff in a team.</summary>
public sealed class StaffMember : IVersioned
{
    /// <summary>Full-time contracted hours a week, the basis of workload targets (a 37-hour officer).</summary>
    public const decimal FullTimeHours = 37m;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The team the member belongs to.</summary>
    public int TeamId { get; set; }

    /// <summary>Unique staff code, e.g. <c>WMD0123</c>.</summary>
    public string StaffCode { get; set; } = "";

    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";

    /// <summary>Work email address.</summary>
    public string? Email { get; set; }

    /// <summary>Grade.</summary>
    public StaffGrade Grade { get; set; }

    /// <summary>Contracted hours a week.</summary>
    public decimal ContractedHours { get; set; }

    /// <summary>First day in post.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day in post, when they have left.</summary>
    public DateOnly? EndDate { get; set; }

    /// <summary>Agency (temporary) staff rather than employed.</summary>
    public bool IsAgency { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The team the member belongs to.</summary>
    public Team? Team { get; set; }

    /// <summary>Recorded absences.</summary>
    public List<StaffAbsence> Absences { get; } = [];

    /// <summary>Display name.</summary>
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Copies validated details onto the record.</summary>
    public void Apply(StaffDetails details)
    {
        TeamId = details.TeamId!.Value;
        StaffCode = details.StaffCode!.Trim().ToUpperInvariant();
        FirstName = details.FirstName!.Trim();
        LastName = details.LastName!.Trim();
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
        Grade = details.Grade!.Value;
        ContractedHours = details.ContractedHours!.Value;
        StartDate = details.StartDate!.Value;
        EndDate = details.EndDate;
        IsAgency = details.IsAgency ?? false;
    }
}

/// <summary>What a client sends to create or edit a member of staff.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="StaffCode">Unique staff code.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Email">Work email.</param>
/// <param name="Grade">Grade.</param>
/// <param name="ContractedHours">Contracted hours a week, more than 0 and at most 48 (the Working Time Regulations' weekly limit), to two decimal places.</param>
/// <param name="StartDate">First day in post.</param>
/// <param name="EndDate">Last day in post, on or after the start date.</param>
/// <param name="IsAgency">Agency staff.</param>
public sealed record StaffDetails(
    int? TeamId,
    string? StaffCode,
    string? FirstName,
    string? LastName,
    string? Email,
    StaffGrade? Grade,
    decimal? ContractedHours,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool? IsAgency)
{
    /// <summary>The most hours a week a contract may state.</summary>
    public const decimal MaxContractedHours = 48m;

    /// <summary>Checks the details.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Present("teamId", TeamId, "Select a team")
            .Required("staffCode", StaffCode, FieldLimits.Code, "a staff code")
            .Required("firstName", FirstName, FieldLimits.Name, "a first name")
            .Required("lastName", LastName, FieldLimits.Name, "a last name")
            .MaxLength("email", Email, FieldLimits.Email, "email")
            .Defined("grade", Grade, "a grade")
            .Present("contractedHours", ContractedHours, "Enter contracted hours")
            .Present("startDate", StartDate, "Enter a start date");
        if (!string.IsNullOrWhiteSpace(Email) && !ContactFormats.LooksLikeEmail(Email.Trim()))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com");
        }

        if (ContractedHours is { } hours && (hours <= 0 || hours > MaxContractedHours))
        {
            errors.Add("contractedHours", $"Contracted hours must be more than 0 and no more than {MaxContractedHours}");
        }
        else if (ContractedHours is { } h && decimal.Round(h, 2) != h)
        {
            // The column holds two decimal places: PostgreSQL would round silently (0.001 to 0) and SQLite would not.
            errors.Add("contractedHours", "Contracted hours can have at most two decimal places, like 22.5 or 18.75");
        }

        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add("endDate", "End date must be the same as or after the start date");
        }

        return errors;
    }
}
