using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Rar;

namespace OpenProbation.Domain.Tests.Rar;

/// <summary>RAR day counting (PRACTICE.md section 2, the MoJ RAR guidance).</summary>
public class RarDaysTests
{
    private static readonly DateOnly _monday = new(2026, 11, 23);
    private static int _ids;

    private static RarSession Session(
        DateOnly date, AppointmentOutcome? outcome = AppointmentOutcome.AttendedComplied, AppointmentType type = AppointmentType.RarSession,
        bool enforceable = true, bool counts = true) =>
        new(Interlocked.Increment(ref _ids), date, type, outcome, enforceable, counts);

    [Fact]
    public void Hand_worked_fortnight()
    {
        RarSession[] sessions =
        [
            Session(_monday), // day 1
            Session(_monday), // a second session the same day: still day 1
            Session(_monday.AddDays(1), AppointmentOutcome.AttendedFailedToComply), // failed to comply: no day
            Session(_monday.AddDays(2), AppointmentOutcome.UnacceptableAbsence), // absent: no day
            Session(_monday.AddDays(3), type: AppointmentType.OtherAgency), // a partner's RAR activity: day 2
            Session(_monday.AddDays(3), type: AppointmentType.OfficeInterview), // offender management, however marked: not a day
            Session(_monday.AddDays(4), type: AppointmentType.OfficeInterview), // ditto
            Session(_monday.AddDays(5), enforceable: false), // not enforceable: not a RAR activity
            Session(_monday.AddDays(7), outcome: null), // instructed, to come: planned
            Session(_monday.AddDays(7), outcome: null), // same day: one planned day
            Session(_monday.AddDays(8), outcome: null, counts: false), // not marked as RAR
            Session(_monday.AddDays(9), outcome: AppointmentOutcome.Rescheduled), // replaced by another appointment
        ];

        var progress = RarDays.Progress(20, sessions);

        Assert.Equal([_monday, _monday.AddDays(3)], progress.CompletedDays);
        Assert.Equal([_monday.AddDays(7)], progress.PlannedDays);
        Assert.Equal((20, 2, 1, 3, 17), (progress.MaximumDays, progress.DaysCompleted, progress.DaysPlanned, progress.DaysInstructed, progress.DaysRemaining));
        Assert.False(progress.RecordExceedsMaximum);
    }

    [Fact]
    public void A_planned_session_on_a_day_already_delivered_adds_no_planned_day()
    {
        var progress = RarDays.Progress(5, [Session(_monday), Session(_monday, outcome: null)]);
        Assert.Equal((1, 0), (progress.DaysCompleted, progress.DaysPlanned));
    }

    [Fact]
    public void Instructing_beyond_the_maximum_is_refused_but_another_session_on_an_instructed_day_is_not()
    {
        var full = RarDays.Progress(2, [Session(_monday), Session(_monday.AddDays(1), outcome: null)]);

        var refusal = RarDays.RefuseInstruction(full, _monday.AddDays(2));

        Assert.Equal("The court allowed at most 2 days and 2 days already delivered or instructed (1 day delivered, 1 day to come): another day cannot be instructed. A further session can only be on a day already instructed.", refusal);
        Assert.Null(RarDays.RefuseInstruction(full, _monday));
        Assert.Null(RarDays.RefuseInstruction(full, _monday.AddDays(1)));
        Assert.Null(RarDays.RefuseInstruction(RarDays.Progress(3, [Session(_monday)]), _monday.AddDays(5)));
    }

    [Fact]
    public void An_old_record_with_more_days_than_the_maximum_counts_only_the_maximum_and_says_so()
    {
        var progress = RarDays.Progress(2, [Session(_monday), Session(_monday.AddDays(1)), Session(_monday.AddDays(2)), Session(_monday.AddDays(3), outcome: null)]);
        Assert.Equal((2, 0, 0, true), (progress.DaysCompleted, progress.DaysPlanned, progress.DaysRemaining, progress.RecordExceedsMaximum));
        Assert.NotNull(RarDays.RefuseInstruction(progress, _monday.AddDays(9)));
    }

    private static Arbitrary<(int Max, (int Day, int Outcome, int Type, bool Enforceable, bool Counts)[] Sessions)> Rars() =>
        (from max in Gen.Choose(1, 30)
         from sessions in (from day in Gen.Choose(0, 40)
                           from outcome in Gen.Choose(0, 7)
                           from type in Gen.Choose(1, 10)
                           from enforceable in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
                           from counts in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
                           select (day, outcome, type, enforceable, counts)).ArrayOf()
         select (max, sessions)).ToArbitrary();

    private static RarSession[] Sessions((int Day, int Outcome, int Type, bool Enforceable, bool Counts)[] sessions) =>
        [.. sessions.Select((s, i) => new RarSession(i, _monday.AddDays(s.Day), (AppointmentType)s.Type,
            s.Outcome == 0 ? null : (AppointmentOutcome)s.Outcome, s.Enforceable, s.Counts))];

    [Property(MaxTest = 300)]
    public Property Days_never_exceed_the_maximum() =>
        Prop.ForAll(Rars(), rar =>
        {
            var p = RarDays.Progress(rar.Max, Sessions(rar.Sessions));
            return p.DaysCompleted <= rar.Max && p.DaysInstructed <= rar.Max && p.DaysRemaining >= 0 && p.DaysCompleted <= p.CompletedDays.Count;
        });

    [Property(MaxTest = 300)]
    public Property Sessions_on_the_same_day_count_once() =>
        Prop.ForAll(Rars(), rar =>
        {
            var sessions = Sessions(rar.Sessions);
            var doubled = sessions.Concat(sessions.Select(s => s with { AppointmentId = s.AppointmentId + 10_000 })).ToArray();
            var once = RarDays.Progress(rar.Max, sessions);
            var twice = RarDays.Progress(rar.Max, doubled);
            return once.CompletedDays.SequenceEqual(twice.CompletedDays) && once.PlannedDays.SequenceEqual(twice.PlannedDays)
                && once.CompletedDays.Count == once.CompletedDays.Distinct().Count();
        });

    [Property(MaxTest = 300)]
    public Property Removing_a_session_never_raises_the_days() =>
        Prop.ForAll(Rars(), Gen.Choose(0, 1000).ToArbitrary(), (rar, pick) =>
        {
            var sessions = Sessions(rar.Sessions);
            if (sessions.Length == 0)
            {
                return true;
            }

            var without = sessions.Where((_, i) => i != pick % sessions.Length);
            var before = RarDays.Progress(rar.Max, sessions);
            var after = RarDays.Progress(rar.Max, without);
            return after.DaysCompleted <= before.DaysCompleted && after.CompletedDays.Count <= before.CompletedDays.Count;
        });

    [Property(MaxTest = 300)]
    public Property Offender_management_appointments_never_make_a_day() =>
        Prop.ForAll(Rars(), rar =>
        {
            var sessions = Sessions(rar.Sessions);
            var managed = sessions.Select(s => s with { Type = AppointmentType.OfficeInterview });
            return RarDays.Progress(rar.Max, managed).DaysInstructed == 0;
        });
}
