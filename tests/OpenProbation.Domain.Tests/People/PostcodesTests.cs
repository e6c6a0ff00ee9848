using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.People;

/// <summary>UK postcodes: outward code A9, A99, AA9, AA99, A9A or AA9A, a space, inward code 9AA (Postcodes doc comment).</summary>
public partial class PostcodesTests
{
    [Theory]
    [InlineData("B1 1AA", "B1 1AA")]
    [InlineData("M60 1NW", "M60 1NW")]
    [InlineData("CR2 6XH", "CR2 6XH")]
    [InlineData("DN55 1PT", "DN55 1PT")]
    [InlineData("W1A 1HQ", "W1A 1HQ")]
    [InlineData("EC1A 1BB", "EC1A 1BB")]
    [InlineData("sw1a 2aa", "SW1A 2AA")]
    [InlineData("Sw1A 2aA", "SW1A 2AA")]
    [InlineData("b11aa", "B1 1AA")]
    [InlineData("SW1A2AA", "SW1A 2AA")]
    [InlineData("DN551PT", "DN55 1PT")]
    [InlineData("M601NW", "M60 1NW")]
    [InlineData(" B1 1AA ", "B1 1AA")]
    [InlineData("B1   1AA", "B1 1AA")]
    [InlineData(" sw1a  2aa ", "SW1A 2AA")]
    [InlineData("\tEC1A\t1BB\n", "EC1A 1BB")]
    [InlineData("EC 1A 1B B", "EC1A 1BB")]
    public void A_UK_postcode_in_any_case_and_spacing_is_upper_cased_with_one_space_before_the_inward_code(
        string text, string expected) =>
        Assert.Equal(expected, Postcodes.Normalise(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("SW1A")]
    [InlineData("2AA")]
    [InlineData("SW1A 2A")]
    [InlineData("SW1A 2AAA")]
    [InlineData("SW1A 22A")]
    [InlineData("SW1A 2A2")]
    [InlineData("1A1 1AA")]
    [InlineData("11 1AA")]
    [InlineData("ABC1 1AA")]
    [InlineData("B 1AA")]
    [InlineData("BB 1AA")]
    [InlineData("B123 1AA")]
    [InlineData("BB1AB 1AA")]
    [InlineData("SW1A-2AA")]
    [InlineData("SW1A_2AA")]
    [InlineData("SW1A.2AA")]
    [InlineData("\u00C91A 1BB")]
    [InlineData("SW1A 2\uFF21A")]
    [InlineData("SW1A \u0662AA")]
    [InlineData("SW1A 2AA UK")]
    public void Text_that_is_not_the_shape_of_a_UK_postcode_gives_null(string? text) =>
        Assert.Null(Postcodes.Normalise(text));

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public Property Normalising_a_normalised_postcode_changes_nothing(PostcodeCandidate candidate)
    {
        var once = Postcodes.Normalise(candidate.Text);

        return Prop.When(once is not null, () => Postcodes.Normalise(once) == once && Canonical().IsMatch(once!));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public bool Case_and_spacing_never_change_the_result(PostcodeCandidate candidate)
    {
        var text = candidate.Text;
        var compactLower = string.Concat(text.Where(c => c != ' ')).ToLowerInvariant();

        return Postcodes.Normalise(text) is not { } normalised || Postcodes.Normalise(compactLower) == normalised;
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();
}
