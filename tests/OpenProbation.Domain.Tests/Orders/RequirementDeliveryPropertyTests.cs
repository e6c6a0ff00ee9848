using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Tests.Orders;

/// <summary>Invariants of requirements against the clock (PRACTICE.md immutable line 8) over generated needs and settings.</summary>
public class RequirementDeliveryPropertyTests
{
    /// <summary>A generated need, the day it is assessed on, and the settings.</summary>
    private sealed record Case(DeliveryNeed Need, DateOnly Today, DeliverySettings Settings);

    private static readonly RequirementType[] _measured = [RequirementType.UnpaidWork, RequirementType.Rar, RequirementType.AccreditedProgramme];

    private static Gen<DeliverySettings> SettingsGen =>
        from warning in Gen.Choose(1, 26)
        from hours in Gen.Choose(1, 40)
        from days in Gen.Choose(1, 7)
        from sessions in Gen.Choose(1, 7)
        from standard in Gen.Choose(1, 28)
        from months in Gen.Choose(1, 12)
        select new DeliverySettings
        {
            WarningWeeks = warning,
            UnpaidWorkHoursPerWeek = hours,
            RarDaysPerWeek = days,
            ProgrammeSessionsPerWeek = sessions,
            StandardCommencementDays = standard,
            SpecialistCommencementMonths = months,
        };

