using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.People;

public class PersonDetailsTests
{
    private static readonly DateOnly _today = new(2026, 3, 15);

    private static readonly PersonDetails _valid =
        new("Jordan", null, "Smith", null, new DateOnly(1990, 5, 17), Gender.Male, null, null);

    [Fact]
    public void Complete_details_are_valid() => ErrorAssert.Valid(_valid.Validate(_today));

    [Fact]
    public void Every_optional_field_filled_in_is_valid() =>
        ErrorAssert.Valid((_valid with
        {
            MiddleNames = "Lee",
            PreferredName = "Jo",
            Phone = "01632 960 001",
            Email = "jordan@example.com",
        }).Validate(_today));

    [Theory]
    [InlineData("firstName", null, "Enter a first name")]
    [InlineData("firstName", "", "Enter a first name")]
    [InlineData("firstName", "   ", "Enter a first name")]
    [InlineData("lastName", null, "Enter a last name")]
    [InlineData("lastName", "", "Enter a last name")]
    [InlineData("lastName", "\t", "Enter a last name")]
    public void First_and_last_names_are_required(string field, string? value, string message) =>
        Assert.Equal(message, ErrorAssert.Single(WithText(field, value).Validate(_today), field));

    [Fact]
    public void A_date_of_birth_is_required() =>
        Assert.Equal("Enter a date of birth", ErrorAssert.Single((_valid with { DateOfBirth = null }).Validate(_today), "dateOfBirth"));

    [Fact]
    public void A_gender_is_required_and_must_be_a_named_one()
    {
        Assert.Equal("Select a gender", ErrorAssert.Single((_valid with { Gender = null }).Validate(_today), "gender"));
        Assert.Equal("Select a valid gender", ErrorAssert.Single((_valid with { Gender = (Gender)0 }).Validate(_today), "gender"));
    }

    [Theory]
    [InlineData("middleNames", null)]
    [InlineData("middleNames", "")]
    [InlineData("middleNames", "  ")]
    [InlineData("preferredName", null)]
    [InlineData("preferredName", "")]
    [InlineData("phone", null)]
    [InlineData("phone", "")]
    [InlineData("phone", "   ")]
    [InlineData("email", null)]
    [InlineData("email", "")]
    [InlineData("email", "   ")]
    public void Middle_names_preferred_name_phone_and_email_may_be_left_blank(string field, string? value) =>
        ErrorAssert.Valid(WithText(field, value).Validate(_today));

    [Theory]
    [InlineData("firstName", 100, "A first name must be 100 characters or fewer")]
    [InlineData("middleNames", 100, "Middle names must be 100 characters or fewer")]
    [InlineData("lastName", 100, "A last name must be 100 characters or fewer")]
    [InlineData("preferredName", 100, "Preferred name must be 100 characters or fewer")]
    public void Name_parts_may_be_100_characters_but_not_101(string field, int limit, string message)
    {
        Assert.Equal(FieldLimits.Name, limit);
        ErrorAssert.Valid(WithText(field, new string('n', limit)).Validate(_today));
        Assert.Equal(message, ErrorAssert.Single(WithText(field, new string('n', limit + 1)).Validate(_today), field));
    }

    [Fact]
    public void A_phone_number_may_be_30_characters_but_not_31()
    {
        ErrorAssert.Valid((_valid with { Phone = new string('1', 30) }).Validate(_today));
        Assert.Equal(
            "Phone number must be 30 characters or fewer",
            ErrorAssert.Single((_valid with { Phone = new string('1', 31) }).Validate(_today), "phone"));
    }

    [Fact]
    public void An_email_address_may_be_254_characters_but_not_255()
    {
        const string domain = "@example.com";
        ErrorAssert.Valid((_valid with { Email = new string('e', 254 - domain.Length) + domain }).Validate(_today));
        Assert.Equal(
            "Email must be 254 characters or fewer",
            ErrorAssert.Single((_valid with { Email = new string('e', 255 - domain.Length) + domain }).Validate(_today), "email"));
    }

