using System.Text.RegularExpressions;
using FsCheck.Xunit;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.People;

/// <summary>The case reference number: one letter and six digits, the person's identity for life (Crn doc comment).</summary>
public partial class CrnTests
{
    [Theory]
    [InlineData("X123456", "X123456")]
    [InlineData("A000000", "A000000")]
    [InlineData("Z999999", "Z999999")]
    [InlineData("x123456", "X123456")]
    [InlineData("a000001", "A000001")]
    [InlineData(" X123456", "X123456")]
    [InlineData("X123456 ", "X123456")]
    [InlineData("  b654321\t\n", "B654321")]
    [InlineData("\u00A0c111111\u2003", "C111111")]
    public void A_letter_and_six_digits_is_a_crn_upper_cased_with_surrounding_whitespace_trimmed(string text, string expected)
    {
        Assert.True(Crn.TryParse(text, out var crn));
        Assert.Equal(expected, crn.Value);
        Assert.Equal(expected, crn.ToString());
        Assert.Equal(crn, Crn.Parse(text));
        Assert.True(Crn.IsValid(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("       ")]
    [InlineData("X12345")]
    [InlineData("X1234567")]
    [InlineData("X")]
    [InlineData("123456")]
    [InlineData("1234567")]
    [InlineData("123456X")]
    [InlineData("XX23456")]
    [InlineData("XX123456")]
    [InlineData("X12345A")]
    [InlineData("X12 3456")]
    [InlineData("X 123456")]
    [InlineData("X-123456")]
    [InlineData("-X123456")]
    [InlineData("X123456.")]
    [InlineData("\u00C9123456")]
    [InlineData("\uFF38123456")]
    [InlineData("X\u0661\u0662\u0663\u0664\u0665\u0666")]
    [InlineData("X\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16")]
    [InlineData("X12345\u0969")]
    public void Anything_but_an_ascii_letter_and_six_ascii_digits_is_refused(string text)
    {
        Assert.False(Crn.TryParse(text, out var crn));
        Assert.Equal(default, crn);
        Assert.False(Crn.IsValid(text));
        var thrown = Assert.Throws<FormatException>(() => Crn.Parse(text));
        Assert.Contains("a letter and six digits", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_text_is_not_a_crn()
    {
        Assert.False(Crn.TryParse(null, out var crn));
        Assert.Equal(default, crn);
        Assert.False(Crn.IsValid(null));
    }

    [Fact]
    public void Two_parses_of_the_same_reference_in_different_cases_are_equal()
    {
        Assert.Equal(Crn.Parse("x123456"), Crn.Parse(" X123456 "));
        Assert.NotEqual(Crn.Parse("X123456"), Crn.Parse("X123457"));
    }

    [Fact]
    public void The_unset_value_prints_as_empty_text() => Assert.Equal("", default(Crn).ToString());

    [Fact]
    public void Generate_needs_a_source_of_randomness() =>
        Assert.Throws<ArgumentNullException>(() => Crn.Generate(null!));

    [Fact]
    public void The_same_seed_generates_the_same_crn_so_demo_data_is_reproducible() =>
        Assert.Equal(Crn.Generate(new Random(20260315)), Crn.Generate(new Random(20260315)));

    [Property]
    public bool Generate_gives_an_upper_case_crn_that_parses_back_to_itself(int seed)
    {
        var crn = Crn.Generate(new Random(seed));

        return CanonicalShape().IsMatch(crn.Value)
            && Crn.TryParse(crn.Value, out var parsed) && parsed == crn
            && Crn.Parse(crn.Value) == crn
            && Crn.Parse(crn.Value.ToLowerInvariant()) == crn;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public bool A_string_is_accepted_exactly_when_trimmed_it_is_a_letter_and_six_digits(CrnCandidate candidate)
    {
        var text = candidate.Text;
        var shaped = AnyCaseShape().IsMatch(text.Trim());

        var accepted = Crn.TryParse(text, out var crn);

        return accepted == shaped && Crn.IsValid(text) == shaped
            && (!accepted || crn.Value == text.Trim().ToUpperInvariant());
    }

    [Property]
    public bool Arbitrary_text_that_is_not_a_letter_and_six_digits_is_refused(string? text) =>
        (text is not null && AnyCaseShape().IsMatch(text.Trim())) || !Crn.IsValid(text);

    [GeneratedRegex("^[A-Z][0-9]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalShape();

    [GeneratedRegex("^[A-Za-z][0-9]{6}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnyCaseShape();
}
