using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Workload;

namespace OpenProbation.Domain.Tests.Workload;

/// <summary>Vacancies are shown as vacancies, never as capacity (PRACTICE.md section 7, line 4).</summary>
public class VacanciesTests
{
    [Fact]
    public void Twelve_posts_with_seven_full_timers_and_one_half_timer_leave_four_and_a_half_vacant()
    {
        var establishment = Vacancies.Of(12m, [37m, 37m, 37m, 37m, 37m, 37m, 37m, 18.5m]);
        Assert.Equal((12m, 7.5m, 4.5m), (establishment.Posts, establishment.InPost, establishment.Vacant));
        Assert.Equal("4.5 FTE vacant of 12 posts: vacancies add no capacity", establishment.Words);
    }

    [Fact]
    public void More_officers_than_posts_is_no_vacancy_not_a_negative_one()
    {
        var establishment = Vacancies.Of(2m, [37m, 37m, 37m]);
        Assert.Equal((3m, 0m, "All 2 posts filled"), (establishment.InPost, establishment.Vacant!.Value, establishment.Words));
    }

    [Fact]
    public void Without_a_recorded_establishment_there_is_nothing_to_say()
    {
        var establishment = Vacancies.Of(null, [37m]);
        Assert.Null(establishment.Vacant);
        Assert.Null(establishment.Words);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(12.25, true)]
    [InlineData(12.255, false)]
    [InlineData(500, true)]
    [InlineData(500.01, false)]
    public void Posts_are_checked(double posts, bool valid) =>
        Assert.Equal(valid, Vacancies.Validate((decimal)posts).IsValid);

    [Property(MaxTest = 200)]
    public Property An_officer_leaving_never_lowers_the_vacancies() =>
        Prop.ForAll(
            Gen.Choose(0, 40).ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 37)).ToArbitrary(),
            (posts, hours) =>
            {
                var all = hours.Select(h => (decimal)h).ToList();
                var before = Vacancies.Of(posts, all);
                var after = Vacancies.Of(posts, all.Skip(1));
                return after.Vacant >= before.Vacant && after.InPost <= before.InPost;
            });
}