    // Person.MinAgeYears (17, for transition from youth justice) and Person.MaxAgeYears (110, to catch a mistyped year).
    [Theory]
    [InlineData("2009-03-15", "2026-03-15", null)]
    [InlineData("2009-03-16", "2026-03-15", "The person must be at least 17 years old")]
    [InlineData("2009-03-14", "2026-03-15", null)]
    [InlineData("2026-03-15", "2026-03-15", "The person must be at least 17 years old")]
    [InlineData("2026-03-16", "2026-03-15", "Date of birth must be in the past")]
    [InlineData("2100-01-01", "2026-03-15", "Date of birth must be in the past")]
    [InlineData("1915-03-16", "2026-03-15", null)]
    [InlineData("1915-03-15", "2026-03-15", "The person must be no older than 110: check the year")]
    [InlineData("0001-01-01", "2026-03-15", "The person must be no older than 110: check the year")]
    [InlineData("2008-02-29", "2025-02-28", "The person must be at least 17 years old")]
    [InlineData("2008-02-29", "2025-03-01", null)]
    [InlineData("1914-02-28", "2025-02-27", null)]
    [InlineData("1914-02-28", "2025-02-28", "The person must be no older than 110: check the year")]
    public void The_person_must_be_from_17_to_110_years_old_today(string dateOfBirth, string today, string? message)
    {
        var errors = (_valid with { DateOfBirth = D(dateOfBirth) }).Validate(D(today));

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "dateOfBirth"));
        }
    }

    [Theory]
    [InlineData("01632 960 001")]
    [InlineData("01632960001")]
    [InlineData("+44 808 157 0192")]
    [InlineData("+441632960001")]
    [InlineData("(01632) 960001")]
    [InlineData("07700-900-123")]
    [InlineData("123456")]
    [InlineData(" 01632 960001 ")]
    [InlineData(" +44 7700 900123")]
    public void Phone_numbers_of_digits_spaces_brackets_hyphens_and_a_leading_plus_are_accepted(string phone) =>
        ErrorAssert.Valid((_valid with { Phone = phone }).Validate(_today));

    [Theory]
    [InlineData("12345")]
    [InlineData("+ 12 34 5")]
    [InlineData("phone")]
    [InlineData("01632 96000a")]
    [InlineData("ext 123456")]
    [InlineData("01632.960001")]
    [InlineData("01632/960001")]
    [InlineData("44+1632960001")]
    [InlineData("+44+1632960001")]
    [InlineData("++441632960001")]
    [InlineData("\uFF10\uFF11\uFF16\uFF13\uFF12\uFF19\uFF16\uFF10")]
    [InlineData("0163\u0662960001")]
    public void Phone_numbers_with_other_characters_a_plus_after_the_start_or_fewer_than_6_digits_are_refused(string phone) =>
        Assert.Equal(
            "Enter a phone number, like 01632 960 001 or +44 808 157 0192",
            ErrorAssert.Single((_valid with { Phone = phone }).Validate(_today), "phone"));

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last@example.co.uk")]
    [InlineData("name+tag@example.org")]
    [InlineData("a@b.co")]
    [InlineData("o'neil@example.com")]
    [InlineData(" name@example.com ")]
    public void Email_addresses_with_one_at_and_a_dotted_domain_are_accepted(string email) =>
        ErrorAssert.Valid((_valid with { Email = email }).Validate(_today));

    [Theory]
    [InlineData("name")]
    [InlineData("name@")]
    [InlineData("@example.com")]
    [InlineData("name@example")]
    [InlineData("name@@example.com")]
    [InlineData("name@exa@mple.com")]
    [InlineData("na me@example.com")]
    [InlineData("name@example .com")]
    [InlineData("name@example.com.")]
    [InlineData("name@.com")]
    [InlineData("name.example.com")]
    [InlineData("name@com.")]
    public void Email_addresses_without_that_shape_are_refused(string email) =>
        Assert.Equal(
            "Enter an email address in the correct format, like name@example.com",
            ErrorAssert.Single((_valid with { Email = email }).Validate(_today), "email"));

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_field_names_a_client_sends()
    {
        var nothing = new PersonDetails(null, null, null, null, null, null, null, null);
        ErrorAssert.Fields(nothing.Validate(_today), "firstName", "lastName", "dateOfBirth", "gender");

        var allWrong = new PersonDetails(
            new string('f', 101), new string('m', 101), new string('l', 101), new string('p', 101),
            _today.AddDays(1), (Gender)42, "not a phone", "not an email");
        ErrorAssert.Fields(
            allWrong.Validate(_today),
            "firstName", "middleNames", "lastName", "preferredName", "dateOfBirth", "gender", "phone", "email");
    }

    [Fact]
    public void Applying_details_trims_names_drops_blank_optional_fields_and_builds_a_lower_case_search_key()
    {
        var person = new Person();

        person.Apply(new PersonDetails(" Jordan ", "  ", " Smith-Jones", " Jo ", new DateOnly(1990, 5, 17), Gender.Female, " ", " jo@example.com "));

        Assert.Equal("Jordan", person.FirstName);
        Assert.Null(person.MiddleNames);
        Assert.Equal("Smith-Jones", person.LastName);
        Assert.Equal("Jo", person.PreferredName);
        Assert.Equal(Gender.Female, person.Gender);
        Assert.Null(person.Phone);
        Assert.Equal("jo@example.com", person.Email);
        Assert.Equal("jordan smith-jones jo", person.SearchName);
        Assert.Equal("Jordan Smith-Jones", person.FullName);
    }

    [Theory]
    [InlineData("Jordan", null, "Smith", null, "jordan smith")]
    [InlineData("Jordan", "Lee Ann", "Smith", "Jo", "jordan lee ann smith jo")]
    [InlineData(" JORDAN ", " ", "SMITH", "", "jordan smith")]
    public void The_search_key_joins_the_non_blank_name_parts_in_lower_case(
        string first, string? middle, string last, string? preferred, string expected) =>
        Assert.Equal(expected, Person.SearchKey(first, middle, last, preferred));

    private static PersonDetails WithText(string field, string? value) => field switch
    {
        "firstName" => _valid with { FirstName = value },
        "middleNames" => _valid with { MiddleNames = value },
        "lastName" => _valid with { LastName = value },
        "preferredName" => _valid with { PreferredName = value },
        "phone" => _valid with { Phone = value },
        "email" => _valid with { Email = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field of PersonDetails"),
    };
}
