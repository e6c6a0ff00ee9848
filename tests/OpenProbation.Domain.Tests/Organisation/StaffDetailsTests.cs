using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.Organisation;

public class StaffDetailsTests
{
    private static readonly StaffDetails _valid = new(
        1, "WMD0123", "Sam", "Patel", null, StaffGrade.ProbationOfficer, 37m, new DateOnly(2020, 1, 1), null, null);

    [Fact]
    public void Complete_details_are_valid() => ErrorAssert.Valid(_valid.Validate());

    [Fact]
    public void Errors_are_keyed_by_the_camelCase_field_names_a_client_sends()
    {
        var nothing = new StaffDetails(null, null, null, null, null, null, null, null, null, null);

        ErrorAssert.Fields(nothing.Validate(), "teamId", "staffCode", "firstName", "lastName", "grade", "contractedHours", "startDate");
    }

    [Fact]
    public void The_grade_must_be_a_named_one() =>
        Assert.Equal("Select a valid grade", ErrorAssert.Single((_valid with { Grade = (StaffGrade)0 }).Validate(), "grade"));

    // StaffDetails.ContractedHours: more than 0 and at most 48, the Working Time Regulations 1998 (reg. 4) weekly limit.
    [Theory]
    [InlineData(-1.0, false)]
    [InlineData(0.0, false)]
    [InlineData(0.5, true)]
    [InlineData(18.5, true)]
    [InlineData(37.0, true)]
    [InlineData(48.0, true)]
    [InlineData(48.5, false)]
    [InlineData(168.0, false)]
    public void Contracted_hours_are_more_than_0_and_at_most_48(double hours, bool valid)
    {
        var errors = (_valid with { ContractedHours = (decimal)hours }).Validate();

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("Contracted hours must be more than 0 and no more than 48", ErrorAssert.Single(errors, "contractedHours"));
        }
    }

    [Theory]
    [InlineData("staffCode", 20)]
    [InlineData("firstName", 100)]
    [InlineData("lastName", 100)]
    public void Codes_may_be_20_characters_and_names_100_but_not_one_more(string field, int limit)
    {
        ErrorAssert.Valid(WithText(field, new string('s', limit)).Validate());
        ErrorAssert.Single(WithText(field, new string('s', limit + 1)).Validate(), field);
    }

    [Theory]
    [InlineData("staffCode")]
    [InlineData("firstName")]
    [InlineData("lastName")]
    public void Code_and_names_are_required(string field) =>
        ErrorAssert.Single(WithText(field, "  ").Validate(), field);

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("sam.patel@justice.example.gov.uk", true)]
    [InlineData(" sam.patel@example.com ", true)]
    [InlineData("sam.patel", false)]
    [InlineData("sam patel@example.com", false)]
    public void A_work_email_is_optional_but_must_look_like_one(string? email, bool valid) =>
        ErrorAssert.Fields((_valid with { Email = email }).Validate(), valid ? [] : ["email"]);

    [Theory]
    [InlineData("2020-01-01", null, true)]
    [InlineData("2020-01-01", "2020-01-01", true)]
    [InlineData("2020-01-01", "2019-12-31", false)]
    public void The_last_day_in_post_is_on_or_after_the_first(string start, string? end, bool valid) =>
        ErrorAssert.Fields((_valid with { StartDate = D(start), EndDate = Maybe(end) }).Validate(), valid ? [] : ["endDate"]);

    [Fact]
    public void Applying_upper_cases_the_staff_code_trims_names_and_defaults_to_employed_staff()
    {
        var staff = new StaffMember();

        staff.Apply(_valid with { StaffCode = " wmd0123 ", FirstName = " Sam ", Email = " " });

        Assert.Equal("WMD0123", staff.StaffCode);
        Assert.Equal("Sam", staff.FirstName);
        Assert.Equal("Sam Patel", staff.FullName);
        Assert.Null(staff.Email);
        Assert.False(staff.IsAgency);
    }

    private static StaffDetails WithText(string field, string? value) => field switch
    {
        "staffCode" => _valid with { StaffCode = value },
        "firstName" => _valid with { FirstName = value },
        "lastName" => _valid with { LastName = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field of StaffDetails"),
    };
}
