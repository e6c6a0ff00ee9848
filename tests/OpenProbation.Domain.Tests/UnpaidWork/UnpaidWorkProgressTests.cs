using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.UnpaidWork;

namespace OpenProbation.Domain.Tests.UnpaidWork;

/// <summary>
/// Hours remaining and the time left to complete them (12 months; immutable line 8: at risk flagged while there is
/// time), and the transparency summaries (Crest recommendation 9, PRACTICE.md section 2).
/// </summary>
public class UnpaidWorkProgressTests
{
    private static readonly UnpaidWorkSettings _settings = new();
    private static readonly DateOnly _sentenced = new(2026, 3, 16);

    private static CreditedSession Credit(int id, DateOnly date, int minutes, int project = 1, int person = 1) => new(id, project, person, date, minutes);

    private static UnpaidWorkProgress Progress(int hours, DateOnly today, params CreditedSession[] sessions) =>
        UnpaidWorkHours.Progress(new UnpaidWorkOrder(hours, _sentenced), sessions, today, _settings);

    [Fact]
    public void Hand_worked_requirement_of_forty_hours()
    {
        var today = new DateOnly(2026, 5, 4);
        var progress = Progress(40, today,
            Credit(1, new DateOnly(2026, 3, 28), 420), // 7 hours
            Credit(2, new DateOnly(2026, 4, 4), 540), // 7 hours work and 2 hours travel
            Credit(3, new DateOnly(2026, 4, 11), 0), // absent
            Credit(4, new DateOnly(2026, 4, 18), 90)); // sent home after 1 hour 30 minutes

        Assert.Equal((2400, 1050, 1350, 0, 3, false), (progress.MinutesOrdered, progress.MinutesCredited, progress.MinutesRemaining, progress.ExcessMinutes, progress.SessionsCredited, progress.IsComplete));
        Assert.Equal((new DateOnly(2027, 3, 15), 316, false, false), (progress.LastDay, progress.DaysLeft, progress.IsOverdue, progress.IsAtRisk));
        Assert.Equal(1350m * 7 / (60 * 316), progress.RequiredHoursPerWeek);
        Assert.Equal(
            [
                "Ordered: 40 hours",
                "Credited: 17 hours 30 minutes over 3 sessions",
                "Remaining: 22 hours 30 minutes",
                "Last day to work the hours: 15 March 2027 (316 days left)",
                "On track: 0.5 hours a week are needed to finish in time",
            ],
            UnpaidWorkHours.Explain(progress));
    }

    [Fact]
    public void Three_hundred_hours_barely_begun_with_four_months_left_is_at_risk()
    {
        var progress = Progress(300, new DateOnly(2026, 11, 16), Credit(1, new DateOnly(2026, 4, 4), 420));

        // 293 hours over the 120 days to 15 March 2027.
        Assert.Equal((120, true, false), (progress.DaysLeft, progress.IsAtRisk, progress.IsOverdue));
        Assert.Equal("At risk: 17.1 hours a week are needed to finish in time, more than the 7 hours a week judged realistic", UnpaidWorkHours.Explain(progress)[^1]);
    }

    [Fact]
    public void The_realistic_pace_is_a_setting()
    {
        var today = new DateOnly(2026, 11, 16);
        var progress = UnpaidWorkHours.Progress(new UnpaidWorkOrder(200, _sentenced), [], today, _settings with { RealisticHoursPerWeek = 12 });
        Assert.False(progress.IsAtRisk); // 200 hours over 120 days: 11.7 hours a week
        Assert.True(Progress(200, today).IsAtRisk);
    }

    [Fact]
    public void The_last_day_still_counts_and_the_day_after_it_is_overdue()
    {
        var lastDay = new DateOnly(2027, 3, 15);
        // One hour left on the last day is 7 hours a week: exactly the realistic pace, so not at risk; two hours are.
        var oneHour = Progress(40, lastDay, Credit(1, new DateOnly(2026, 4, 4), 2340));
        Assert.Equal((1, false, false, 7m), (oneHour.DaysLeft, oneHour.IsOverdue, oneHour.IsAtRisk, oneHour.RequiredHoursPerWeek));
        var twoHours = Progress(40, lastDay, Credit(1, new DateOnly(2026, 4, 4), 2280));
        Assert.Equal((false, true, 14m), (twoHours.IsOverdue, twoHours.IsAtRisk, twoHours.RequiredHoursPerWeek));

        var after = Progress(40, lastDay.AddDays(1), Credit(1, new DateOnly(2026, 4, 4), 2340));
        Assert.Equal((0, true, true, (decimal?)null), (after.DaysLeft, after.IsOverdue, after.IsAtRisk, after.RequiredHoursPerWeek));
        Assert.Equal("Overdue: the last day to work the hours was 15 March 2027; the order needs to go back to court for more time", UnpaidWorkHours.Explain(after)[^1]);
    }

