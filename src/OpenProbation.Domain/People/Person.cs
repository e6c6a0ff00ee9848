using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.People;

/// <summary>Gender as recorded on the case.</summary>
public enum Gender
{
    /// <summary>Male.</summary>
    Male = 1,

    /// <summary>Female. Some tiering and contact rules differ for women (PRACTICE.md section 2 need areas).</summary>
    Female,

    /// <summary>Another gender identity.</summary>
    Other,

    /// <summary>Not known or not stated.</summary>
    NotKnown,
}

/// <summary>A person on probation: one record for life, however many orders they serve.</summary>
public sealed class Person : IVersioned
{
    /// <summary>Oldest plausible age, to catch typing mistakes in the year of birth.</summary>
    public const int MaxAgeYears = 110;

    /// <summary>
    /// Youngest age for adult probation. Under-18s are supervised by youth justice services; a person may be
    /// transferred at 18, so 17 is allowed for transition cases.
    /// </summary>
    public const int MinAgeYears = 17;

    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>Case reference number, unique and never changed.</summary>
    public string Crn { get; set; } = "";

    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "";

    /// <summary>Middle names.</summary>
    public string? MiddleNames { get; set; }

    /// <summary>Last name.</summary>
    public string LastName { get; set; } = "";

    /// <summary>The name the person prefers to be called.</summary>
    public string? PreferredName { get; set; }

    /// <summary>Lower-case "first middle last preferred" for case-insensitive search on every database.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>Date of birth.</summary>
    public DateOnly DateOfBirth { get; set; }

    /// <summary>Gender.</summary>
    public Gender Gender { get; set; }

    /// <summary>Telephone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Email address.</summary>
    public string? Email { get; set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Addresses, current and past.</summary>
    public List<Address> Addresses { get; } = [];

    /// <summary>Markers (child protection, domestic abuse, MAPPA…), current and past.</summary>
    public List<Marker> Markers { get; } = [];

    /// <summary>Orders and licences.</summary>
    public List<Order> Orders { get; } = [];

    /// <summary>Whether the case is restricted (see <see cref="CaseAccessRules"/>); null when nobody has ever restricted it.</summary>
    public CaseRestriction? Restriction { get; set; }

    /// <summary>Users on the case's allow-list or excluded from it, past entries included.</summary>
    public List<CaseAccessEntry> AccessEntries { get; } = [];

    /// <summary>Full name as staff write it.</summary>
    public string FullName => MiddleNames is null ? $"{FirstName} {LastName}" : $"{FirstName} {MiddleNames} {LastName}";

    /// <summary>Copies validated details onto the record and refreshes the search key.</summary>
    public void Apply(PersonDetails details)
    {
        FirstName = details.FirstName!.Trim();
        MiddleNames = Blank(details.MiddleNames);
        LastName = details.LastName!.Trim();
        PreferredName = Blank(details.PreferredName);
        DateOfBirth = details.DateOfBirth!.Value;
        Gender = details.Gender!.Value;
        Phone = Blank(details.Phone);
        Email = Blank(details.Email);
        SearchName = SearchKey(FirstName, MiddleNames, LastName, PreferredName);
    }

    /// <summary>The normalised text that name search matches against.</summary>
    public static string SearchKey(string firstName, string? middleNames, string lastName, string? preferredName) =>
        string.Join(' ', new[] { firstName, middleNames, lastName, preferredName }
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!.Trim()))
            .ToLowerInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a client sends to create or edit a person's details.</summary>
/// <param name="FirstName">First name.</param>
/// <param name="MiddleNames">Middle names.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PreferredName">Preferred name.</param>
/// <param name="DateOfBirth">Date of birth: the person must be between 17 and 110 years old today.</param>
/// <param name="Gender">Gender.</param>
/// <param name="Phone">Telephone number.</param>
/// <param name="Email">Email address.</param>
public sealed record PersonDetails(
    string? FirstName,
    string? MiddleNames,
    string? LastName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    Gender? Gender,
    string? Phone,
    string? Email)
{
    /// <summary>Checks the details as at <paramref name="today"/>.</summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors()
            .Required("firstName", FirstName, FieldLimits.Name, "a first name")
            .MaxLength("middleNames", MiddleNames, FieldLimits.Name, "middle names")
            .Required("lastName", LastName, FieldLimits.Name, "a last name")
            .MaxLength("preferredName", PreferredName, FieldLimits.Name, "preferred name")
            .Present("dateOfBirth", DateOfBirth, "Enter a date of birth")
            .Defined("gender", Gender, "a gender")
            .MaxLength("phone", Phone, FieldLimits.Phone, "phone number")
            .MaxLength("email", Email, FieldLimits.Email, "email");
        if (DateOfBirth is { } dob)
        {
            if (dob > today)
            {
                errors.Add("dateOfBirth", "Date of birth must be in the past");
            }
            else if (Ages.YearsBetween(dob, today) < Person.MinAgeYears)
            {
                errors.Add("dateOfBirth", $"The person must be at least {Person.MinAgeYears} years old");
            }
            else if (Ages.YearsBetween(dob, today) > Person.MaxAgeYears)
            {
                errors.Add("dateOfBirth", $"The person must be no older than {Person.MaxAgeYears}: check the year");
            }
        }

        if (!string.IsNullOrWhiteSpace(Phone) && !ContactFormats.LooksLikePhone(Phone.Trim()))
        {
            errors.Add("phone", "Enter a phone number, like 01632 960 001 or +44 808 157 0192");
        }

        if (!string.IsNullOrWhiteSpace(Email) && !ContactFormats.LooksLikeEmail(Email.Trim()))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com");
        }

        return errors;
    }
}

/// <summary>Age arithmetic.</summary>
public static class Ages
{
    /// <summary>
    /// Whole years from <paramref name="birth"/> to <paramref name="on"/>. Someone born on 29 February turns a
    /// year older on 1 March in a common year, as in English law.
    /// </summary>
    public static int YearsBetween(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            years--;
        }

        return years;
    }
}
