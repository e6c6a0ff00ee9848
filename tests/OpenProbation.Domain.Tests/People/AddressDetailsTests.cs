using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.People;

/// <summary>Addresses keep their history with inclusive dates (Address doc comment).</summary>
public class AddressDetailsTests
{
    private static readonly DateOnly _today = new(2026, 3, 15);

    private static readonly AddressDetails _valid =
        new(AddressType.Home, "1 High Street", null, "Birmingham", null, "B1 1AA", new DateOnly(2020, 1, 1), null);

    [Fact]
    public void Complete_details_are_valid() => ErrorAssert.Valid(_valid.Validate(_today));

    [Fact]
    public void Every_optional_field_filled_in_is_valid() =>
        ErrorAssert.Valid((_valid with { Line2 = "Aston", County = "West Midlands", EndDate = _today }).Validate(_today));

    [Fact]
    public void A_type_is_required_and_must_be_a_named_one()
    {
        Assert.Equal("Select a type of address", ErrorAssert.Single((_valid with { Type = null }).Validate(_today), "type"));
        Assert.Equal("Select a valid type of address", ErrorAssert.Single((_valid with { Type = (AddressType)0 }).Validate(_today), "type"));
    }

    [Theory]
    [InlineData("line1", null, "Enter the first line of the address")]
    [InlineData("line1", " ", "Enter the first line of the address")]
    [InlineData("town", null, "Enter a town or city")]
    [InlineData("town", "", "Enter a town or city")]
    public void The_first_line_and_town_are_required(string field, string? value, string message) =>
        Assert.Equal(message, ErrorAssert.Single(WithText(field, value).Validate(_today), field));

    [Fact]
    public void The_date_the_person_moved_in_is_required() =>
        Assert.Equal(
            "Enter the date the person moved in",
            ErrorAssert.Single((_valid with { StartDate = null }).Validate(_today), "startDate"));

    [Theory]
    [InlineData("line1")]
    [InlineData("line2")]
    [InlineData("town")]
    [InlineData("county")]
    public void Address_lines_may_be_200_characters_but_not_201(string field)
    {
        ErrorAssert.Valid(WithText(field, new string('a', 200)).Validate(_today));
        Assert.EndsWith("must be 200 characters or fewer", ErrorAssert.Single(WithText(field, new string('a', 201)).Validate(_today), field), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AddressType.Home, true)]
    [InlineData(AddressType.ApprovedPremises, true)]
    [InlineData(AddressType.Temporary, true)]
    [InlineData(AddressType.NoFixedAbode, false)]
    public void A_postcode_is_required_except_for_no_fixed_abode(AddressType type, bool required)
    {
        foreach (var blank in new[] { null, "", "  " })
        {
            var errors = (_valid with { Type = type, Postcode = blank }).Validate(_today);

            if (required)
            {
                Assert.Equal("Enter a postcode", ErrorAssert.Single(errors, "postcode"));
            }
            else
            {
                ErrorAssert.Valid(errors);
            }
        }
    }

    [Theory]
    [InlineData(AddressType.Home)]
    [InlineData(AddressType.ApprovedPremises)]
    [InlineData(AddressType.Temporary)]
    [InlineData(AddressType.NoFixedAbode)]
    public void A_postcode_that_is_given_must_be_a_real_shape_even_for_no_fixed_abode(AddressType type)
    {
        Assert.Equal(
            "Enter a real postcode, like B1 1AA",
            ErrorAssert.Single((_valid with { Type = type, Postcode = "BIRMINGHAM" }).Validate(_today), "postcode"));
        ErrorAssert.Valid((_valid with { Type = type, Postcode = "b11aa" }).Validate(_today));
    }

    [Theory]
    [InlineData("2026-03-15", null, null)]
    [InlineData("2026-03-16", null, "startDate")]
    [InlineData("2020-01-01", "2020-01-01", null)]
    [InlineData("2020-01-02", "2020-01-01", "endDate")]
    [InlineData("2020-01-01", "2026-03-15", null)]
    public void The_person_moved_in_today_or_earlier_and_moved_out_on_or_after_moving_in(
        string start, string? end, string? errorField)
    {
        var errors = (_valid with { StartDate = D(start), EndDate = Maybe(end) }).Validate(_today);

        ErrorAssert.Fields(errors, errorField is null ? [] : [errorField]);
    }

    [Fact]
    public void Applying_details_trims_lines_drops_blank_optional_ones_and_normalises_the_postcode()
    {
        var address = new Address();

        address.Apply(new AddressDetails(AddressType.Temporary, " 1 High St ", " ", " Birmingham ", "", "b11aa", new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)));

        Assert.Equal(AddressType.Temporary, address.Type);
        Assert.Equal("1 High St", address.Line1);
        Assert.Null(address.Line2);
        Assert.Equal("Birmingham", address.Town);
        Assert.Null(address.County);
        Assert.Equal("B1 1AA", address.Postcode);
        Assert.Equal(new DateOnly(2025, 6, 30), address.EndDate);
    }

    [Theory]
    [InlineData("2025-01-01", null, "2024-12-31", false)]
    [InlineData("2025-01-01", null, "2025-01-01", true)]
    [InlineData("2025-01-01", null, "2030-01-01", true)]
    [InlineData("2025-01-01", "2025-06-30", "2025-06-30", true)]
    [InlineData("2025-01-01", "2025-06-30", "2025-07-01", false)]
    public void An_address_is_current_from_its_start_to_its_end_inclusive(string start, string? end, string on, bool current)
    {
        var address = new Address { StartDate = D(start), EndDate = Maybe(end) };

        Assert.Equal(current, address.IsCurrentOn(D(on)));
    }

    private static AddressDetails WithText(string field, string? value) => field switch
    {
        "line1" => _valid with { Line1 = value },
        "line2" => _valid with { Line2 = value },
        "town" => _valid with { Town = value },
        "county" => _valid with { County = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field of AddressDetails"),
    };
}