    [Fact]
    public void A_court_extension_moves_the_last_day_but_never_earlier()
    {
        var today = new DateOnly(2027, 4, 1);
        var extended = UnpaidWorkHours.Progress(new UnpaidWorkOrder(40, _sentenced, new DateOnly(2027, 6, 30)), [], today, _settings);
        Assert.Equal((new DateOnly(2027, 6, 30), false), (extended.LastDay, extended.IsOverdue));
        Assert.Equal(new DateOnly(2027, 3, 15), UnpaidWorkHours.Progress(new UnpaidWorkOrder(40, _sentenced, new DateOnly(2026, 6, 30)), [], today, _settings).LastDay);
    }

    [Fact]
    public void Credit_past_the_hours_ordered_is_not_counted_and_is_flagged()
    {
        var progress = Progress(40, new DateOnly(2026, 6, 1),
            Credit(2, new DateOnly(2026, 4, 4), 660), Credit(1, new DateOnly(2026, 3, 28), 660), Credit(3, new DateOnly(2026, 4, 11), 660),
            Credit(4, new DateOnly(2026, 4, 18), 660));

        Assert.Equal((2400, 0, 240, true, true, new DateOnly(2026, 4, 18)), (progress.MinutesCredited, progress.MinutesRemaining, progress.ExcessMinutes, progress.IsComplete, progress.RecordExceedsOrdered, progress.CompletedOn));
        Assert.Equal((0m, false), (progress.RequiredHoursPerWeek, progress.IsAtRisk));
        Assert.Equal(
            [
                "Ordered: 40 hours",
                "Credited: 40 hours over 4 sessions",
                "4 hours more is recorded than the court ordered: it is not counted, and the record needs checking",
                "Complete: the hours were worked by 18 April 2026",
            ],
            UnpaidWorkHours.Explain(progress));
    }

    [Fact]
    public void A_negative_credit_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Progress(40, _sentenced, Credit(1, _sentenced, -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Progress(-1, _sentenced));
    }

    [Fact]
    public void The_order_comes_from_an_unpaid_work_requirement_and_its_date_of_sentence()
    {
        var order = new Order { SentenceDate = _sentenced };
        Assert.Equal(new UnpaidWorkOrder(120, _sentenced), UnpaidWorkOrder.For(new Requirement { Type = RequirementType.UnpaidWork, UnpaidWorkHours = 120 }, order));
        Assert.Throws<ArgumentException>(() => UnpaidWorkOrder.For(new Requirement { Type = RequirementType.Rar, RarMaxDays = 10 }, order));
    }

