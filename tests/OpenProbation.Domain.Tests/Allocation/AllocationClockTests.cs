using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Tests.Allocation;

/// <summary>The allocation clock: allocated the same day as sentence or release by default, counted in working days.</summary>
public class AllocationClockTests
{
    private static readonly AllocationSettings _sameDay = new();
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;

    [Fact]
    public void A_community_order_arrives_on_the_day_of_sentence_and_a_licence_on_the_day_of_release()
    {
        var sentenced = new DateOnly(2026, 9, 1);
        var released = new DateOnly(2026, 11, 20);
        Assert.Equal(sentenced, AllocationClock.Arrival(OrderType.CommunityOrder, sentenced, sentenced));
        Assert.Equal(sentenced, AllocationClock.Arrival(OrderType.SuspendedSentenceOrder, sentenced, sentenced));
        Assert.Equal(released, AllocationClock.Arrival(OrderType.Licence, sentenced, released));
        Assert.Equal(released, AllocationClock.Arrival(OrderType.PostSentenceSupervision, sentenced, released));
    }

    [Fact]
    public void Same_day_means_the_day_itself_and_the_next_working_day_is_one_day_overdue()
    {
        var monday = new DateOnly(2026, 11, 23);
        var onTheDay = AllocationClock.Read(monday, monday, _calendar, _sameDay);
        var nextDay = AllocationClock.Read(monday, monday.AddDays(1), _calendar, _sameDay);

        Assert.Equal((monday, 0, 0, false, "Arrived today: due today"), (onTheDay.Due, onTheDay.WorkingDaysWaiting, onTheDay.WorkingDaysOverdue, onTheDay.IsOverdue, onTheDay.Words));
        Assert.Equal((1, 1, true), (nextDay.WorkingDaysWaiting, nextDay.WorkingDaysOverdue, nextDay.IsOverdue));
        Assert.Equal("Overdue by 1 working day (due 23 November 2026)", nextDay.Words);
    }

    [Fact]
    public void A_case_arriving_on_a_Friday_is_overdue_by_one_working_day_on_Monday_not_three()
    {
        var friday = new DateOnly(2026, 11, 20);
        var reading = AllocationClock.Read(friday, new DateOnly(2026, 11, 23), _calendar, _sameDay);
        Assert.Equal((1, "Overdue by 1 working day (due 20 November 2026)"), (reading.WorkingDaysOverdue, reading.Words));
    }

    [Fact]
    public void A_release_on_Christmas_Day_is_due_on_the_next_working_day_after_the_bank_holidays()
    {
        // 25 December 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28 December is the substitute bank holiday.
        var christmas = new DateOnly(2026, 12, 25);
        Assert.Equal(new DateOnly(2026, 12, 29), AllocationClock.Due(christmas, _calendar, _sameDay));
        Assert.False(AllocationClock.Read(christmas, new DateOnly(2026, 12, 29), _calendar, _sameDay).IsOverdue);
        Assert.Equal(1, AllocationClock.Read(christmas, new DateOnly(2026, 12, 30), _calendar, _sameDay).WorkingDaysOverdue);
    }

    [Fact]
    public void A_licence_recorded_before_release_has_not_started_its_clock_and_allocating_it_early_meets_the_target()
    {
        var release = new DateOnly(2026, 12, 2);
        var reading = AllocationClock.Read(release, new DateOnly(2026, 11, 23), _calendar, _sameDay);
        Assert.Equal((true, 0, false), (reading.NotYetArrived, reading.WorkingDaysWaiting, reading.IsOverdue));
        Assert.Equal("Release on 2 December 2026: allocate by 2 December 2026", reading.Words);
        Assert.True(AllocationClock.MetTarget(release, new DateOnly(2026, 11, 23), _calendar, _sameDay));
    }

    [Fact]
    public void A_configured_target_of_two_working_days_counts_from_the_day_of_arrival()
    {
        var twoDays = new AllocationSettings { TargetWorkingDays = 2 };
        var monday = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateOnly(2026, 11, 25), AllocationClock.Due(monday, _calendar, twoDays));
        Assert.Equal("Waiting 1 working day: due 25 November 2026", AllocationClock.Read(monday, monday.AddDays(1), _calendar, twoDays).Words);
        Assert.False(AllocationClock.MetTarget(monday, new DateOnly(2026, 11, 26), _calendar, twoDays));
    }

    [Theory]
    [InlineData(AllocationRule.AbsentInInductionWindow, "absent")]
    [InlineData(AllocationRule.GradeForRisk, "competence")]
    [InlineData(AllocationRule.AboveCapacityCeiling, "capacity")]
    public void Each_rule_has_its_API_name_and_back(AllocationRule rule, string key)
    {
        Assert.Equal(key, AllocationRules.Key(rule));
        Assert.Equal(rule, AllocationRules.FromKey(key));
    }

    [Fact]
    public void An_unknown_rule_name_is_no_rule() => Assert.Null(AllocationRules.FromKey("leave"));

    private static Arbitrary<(DateOnly Arrived, int Later, int More, int Target)> Days() =>
        (from start in Gen.Choose(0, 3 * 365)
         from later in Gen.Choose(0, 40)
         from more in Gen.Choose(0, 40)
         from target in Gen.Choose(0, 5)
         select (new DateOnly(2025, 1, 1).AddDays(start), later, more, target)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Waiting_and_overdue_never_fall_as_the_days_pass_and_overdue_never_exceeds_waiting() =>
        Prop.ForAll(Days(), d =>
        {
            var settings = new AllocationSettings { TargetWorkingDays = d.Target };
            var earlier = AllocationClock.Read(d.Arrived, d.Arrived.AddDays(d.Later), _calendar, settings);
            var later = AllocationClock.Read(d.Arrived, d.Arrived.AddDays(d.Later + d.More), _calendar, settings);
            return later.WorkingDaysWaiting >= earlier.WorkingDaysWaiting
                && later.WorkingDaysOverdue >= earlier.WorkingDaysOverdue
                && later.WorkingDaysOverdue <= later.WorkingDaysWaiting
                && earlier.IsOverdue == !AllocationClock.MetTarget(d.Arrived, d.Arrived.AddDays(d.Later), _calendar, settings);
        });

    [Property(MaxTest = 300)]
    public Property The_due_day_is_a_working_day_on_or_after_arrival() =>
        Prop.ForAll(Days(), d =>
        {
            var due = AllocationClock.Due(d.Arrived, _calendar, new AllocationSettings { TargetWorkingDays = d.Target });
            return due >= d.Arrived && _calendar.IsWorkingDay(due);
        });
}
