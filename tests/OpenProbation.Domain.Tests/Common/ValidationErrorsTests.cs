using OpenProbation.Domain.Common;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Tests.Common;

public class ValidationErrorsTests
{
    [Fact]
    public void A_new_set_of_errors_is_valid_and_names_no_fields()
    {
        var errors = new ValidationErrors();

        Assert.True(errors.IsValid);
        Assert.Empty(errors.Fields);
        Assert.Empty(errors.ToDictionary());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Required_asks_for_a_missing_or_blank_value_using_the_label(string? value)
    {
        var errors = new ValidationErrors().Required("firstName", value, 100, "a first name");

        Assert.Equal("Enter a first name", ErrorAssert.Single(errors, "firstName"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(99, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Required_accepts_up_to_the_maximum_length_and_refuses_one_more(int length, bool valid)
    {
        var errors = new ValidationErrors().Required("firstName", new string('x', length), 100, "a first name");

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("A first name must be 100 characters or fewer", ErrorAssert.Single(errors, "firstName"));
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("12345", true)]
    [InlineData("123456", false)]
    public void MaxLength_allows_a_missing_value_but_not_an_overlong_one(string? value, bool valid)
    {
        var errors = new ValidationErrors().MaxLength("county", value, 5, "county");

        if (valid)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal("County must be 5 characters or fewer", ErrorAssert.Single(errors, "county"));
        }
    }

    [Fact]
    public void Present_records_the_message_only_when_the_value_is_missing()
    {
        ErrorAssert.Valid(new ValidationErrors().Present("startDate", (DateOnly?)new DateOnly(2026, 1, 1), "Enter a start date"));
        ErrorAssert.Valid(new ValidationErrors().Present("length", (int?)0, "Enter the length"));

        var errors = new ValidationErrors().Present("startDate", (DateOnly?)null, "Enter a start date");

        Assert.Equal("Enter a start date", ErrorAssert.Single(errors, "startDate"));
    }

    [Fact]
    public void Defined_asks_for_a_missing_required_value_and_ignores_a_missing_optional_one()
    {
        Assert.Equal("Select a gender", ErrorAssert.Single(new ValidationErrors().Defined<Gender>("gender", null, "a gender"), "gender"));
        ErrorAssert.Valid(new ValidationErrors().Defined<Gender>("gender", null, "a gender", required: false));
    }

    [Theory]
    [InlineData(Gender.Male)]
    [InlineData(Gender.Female)]
    [InlineData(Gender.Other)]
    [InlineData(Gender.NotKnown)]
    public void Defined_accepts_every_named_member(Gender gender) =>
        ErrorAssert.Valid(new ValidationErrors().Defined<Gender>("gender", gender, "a gender"));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Defined_refuses_a_number_that_names_no_member_as_a_JSON_client_could_send(int number)
    {
        foreach (var required in new[] { true, false })
        {
            var errors = new ValidationErrors().Defined<Gender>("gender", (Gender)number, "a gender", required);

            Assert.Equal("Select a valid gender", ErrorAssert.Single(errors, "gender"));
        }
    }

    [Fact]
    public void Messages_accumulate_per_field_in_the_order_they_were_added()
    {
        var errors = new ValidationErrors()
            .Add("endDate", "first")
            .Add("startDate", "other")
            .Add("endDate", "second");

        ErrorAssert.Fields(errors, "endDate", "startDate");
        Assert.Equal(["first", "second"], ErrorAssert.Messages(errors, "endDate"));
        Assert.Equal(["other"], ErrorAssert.Messages(errors, "startDate"));
    }

    [Fact]
    public void Merge_adds_the_other_set_s_messages_to_this_one_and_leaves_the_other_unchanged()
    {
        var mine = new ValidationErrors().Add("name", "mine");
        var theirs = new ValidationErrors().Add("name", "theirs").Add("code", "bad code");

        var merged = mine.Merge(theirs);

        Assert.Same(mine, merged);
        Assert.Equal(["mine", "theirs"], ErrorAssert.Messages(mine, "name"));
        Assert.Equal(["bad code"], ErrorAssert.Messages(mine, "code"));
        Assert.Equal(["theirs"], ErrorAssert.Messages(theirs, "name"));
    }

    [Fact]
    public void The_dictionary_is_a_snapshot_that_later_messages_do_not_change()
    {
        var errors = new ValidationErrors().Add("name", "one");
        var snapshot = errors.ToDictionary();

        errors.Add("name", "two").Add("code", "three");

        Assert.Equal(["one"], snapshot["name"]);
        Assert.False(snapshot.ContainsKey("code"));
    }
}