    private static Gen<DeliveryNeed> NeedGen =>
        from type in Gen.Elements(_measured)
        from status in Gen.Elements(RequirementStatus.NotStarted, RequirementStatus.Active)
        from end in Gen.Choose(new DateOnly(2000, 1, 1).DayNumber, new DateOnly(2090, 12, 31).DayNumber).Select(DateOnly.FromDayNumber)
        from remaining in Gen.Choose(1, type == RequirementType.UnpaidWork ? RequirementDetails.MaxUnpaidWorkHours : 120)
        from waiting in Gen.Choose(0, 26)
        from perWeek in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 3).Select(n => (int?)n)))
        select type switch
        {
            RequirementType.UnpaidWork => new DeliveryNeed(type, status, end) { UnpaidWorkHoursRemaining = remaining },
            RequirementType.Rar => new DeliveryNeed(type, status, end) { RarDaysRemaining = remaining },
            _ => new DeliveryNeed(type, status, end) { ProgrammeSessionsRemaining = remaining, WaitingListWeeks = waiting, ProgrammeSessionsPerWeek = perWeek },
        };

    private static Arbitrary<Case> Cases() =>
        (from need in NeedGen
         from before in Gen.Choose(-30, 1500)
         from settings in SettingsGen
         select new Case(need, need.OrderEndDate.AddDays(-before), settings)).ToArbitrary();

    // Worst first: a status with a higher rank is never worse.
    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.CannotFinish => 0,
        DeliveryStatus.AtRisk => 1,
        DeliveryStatus.OnTrack => 2,
        _ => 3,
    };

    private static DeliveryStatus StatusOn(Case c, DateOnly today) => RequirementDelivery.Assess(c.Need, today, c.Settings).Status;

    private static DeliveryNeed WithMore(DeliveryNeed need, int more, int moreWaiting) => need.Type switch
    {
        RequirementType.UnpaidWork => need with { UnpaidWorkHoursRemaining = Math.Min(need.UnpaidWorkHoursRemaining!.Value + more, RequirementDetails.MaxUnpaidWorkHours) },
        RequirementType.Rar => need with { RarDaysRemaining = need.RarDaysRemaining + more },
        _ => need with { ProgrammeSessionsRemaining = need.ProgrammeSessionsRemaining + more, WaitingListWeeks = need.WaitingListWeeks + moreWaiting },
    };

    [Property(MaxTest = 300)]
    public Property More_time_left_on_the_order_never_gives_a_worse_status() =>
        Prop.ForAll(Cases(), Gen.Choose(0, 400).ToArbitrary(), (c, extra) =>
        {
            var shorter = RequirementDelivery.Assess(c.Need, c.Today, c.Settings);
            var longer = RequirementDelivery.Assess(c.Need with { OrderEndDate = c.Need.OrderEndDate.AddDays(extra) }, c.Today, c.Settings);
            return Rank(longer.Status) >= Rank(shorter.Status) && longer.SlackDays >= shorter.SlackDays;
        });

    [Property(MaxTest = 300)]
    public Property More_work_left_or_a_longer_wait_never_gives_a_better_status() =>
        Prop.ForAll(Cases(), Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(0, 20).ToArbitrary(), (c, more, moreWaiting) =>
        {
            var before = RequirementDelivery.Assess(c.Need, c.Today, c.Settings);
            var after = RequirementDelivery.Assess(WithMore(c.Need, more, moreWaiting), c.Today, c.Settings);
            return Rank(after.Status) <= Rank(before.Status) && after.SlackDays <= before.SlackDays && after.WeeksNeeded >= before.WeeksNeeded;
        });

    /// <summary>
    /// Immutable line 8: walking day by day towards the end of an order long enough to start on track, the warning begins
    /// at least WarningWeeks before the requirement becomes impossible, on the day the assessment said it would, and stays
    /// until then; once impossible it stays impossible.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property A_requirement_is_warned_at_least_the_warning_weeks_before_it_cannot_finish() =>
        Prop.ForAll(Cases(), c =>
        {
            var first = RequirementDelivery.Assess(c.Need, c.Need.OrderEndDate, c.Settings);
            var from = first.WarnFrom!.Value.AddDays(-30);
            var statuses = new List<(DateOnly Day, DeliveryStatus Status)>();
            for (var day = from; day <= c.Need.OrderEndDate.AddDays(1); day = day.AddDays(1))
            {
                statuses.Add((day, StatusOn(c, day)));
            }

            var warned = statuses.First(s => s.Status != DeliveryStatus.OnTrack);
            var impossible = statuses.First(s => s.Status == DeliveryStatus.CannotFinish);
            var lead = impossible.Day.DayNumber - warned.Day.DayNumber;
            return statuses[0].Status == DeliveryStatus.OnTrack
                && warned.Status == DeliveryStatus.AtRisk
                && warned.Day == first.WarnFrom
                && lead >= c.Settings.WarningWeeks * 7
                && statuses.Where(s => s.Day >= warned.Day && s.Day < impossible.Day).All(s => s.Status == DeliveryStatus.AtRisk)
                && statuses.Where(s => s.Day >= impossible.Day).All(s => s.Status == DeliveryStatus.CannotFinish)
                && impossible.Day == first.ActBy!.Value.AddDays(1);
        });

    [Property(MaxTest = 300)]
    public Property It_cannot_finish_exactly_when_the_realistic_finish_is_after_the_order_ends_and_only_then_are_there_options() =>
        Prop.ForAll(Cases(), c =>
        {
            var a = RequirementDelivery.Assess(c.Need, c.Today, c.Settings);
            var options = a.Options.Select(o => o.Option).ToList();
            return (a.Status == DeliveryStatus.CannotFinish) == (a.ProjectedFinish > a.OrderEndDate)
                && a.OrderEndDate.DayNumber - a.ProjectedFinish!.Value.DayNumber == a.SlackDays
                && (a.Options.Count > 0) == a.NeedsAction
                && (!a.NeedsAction || (options.Contains(DeliveryOption.ApplyToAmend) && options.Contains(DeliveryOption.ApplyToExtend)))
                && a.Options.All(o => o.Words.Length > 0)
                && RequirementDelivery.Explain(a).Count >= 4;
        });

    [Property(MaxTest = 300)]
    public Property A_specialist_requirement_never_has_an_earlier_commencement_target_than_a_standard_one() =>
        Prop.ForAll(SettingsGen.ToArbitrary(), Gen.Choose(new DateOnly(1950, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).ToArbitrary(), (settings, day) =>
        {
            var sentenced = DateOnly.FromDayNumber(day);
            var standard = RequirementDelivery.CommencementTarget(RequirementType.UnpaidWork, sentenced, settings);
            var specialist = RequirementDelivery.CommencementTarget(RequirementType.AccreditedProgramme, sentenced, settings);
            return settings.Validate().IsValid && specialist >= standard && standard > sentenced;
        });
}
