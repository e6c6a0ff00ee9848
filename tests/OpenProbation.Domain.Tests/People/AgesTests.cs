using FsCheck;
using FsCheck.Xunit;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Tests.Common;
using static OpenProbation.Domain.Tests.Common.TestDates;

namespace OpenProbation.Domain.Tests.People;

/// <summary>
/// Whole years of age. A person attains an age at the start of the anniversary of their birth (Family Law
/// Reform Act 1969 s.9); someone born on 29 February turns a year older on 1 March in a common year
/// (Ages.YearsBetween doc comment).
/// </summary>
public class AgesTests
{
    [Theory]
    [InlineData("1990-05-17", "1990-05-17", 0)]
    [InlineData("2000-06-15", "2018-06-14", 17)]
    [InlineData("2000-06-15", "2018-06-15", 18)]
    [InlineData("2000-06-15", "2018-06-16", 18)]
    [InlineData("2000-06-15", "2019-06-14", 18)]
    [InlineData("2000-01-01", "2000-12-31", 0)]
    [InlineData("2000-01-01", "2001-01-01", 1)]
    [InlineData("2000-12-31", "2001-01-01", 0)]
    [InlineData("2000-12-31", "2001-12-31", 1)]
    [InlineData("2000-02-29", "2001-02-28", 0)]
    [InlineData("2000-02-29", "2001-03-01", 1)]
    [InlineData("2000-02-29", "2018-02-28", 17)]
    [InlineData("2000-02-29", "2018-03-01", 18)]
    [InlineData("2000-02-29", "2020-02-28", 19)]
    [InlineData("2000-02-29", "2020-02-29", 20)]
    [InlineData("1999-03-01", "2000-02-29", 0)]
    [InlineData("1999-03-01", "2000-03-01", 1)]
    [InlineData("1999-02-28", "2000-02-28", 1)]
    [InlineData("1916-03-16", "2026-03-15", 109)]
    [InlineData("1916-03-15", "2026-03-15", 110)]
    public void Age_goes_up_on_the_birthday_and_a_leap_day_birthday_falls_on_1_March_in_common_years(
        string birth, string on, int years) =>
        Assert.Equal(years, Ages.YearsBetween(D(birth), D(on)));

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Age_never_goes_down_as_the_date_moves_forward(DateOnly birth, DateOnly a, DateOnly b)
    {
        var (earlier, later) = a <= b ? (a, b) : (b, a);

        return Ages.YearsBetween(birth, earlier) <= Ages.YearsBetween(birth, later);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Age_goes_up_by_one_on_each_birthday_and_not_the_day_before(CommonDay birth, NonNegativeInt years)
    {
        var n = years.Get % 150;
        var birthday = birth.Value.AddYears(n);

        return Ages.YearsBetween(birth.Value, birthday) == n
            && (n == 0 || Ages.YearsBetween(birth.Value, birthday.AddDays(-1)) == n - 1);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(8, 8)]
    [InlineData(96, 96)]
    [InlineData(100, 99)]
    public void Adding_years_to_29_February_lands_on_28_February_in_a_common_year_the_day_before_the_birthday(
        int yearsLater, int expectedAge)
    {
        var birth = D("2000-02-29");

        Assert.Equal(expectedAge, Ages.YearsBetween(birth, birth.AddYears(yearsLater)));
    }
}
