using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Tests.Enforcement;

/// <summary>The enforcement state machine (PRACTICE.md section 5, immutable line 7) over every path.</summary>
public class EnforcementRulesTests
{
    private static readonly EnforcementSettings _settings = new();
    private static readonly WorkingCalendar _calendar = WorkingCalendar.EnglandAndWales;
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly _today = new(2026, 11, 23);
    private const string Reason = "Attended drunk and abusive to staff; a serious failure";

    private static FailureToComply Failure(DateOnly on) =>
        FailureToComply.Open(1, 2, 3, on, AppointmentOutcome.UnacceptableAbsence, _now, _calendar, _settings);

    private static FailureContext Community(DateOnly on, params PriorWarning[] warnings) => new(on, OrderType.CommunityOrder, warnings);

    private static FailureContext Licence(DateOnly on, params PriorWarning[] warnings) => new(on, OrderType.Licence, warnings);

    [Fact]
    public void A_first_failure_may_be_warned_with_seven_days_for_an_excuse()
    {
        var failure = Failure(_today);

        var errors = failure.Decide(new(EnforcementDecision.Warning, null), Community(_today), _settings, "officer", _now, _today);

        Assert.True(errors.IsValid);
        Assert.Equal((EnforcementStatus.Warned, EnforcementDecision.Warning, new DateOnly(2026, 11, 30), "officer", false),
            (failure.Status, failure.Decision, failure.ExcuseDueOn, failure.DecidedBy, failure.EscalationRequired));
        Assert.Equal(new PriorWarning(_today, _today, false), failure.AsWarning());
    }

    [Fact]
    public void No_further_action_needs_a_reason()
    {
        var failure = Failure(_today);

        Assert.Equal(["reason"], failure.Decide(new(EnforcementDecision.NoFurtherAction, "ok"), Community(_today), _settings, "officer", _now, _today).Fields);
        Assert.True(failure.IsAwaitingDecision);

        Assert.True(failure.Decide(new(EnforcementDecision.NoFurtherAction, "Evidence of a hospital admission arrived late"), Community(_today), _settings, "officer", _now, _today).IsValid);
        Assert.Equal((EnforcementStatus.NoFurtherAction, (DateOnly?)null, (PriorWarning?)null), (failure.Status, failure.ExcuseDueOn, failure.AsWarning()));
    }

    [Fact]
    public void Breach_on_a_first_failure_is_professional_judgement_and_needs_its_reason()
    {
        var failure = Failure(_today);

        var bare = failure.Decide(new(EnforcementDecision.Breach, null), Community(_today), _settings, "officer", _now, _today);

        Assert.Equal(["reason"], bare.Fields);
        Assert.Contains("professional judgement", bare.ToDictionary()["reason"][0], StringComparison.Ordinal);
        Assert.True(failure.Decide(new(EnforcementDecision.Breach, Reason), Community(_today), _settings, "officer", _now, _today).IsValid);
        Assert.Equal((EnforcementStatus.BreachAction, false), (failure.Status, failure.EscalationRequired));
    }

    [Fact]
    public void A_proposal_goes_with_breach_or_recall_and_is_kept_for_the_breach_pack()
    {
        var warned = Failure(_today);
        var refused = warned.Decide(new(EnforcementDecision.Warning, null, "Add a curfew"), Community(_today), _settings, "officer", _now, _today);
        Assert.Equal(["proposal"], refused.Fields);
        Assert.Equal(EnforcementStatus.AwaitingDecision, warned.Status);

        var breached = Failure(_today);
        Assert.True(breached.Decide(new(EnforcementDecision.Breach, Reason, "  Continue the order with a curfew  "), Community(_today), _settings, "officer", _now, _today).IsValid);
        Assert.Equal("Continue the order with a curfew", breached.Proposal);
        Assert.Equal(["proposal"], Failure(_today).Decide(new(EnforcementDecision.Breach, Reason, new string('x', 2001)), Community(_today), _settings, "o", _now, _today).Fields);
    }

    [Fact]
    public void A_second_failure_within_twelve_months_of_a_warning_requires_breach_and_needs_no_further_reason()
    {
        var warned = new PriorWarning(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), false);
        var context = Community(_today, warned);
        var choice = EnforcementRules.Choices(context, _settings);
        Assert.Equal([EnforcementDecision.Breach], choice.Allowed);
        Assert.Equal("A warning was issued on 3 March 2026, within 12 months of this failure: breach action is required.", choice.Words);

