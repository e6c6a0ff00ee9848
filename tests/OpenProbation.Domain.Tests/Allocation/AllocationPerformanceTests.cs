using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Calendar;

namespace OpenProbation.Domain.Tests.Allocation;

/// <summary>Cases against the allocation target: allocated and the first appointment booked by the due day.</summary>
public class AllocationPerformanceTests
{
    private static readonly AllocationSettings _sameDay = new();
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;
    private static readonly DateOnly _monday = new(2026, 11, 16);
    private static readonly DateOnly _today = new(2026, 11, 23);

    [Fact]
    public void Hand_worked_week_same_day_target()
    {
        ArrivedCase[] cases =
        [
            new(_monday, _monday, _monday), // met
            new(_monday, _monday, _monday.AddDays(1)), // allocated in time, booked a day late
            new(_monday.AddDays(1), _monday.AddDays(3), _monday.AddDays(3)), // two working days late
            new(_monday.AddDays(2), null, null), // still waiting, overdue
            new(_today, null, null), // arrived today: not decided yet
            new(_today.AddDays(3), null, null), // a licence not yet released: left out
        ];

        var p = AllocationPerformance.Of(cases, _today, _calendar, _sameDay);

        Assert.Equal((5, 3, 2, 1, 1, 2, 1), (p.Arrived, p.Allocated, p.AllocatedInTarget, p.AppointmentBookedInTarget, p.MetTarget, p.Waiting, p.WaitingOverdue));
        Assert.Equal(4, p.Decided);
        Assert.Equal(25m, p.MetTargetPercent);
        Assert.Equal(50m, p.AllocatedInTargetPercent);
        Assert.Equal(0m, p.MedianWorkingDaysToAllocate); // 0, 0, 2
    }

    [Fact]
    public void A_case_arriving_on_Saturday_is_due_on_Monday_and_a_longer_target_counts_working_days()
    {
        var saturday = new DateOnly(2026, 11, 21);
        var met = AllocationPerformance.Of([new(saturday, _today, _today)], _today, _calendar, _sameDay);
        Assert.Equal((1, 1), (met.MetTarget, met.Decided));

        var friday = new DateOnly(2026, 11, 20);
        var twoDays = new AllocationSettings { TargetWorkingDays = 2 };
        var p = AllocationPerformance.Of([new(friday, _today.AddDays(1), _today)], _today.AddDays(5), _calendar, twoDays);
        // Friday to Tuesday is two working days (Monday, Tuesday): the last day of a two-day target.
        Assert.Equal((1, 1, 2m), (p.MetTarget, p.AllocatedInTarget, p.MedianWorkingDaysToAllocate!.Value));
    }

    [Fact]
    public void Nothing_arrived_gives_no_percentages_rather_than_a_perfect_score()
    {
        var p = AllocationPerformance.Of([], _today, _calendar, _sameDay);
        Assert.Equal((0, 0, (decimal?)null, (decimal?)null, (decimal?)null), (p.Arrived, p.Decided, p.MetTargetPercent, p.AllocatedInTargetPercent, p.MedianWorkingDaysToAllocate));
    }

    private static Arbitrary<(int Arrived, int? Allocated, int? Booked, int Delay, int Target)[]> Cases() =>
        (from arrived in Gen.Choose(0, 40)
         from allocated in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 15).Select(d => (int?)d))
         from booked in Gen.OneOf(Gen.Constant((int?)null), Gen.Choose(0, 15).Select(d => (int?)d))
         from delay in Gen.Choose(1, 10)
         from target in Gen.Choose(0, 3)
         select (arrived, allocated, booked, delay, target)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Allocating_or_booking_later_never_improves_the_figures_and_leaving_a_case_waiting_never_helps() =>
        Prop.ForAll(Cases(), cases =>
        {
            var settings = new AllocationSettings { TargetWorkingDays = cases.Length == 0 ? 0 : cases[0].Target };
            var start = new DateOnly(2026, 9, 1);
            var today = start.AddDays(60);
            ArrivedCase Case((int Arrived, int? Allocated, int? Booked, int Delay, int Target) c, int late, bool drop) => new(
                start.AddDays(c.Arrived),
                drop ? null : c.Allocated is { } a ? start.AddDays(c.Arrived + a + late) : null,
                c.Booked is { } b ? start.AddDays(c.Arrived + b + late) : null);
            var onTime = AllocationPerformance.Of(cases.Select(c => Case(c, 0, false)), today, _calendar, settings);
            var late = AllocationPerformance.Of(cases.Select(c => Case(c, c.Delay, false)), today, _calendar, settings);
            var waiting = AllocationPerformance.Of(cases.Select(c => Case(c, 0, true)), today, _calendar, settings);
            return late.MetTarget <= onTime.MetTarget
                && late.AllocatedInTarget <= onTime.AllocatedInTarget
                && late.AppointmentBookedInTarget <= onTime.AppointmentBookedInTarget
                && waiting.MetTarget <= onTime.MetTarget
                && waiting.AllocatedInTarget == 0
                && onTime.MetTarget <= Math.Min(onTime.AllocatedInTarget, onTime.AppointmentBookedInTarget)
                && onTime.MetTarget <= onTime.Decided && onTime.Decided <= onTime.Arrived
                && onTime.WaitingOverdue <= onTime.Waiting;
        });
}