    [Theory]
    [InlineData(0, "0 hours")]
    [InlineData(1, "1 minute")]
    [InlineData(45, "45 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(750, "12 hours 30 minutes")]
    [InlineData(18000, "300 hours")]
    public void Minutes_in_words(int minutes, string words) => Assert.Equal(words, UnpaidWorkHours.Describe(minutes));

    [Fact]
    public void The_summary_by_project_counts_hours_people_and_sessions_in_the_period()
    {
        var april = new DateOnly(2026, 4, 1);
        CreditedSession[] credits =
        [
            Credit(1, april, 420, project: 7, person: 1),
            Credit(1, april, 420, project: 7, person: 2),
            Credit(2, april.AddDays(7), 360, project: 7, person: 1),
            Credit(3, april.AddDays(7), 300, project: 8, person: 3),
            Credit(3, april.AddDays(7), 0, project: 8, person: 4), // absent: not counted
            Credit(4, april.AddDays(40), 420, project: 8, person: 3), // after the period
            Credit(5, april.AddDays(-1), 420, project: 9, person: 5), // before it
        ];

        var summary = UnpaidWorkSummaries.ByProject([.. credits, credits[0]], april, april.AddDays(30));

        Assert.Equal([new ProjectHours(7, 2, 2, 1200), new ProjectHours(8, 1, 1, 300)], summary.Projects);
        Assert.Equal((20m, 3, 3, 1500L), (summary.Projects[0].HoursCredited, summary.People, summary.Sessions, summary.MinutesCredited));
        Assert.Throws<ArgumentException>(() => UnpaidWorkSummaries.ByProject(credits, april, april.AddDays(-1)));
    }

    [Fact]
    public void The_totals_add_up_ordered_credited_and_remaining_and_count_the_requirements_at_risk()
    {
        var today = new DateOnly(2026, 11, 16);
        var totals = UnpaidWorkSummaries.Totals(
        [
            Progress(40, today, Credit(1, _sentenced, 2400)),
            Progress(300, today, Credit(2, _sentenced, 420)),
            Progress(60, new DateOnly(2027, 4, 1), Credit(3, _sentenced, 600)),
        ]);

        Assert.Equal(new UnpaidWorkTotals(3, 24000, 3420, 20580, 1, 2, 1), totals);
    }

    private static Arbitrary<(int Hours, int TodayOffset, (int Day, int Minutes)[] Sessions)> Requirements() =>
        (from hours in Gen.Choose(RequirementDetails.MinUnpaidWorkHours, RequirementDetails.MaxUnpaidWorkHours)
         from today in Gen.Choose(0, 500)
         from sessions in (from day in Gen.Choose(0, 450)
                           from minutes in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 660)))
                           select (day, minutes)).ArrayOf()
         select (hours, today, sessions)).ToArbitrary();

    private static CreditedSession[] Sessions((int Day, int Minutes)[] sessions) =>
        [.. sessions.Select((s, i) => Credit(i, _sentenced.AddDays(s.Day), s.Minutes))];

    [Property(MaxTest = 300)]
    public Property Remaining_is_never_negative_and_with_credited_makes_the_hours_ordered() =>
        Prop.ForAll(Requirements(), r =>
        {
            var p = Progress(r.Hours, _sentenced.AddDays(r.TodayOffset), Sessions(r.Sessions));
            var recorded = r.Sessions.Sum(s => s.Minutes);
            return p.MinutesRemaining >= 0 && p.MinutesCredited <= p.MinutesOrdered
                && p.MinutesRemaining + p.MinutesCredited == r.Hours * 60
                && p.MinutesCredited + p.ExcessMinutes == recorded
                && p.IsComplete == (recorded >= r.Hours * 60) && (p.CompletedOn is not null) == p.IsComplete;
        });

    [Property(MaxTest = 300)]
    public Property Adding_a_session_never_raises_the_hours_remaining_nor_the_pace_needed() =>
        Prop.ForAll(Requirements(), Gen.Choose(0, 450).ToArbitrary(), Gen.Choose(0, 660).ToArbitrary(), (r, day, minutes) =>
        {
            var today = _sentenced.AddDays(r.TodayOffset);
            var before = Progress(r.Hours, today, Sessions(r.Sessions));
            var after = Progress(r.Hours, today, [.. Sessions(r.Sessions), Credit(10_000, _sentenced.AddDays(day), minutes)]);
            return after.MinutesRemaining <= before.MinutesRemaining
                && (before.RequiredHoursPerWeek is not { } was || after.RequiredHoursPerWeek <= was)
                && (!before.IsComplete || after.IsComplete) && (!after.IsAtRisk || before.IsAtRisk);
        });

    [Property(MaxTest = 300)]
    public Property The_order_of_the_sessions_does_not_matter() =>
        Prop.ForAll(Requirements(), r =>
        {
            var today = _sentenced.AddDays(r.TodayOffset);
            var sessions = Sessions(r.Sessions);
            return Progress(r.Hours, today, sessions) == Progress(r.Hours, today, [.. sessions.Reverse()]);
        });

    [Property(MaxTest = 300)]
    public Property At_risk_means_more_than_the_realistic_pace_is_needed_or_the_time_is_up() =>
        Prop.ForAll(Requirements(), r =>
        {
            var p = Progress(r.Hours, _sentenced.AddDays(r.TodayOffset), Sessions(r.Sessions));
            var needed = p.DaysLeft == 0 ? decimal.MaxValue : p.MinutesRemaining * 7m / (60m * p.DaysLeft);
            return p.IsAtRisk == (!p.IsComplete && needed > _settings.RealisticHoursPerWeek)
                && p.IsOverdue == (!p.IsComplete && _sentenced.AddDays(r.TodayOffset) > p.LastDay);
        });

    [Property(MaxTest = 300)]
    public Property The_summary_counts_every_credited_minute_in_the_period_once() =>
        Prop.ForAll(Requirements(), r =>
        {
            var credits = r.Sessions.Select((s, i) => new CreditedSession(i % 7, i % 3, i % 5, _sentenced.AddDays(s.Day), s.Minutes)).ToArray();
            var from = _sentenced.AddDays(100);
            var to = _sentenced.AddDays(300);
            var summary = UnpaidWorkSummaries.ByProject(credits, from, to);
            var expected = credits.Where(c => c.Date >= from && c.Date <= to).Distinct().Sum(c => (long)c.CreditedMinutes);
            return summary.MinutesCredited == expected && summary.Projects.All(p => p.MinutesCredited > 0 && p.People >= 1 && p.Sessions >= 1)
                && summary.People <= summary.Projects.Sum(p => p.People);
        });
}