        var failure = Failure(_today);
        Assert.Equal(["decision"], failure.Decide(new(EnforcementDecision.Warning, null), context, _settings, "officer", _now, _today).Fields);
        Assert.Equal(["decision"], failure.Decide(new(EnforcementDecision.NoFurtherAction, Reason), context, _settings, "officer", _now, _today).Fields);
        Assert.True(failure.IsAwaitingDecision);

        Assert.True(failure.Decide(new(EnforcementDecision.Breach, null), context, _settings, "officer", _now, _today).IsValid);
        Assert.Equal((EnforcementStatus.BreachAction, true), (failure.Status, failure.EscalationRequired));
    }

    [Fact]
    public void A_licence_goes_to_a_recall_decision_instead_of_breach()
    {
        var failure = Failure(_today);
        Assert.Equal([EnforcementDecision.Warning, EnforcementDecision.NoFurtherAction, EnforcementDecision.Recall], EnforcementRules.Choices(Licence(_today), _settings).Allowed);
        Assert.Equal("A licence is enforced by recall, not breach: choose recall",
            failure.Decide(new(EnforcementDecision.Breach, Reason), Licence(_today), _settings, "officer", _now, _today).ToDictionary()["decision"][0]);
        Assert.Equal("Recall is for licences: this order is enforced by breach action",
            failure.Decide(new(EnforcementDecision.Recall, Reason), Community(_today), _settings, "officer", _now, _today).ToDictionary()["decision"][0]);

        var warned = Licence(_today, new PriorWarning(_today.AddDays(-20), _today.AddDays(-19), false));
        Assert.Equal([EnforcementDecision.Recall], EnforcementRules.Choices(warned, _settings).Allowed);
        Assert.True(failure.Decide(new(EnforcementDecision.Recall, null), warned, _settings, "officer", _now, _today).IsValid);
        Assert.Equal(EnforcementStatus.RecallRequested, failure.Status);
    }

    [Fact]
    public void A_failure_is_decided_once_and_an_unknown_or_missing_decision_is_refused()
    {
        var failure = Failure(_today);
        Assert.Equal(["decision"], failure.Decide(new(null, null), Community(_today), _settings, "officer", _now, _today).Fields);
        Assert.Equal(["decision"], failure.Decide(new((EnforcementDecision)99, null), Community(_today), _settings, "officer", _now, _today).Fields);
        failure.Decide(new(EnforcementDecision.Warning, null), Community(_today), _settings, "officer", _now, _today);

        var again = failure.Decide(new(EnforcementDecision.Breach, Reason), Community(_today), _settings, "manager", _now, _today);

        Assert.Equal("This failure was already decided (warning) by officer", again.ToDictionary()["decision"][0]);
        Assert.Equal(EnforcementStatus.Warned, failure.Status);
    }

    [Fact]
    public void Withdrawing_a_warning_needs_a_reason_and_a_withdrawn_warning_no_longer_counts()
    {
        var failure = Failure(_today);
        failure.Decide(new(EnforcementDecision.Warning, null), Community(_today), _settings, "officer", _now, _today);

        Assert.Equal(["reason"], failure.WithdrawWarning("", _settings, "manager", _now).Fields);
        Assert.Equal(EnforcementStatus.Warned, failure.Status);
        Assert.True(failure.WithdrawWarning("Fit note for the day arrived within the seven days", _settings, "manager", _now).IsValid);
        Assert.Equal((EnforcementStatus.WarningWithdrawn, "manager"), (failure.Status, failure.WithdrawnBy));
        Assert.Equal("This warning was already withdrawn", failure.WithdrawWarning("Fit note for the day arrived within the seven days", _settings, "manager", _now).ToDictionary()["reason"][0]);

        var later = Community(_today.AddDays(30), failure.AsWarning()!);
        Assert.False(EnforcementRules.Choices(later, _settings).EscalationRequired);

        var nfa = Failure(_today);
        nfa.Decide(new(EnforcementDecision.NoFurtherAction, "Evidence of a hospital admission arrived late"), Community(_today), _settings, "officer", _now, _today);
        Assert.Equal("Only a warning can be withdrawn", nfa.WithdrawWarning("Fit note for the day arrived within the seven days", _settings, "manager", _now).ToDictionary()["reason"][0]);
    }

    [Theory]
    // The window runs to the same calendar day twelve months on, across the year's end.
    [InlineData("2026-12-30", "2027-12-30", true)]
    [InlineData("2026-12-30", "2027-12-31", false)]
    [InlineData("2026-12-30", "2027-01-04", true)]
    // A warning on 29 February runs to 28 February.
    [InlineData("2028-02-29", "2029-02-28", true)]
    [InlineData("2028-02-29", "2029-03-01", false)]
    // A failure before the warning was issued is not a failure after it.
    [InlineData("2026-11-23", "2026-11-20", false)]
    public void The_twelve_month_window(string warnedOn, string failureOn, bool within)
    {
        var warned = DateOnly.Parse(warnedOn, System.Globalization.CultureInfo.InvariantCulture);
        var failed = DateOnly.Parse(failureOn, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(within, EnforcementRules.IsWithinWindow(warned, failed, _settings));
        Assert.Equal(within, EnforcementRules.Choices(Community(failed, new PriorWarning(warned.AddDays(-1), warned, false)), _settings).EscalationRequired);
    }

    [Fact]
    public void Deadlines_count_working_days_over_christmas_and_new_year_bank_holidays()
    {
        // Monday 21 December 2026: Christmas Friday 25, Boxing Day substitute Monday 28, New Year Friday 1 January 2027.
        var failure = Failure(new DateOnly(2026, 12, 21));
        Assert.Equal((new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 7)), (failure.DecisionDueOn, failure.BreachDueOn));

        var christmasEve = Failure(new DateOnly(2026, 12, 24));
        Assert.Equal(new DateOnly(2026, 12, 30), christmasEve.DecisionDueOn);
        Assert.False(christmasEve.IsOverdue(new DateOnly(2026, 12, 30)));
        Assert.True(christmasEve.IsOverdue(new DateOnly(2026, 12, 31)));

        christmasEve.Decide(new(EnforcementDecision.Warning, null), Community(christmasEve.FailureDate), _settings, "officer", _now, new DateOnly(2026, 12, 31));
        Assert.False(christmasEve.IsOverdue(new DateOnly(2027, 1, 31)));
        Assert.Equal(new DateOnly(2027, 1, 7), christmasEve.ExcuseDueOn); // seven calendar days: holidays do not stop the clock
    }

    [Fact]
    public void The_settings_are_checked_with_their_configuration_keys()
    {
        Assert.True(_settings.Validate().IsValid);
        Assert.Equal(["BreachWorkingDays", "WarningWindowMonths"], new EnforcementSettings { BreachWorkingDays = 0, WarningWindowMonths = 0 }.Validate().Fields.Order());
    }

    private static Arbitrary<(int Offset, int WarnedAfter, bool Withdrawn)[]> Warnings() =>
        (from offset in Gen.Choose(0, 900)
         from warnedAfter in Gen.Choose(0, 20)
         from withdrawn in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
         select (offset, warnedAfter, withdrawn)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Escalation_is_required_exactly_when_an_unwithdrawn_warning_is_within_the_window() =>
        Prop.ForAll(Warnings(), Gen.Choose(0, 1200).ToArbitrary(), (warnings, failureOffset) =>
        {
            var start = new DateOnly(2025, 1, 1);
            var prior = warnings.Select(w => new PriorWarning(start.AddDays(w.Offset), start.AddDays(w.Offset + w.WarnedAfter), w.Withdrawn)).ToArray();
            var failed = start.AddDays(failureOffset);
            var choice = EnforcementRules.Choices(Community(failed, prior), _settings);
            var expected = prior.Any(w => !w.Withdrawn && w.FailureDate < failed && failed >= w.WarnedOn && failed <= w.WarnedOn.AddMonths(12));
            var withdrawingAll = EnforcementRules.Choices(Community(failed, [.. prior.Select(w => w with { Withdrawn = true })]), _settings);
            return choice.EscalationRequired == expected
                && (choice.EscalationRequired ? choice.Allowed.SequenceEqual([EnforcementDecision.Breach]) : choice.Allowed.Count == 3)
                && !withdrawingAll.EscalationRequired;
        });
}
