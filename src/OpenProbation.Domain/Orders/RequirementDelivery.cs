using System.Globalization;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Orders;

/// <summary>
/// The settings for requirements against the clock; defaults from PRACTICE.md sections 2 and 7 (line 8) and Crest
/// recommendation 10. Meant to be configurable as <c>OpenProbation:Delivery</c>, which its messages name; nothing binds
/// that section yet.
/// </summary>
public sealed record DeliverySettings
{
    /// <summary>
    /// A requirement is at risk once its slack (the days between the earliest it can start and the latest start that still
    /// finishes by the end of the order) is this many weeks or less, so the warning arrives this many weeks before the last
    /// day to act, never on the day the order expires. OpenProbation's default (8): the sources say "weeks ahead" but give
    /// no figure.
    /// </summary>
    public int WarningWeeks { get; init; } = 8;

    /// <summary>A realistic weekly rate for unpaid work, in hours: 7 (one working day a week). OpenProbation's default.</summary>
    public int UnpaidWorkHoursPerWeek { get; init; } = 7;

    /// <summary>A realistic weekly rate for a RAR, in RAR days: 1. OpenProbation's default.</summary>
    public int RarDaysPerWeek { get; init; } = 1;

    /// <summary>
    /// Sessions a week of an accredited programme when the programme does not give its own rate
    /// (<see cref="DeliveryNeed.ProgrammeSessionsPerWeek"/>): 1, the usual weekly group.
    /// </summary>
    public int ProgrammeSessionsPerWeek { get; init; } = 1;

    /// <summary>
    /// Crest recommendation 10 (PRACTICE.md section 2): a requirement commences "the week after" sentence, read as within
    /// this many calendar days of it: 7. At most 28, so a standard target never falls after a specialist one.
    /// </summary>
    public int StandardCommencementDays { get; init; } = 7;

    /// <summary>
    /// Crest recommendation 10: a specialist requirement (<see cref="RequirementDelivery.IsSpecialist"/>) commences within
    /// this many calendar months of sentence: 1.
    /// </summary>
    public int SpecialistCommencementMonths { get; init; } = 1;

    /// <summary>Checks the settings; messages name the configuration keys.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(key, $"OpenProbation:Delivery:{key} must be from {min} to {max}");
            }
        }

        Range(nameof(WarningWeeks), WarningWeeks, 1, 52);
        Range(nameof(UnpaidWorkHoursPerWeek), UnpaidWorkHoursPerWeek, 1, 40);
        Range(nameof(RarDaysPerWeek), RarDaysPerWeek, 1, 7);
        Range(nameof(ProgrammeSessionsPerWeek), ProgrammeSessionsPerWeek, 1, 7);
        Range(nameof(StandardCommencementDays), StandardCommencementDays, 1, 28);
        Range(nameof(SpecialistCommencementMonths), SpecialistCommencementMonths, 1, 12);
        return errors;
    }
}

/// <summary>What a requirement still needs, as the clock sees it.</summary>
/// <param name="Type">Kind of requirement.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OrderEndDate">The last day of the order (inclusive): <see cref="Order.ExpectedEndDate"/>.</param>
public sealed record DeliveryNeed(RequirementType Type, RequirementStatus Status, DateOnly OrderEndDate)
{
    /// <summary>Most programme sessions accepted: more is a typing mistake.</summary>
    public const int MaxProgrammeSessions = 200;

    /// <summary>Longest wait for a programme place accepted, in weeks (two years).</summary>
    public const int MaxWaitingListWeeks = 104;

    /// <summary>Unpaid work: the hours still to work (the hours ordered less those worked); required for unpaid work.</summary>
    public int? UnpaidWorkHoursRemaining { get; init; }

    /// <summary>
    /// RAR: the days still to deliver, as the officer plans them (at most the maximum less the days delivered); required
    /// for a RAR.
    /// </summary>
    public int? RarDaysRemaining { get; init; }

    /// <summary>Accredited programme: the sessions still to attend; required for a programme.</summary>
    public int? ProgrammeSessionsRemaining { get; init; }

    /// <summary>
    /// Accredited programme not yet started: weeks until the next group the person can join starts, as known today
    /// (0 or none when a place could start now). Ignored once the programme has started: the person is in a group.
    /// </summary>
    public int? WaitingListWeeks { get; init; }

    /// <summary>Accredited programme: its own sessions a week, when it differs from <see cref="DeliverySettings.ProgrammeSessionsPerWeek"/>.</summary>
    public int? ProgrammeSessionsPerWeek { get; init; }

    /// <summary>
    /// Checks the need: the measure for the type is present and no other is given (as <see cref="RequirementDetails"/>
    /// checks the record). Field names are this record's, in camelCase.
    /// </summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Defined("type", (RequirementType?)Type, "a type of requirement")
            .Defined("status", (RequirementStatus?)Status, "a status");
        var measured = Status is RequirementStatus.NotStarted or RequirementStatus.Active;
        void Measure(string field, int? value, RequirementType owner, int max, string what)
        {
            if (Type != owner)
            {
                if (value is not null)
                {
                    errors.Add(field, $"{Capitalise(what)} apply only to {RequirementDelivery.Describe(owner)}");
                }
            }
            else if (value is null && measured)
            {
                errors.Add(field, $"Enter the {what}");
            }
            else if (value is < 0 || value > max)
            {
                errors.Add(field, $"The {what} must be from 0 to {max}");
            }
        }

        Measure("unpaidWorkHoursRemaining", UnpaidWorkHoursRemaining, RequirementType.UnpaidWork, RequirementDetails.MaxUnpaidWorkHours, "unpaid work hours still to work");
        Measure("rarDaysRemaining", RarDaysRemaining, RequirementType.Rar, RequirementDetails.MaxRarDays, "RAR days still to deliver");
        Measure("programmeSessionsRemaining", ProgrammeSessionsRemaining, RequirementType.AccreditedProgramme, MaxProgrammeSessions, "programme sessions still to attend");

        if (Type is not RequirementType.AccreditedProgramme && (WaitingListWeeks is not null || ProgrammeSessionsPerWeek is not null))
        {
            errors.Add(WaitingListWeeks is not null ? "waitingListWeeks" : "programmeSessionsPerWeek", "A waiting list and sessions a week apply only to an accredited programme");
        }

        if (WaitingListWeeks is < 0 or > MaxWaitingListWeeks)
        {
            errors.Add("waitingListWeeks", $"The wait for a place must be from 0 to {MaxWaitingListWeeks} weeks");
        }

        if (ProgrammeSessionsPerWeek is < 1 or > 7)
        {
            errors.Add("programmeSessionsPerWeek", "The programme's sessions a week must be from 1 to 7");
        }

        return errors;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>Where a requirement stands against the time left on its order.</summary>
public enum DeliveryStatus
{
    /// <summary>It finishes before the order ends with more than <see cref="DeliverySettings.WarningWeeks"/> to spare.</summary>
    OnTrack = 1,

    /// <summary>It can still finish, but only by starting (or keeping going) within <see cref="DeliverySettings.WarningWeeks"/>: act now.</summary>
    AtRisk,

    /// <summary>At the realistic rate it cannot finish before the order ends: the court has to be asked, or the work changed.</summary>
    CannotFinish,

    /// <summary>Nothing left to deliver.</summary>
    Done,

    /// <summary>
    /// Not measured against the clock: a requirement that runs for a set length (curfew, exclusion, drug, alcohol or mental
    /// health treatment), one described only in words, or one terminated.
    /// </summary>
    NotApplicable,
}

/// <summary>What the officer and manager can do about a requirement at risk.</summary>
public enum DeliveryOption
{
    /// <summary>Start now (or, once started, keep delivery going without gaps).</summary>
    StartNow = 1,

    /// <summary>Deliver more each week than the usual rate (unpaid work and RAR only: a programme's groups set its pace).</summary>
    IncreaseRate,

    /// <summary>Apply to the court to amend the order, e.g. to a requirement that fits the time left.</summary>
    ApplyToAmend,

    /// <summary>Apply to the court to extend the order, where the law allows, so the requirement can finish.</summary>
    ApplyToExtend,

    /// <summary>Consider another requirement or intervention that fits the time left.</summary>
    ConsiderAlternative,
}

/// <summary>An option for a requirement at risk, in words for the officer and manager.</summary>
/// <param name="Option">Which option.</param>
/// <param name="Words">What to do, with the dates that matter.</param>
public sealed record DeliveryAdvice(DeliveryOption Option, string Words);

/// <summary>A requirement against the time left on its order, as at one day.</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="OrderEndDate">The last day of the order (inclusive).</param>
/// <param name="WeeksNeeded">Weeks of delivery still needed at the realistic rate (not counting a wait for a place); 0 when not measured.</param>
/// <param name="EarliestStart">The earliest day delivery can (re)start: today, or after the wait for a programme place; none when not measured.</param>
/// <param name="LatestStart">The last day delivery can start and still finish by the end of the order; none when not measured.</param>
/// <param name="ActBy">
/// The last day to act: <see cref="LatestStart"/> less the wait for a programme place (the same day for anything else).
/// Acting on it leaves no slack; the day after, the requirement cannot finish.
/// </param>
/// <param name="WarnFrom">The day the warning begins: <see cref="DeliverySettings.WarningWeeks"/> weeks before <see cref="ActBy"/>.</param>
/// <param name="ProjectedFinish">The day it finishes at the realistic rate from <see cref="EarliestStart"/>; none when not measured.</param>
/// <param name="SlackDays">Days from <see cref="EarliestStart"/> to <see cref="LatestStart"/>; negative when it cannot finish; 0 when not measured.</param>
/// <param name="Words">The assessment in one or two sentences.</param>
/// <param name="Working">How it was worked out, step by step.</param>
/// <param name="Options">What the officer and manager can do, best first; empty unless at risk or unable to finish.</param>
public sealed record DeliveryAssessment(
    DeliveryStatus Status,
    DateOnly OrderEndDate,
    int WeeksNeeded,
    DateOnly? EarliestStart,
    DateOnly? LatestStart,
    DateOnly? ActBy,
    DateOnly? WarnFrom,
    DateOnly? ProjectedFinish,
    int SlackDays,
    string Words,
    IReadOnlyList<string> Working,
    IReadOnlyList<DeliveryAdvice> Options)
{
    /// <summary>Whole weeks of slack, rounded down (so -1 for a day too late).</summary>
    public int SlackWeeks => (int)Math.Floor(SlackDays / 7.0);

    /// <summary>True when the officer and manager must be told: at risk or unable to finish.</summary>
    public bool NeedsAction => Status is DeliveryStatus.AtRisk or DeliveryStatus.CannotFinish;
}

/// <summary>Whether a requirement commenced in time.</summary>
public enum CommencementStatus
{
    /// <summary>Commenced on or before the target day.</summary>
    Met = 1,

    /// <summary>Commenced, but after the target day.</summary>
    MetLate,

    /// <summary>Not commenced; the target day is today or still to come.</summary>
    Due,

    /// <summary>Not commenced, and the target day has passed.</summary>
    Overdue,
}

/// <summary>A requirement against the Crest commencement target.</summary>
/// <param name="Due">The last day it may commence and meet the target.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="IsSpecialist">True when the specialist target (a month) applies rather than the standard one (a week).</param>
/// <param name="DaysLate">Days after <see cref="Due"/> it commenced, or has waited so far; 0 while on target.</param>
/// <param name="Words">For the officer and manager, e.g. "Not commenced: 3 days overdue (due 30 November 2026)".</param>
public sealed record CommencementReading(DateOnly Due, CommencementStatus Status, bool IsSpecialist, int DaysLate, string Words);

/// <summary>
/// Requirements against the clock (PRACTICE.md section 2 and immutable line 8): each requirement that is delivered in
/// units of work (unpaid work hours, RAR days, programme sessions) knows how long the rest takes at a realistic weekly
/// rate, and compares that with the time left on the order, so that a requirement that will not fit is flagged
/// <see cref="DeliverySettings.WarningWeeks"/> weeks before the last day it can still start, with the options, and never
/// found on the day the order expires (staff were "returning some cases to court due to insufficient time left on the
/// orders to complete the BBR programme"). The Crest targets are tracked too: requirements commence within a week of
/// sentence, specialist ones within a month (recommendation 10). Calendar days throughout: orders end on a calendar date.
/// </summary>
public static class RequirementDelivery
{
    /// <summary>
    /// True for the requirements OpenProbation treats as specialist, with a month to commence (Crest recommendation 10
    /// names no list): accredited programmes and drug, alcohol and mental health treatment, because each needs an
    /// assessment, a treatment provider or a group place first. RAR, unpaid work, curfew, exclusion and other requirements
    /// take the standard week.
    /// </summary>
    public static bool IsSpecialist(RequirementType type) =>
        type is RequirementType.AccreditedProgramme or RequirementType.Drr or RequirementType.Atr or RequirementType.Mhtr;

    /// <summary>
    /// True for requirements measured against the clock: unpaid work, RAR and accredited programmes. The others run for
    /// a set length or are described only in words.
    /// </summary>
    public static bool IsMeasured(RequirementType type) =>
        type is RequirementType.UnpaidWork or RequirementType.Rar or RequirementType.AccreditedProgramme;

    /// <summary>
    /// The last day a requirement sentenced on <paramref name="sentenceDate"/> may commence and meet the Crest target:
    /// <see cref="DeliverySettings.StandardCommencementDays"/> days after sentence, or for a specialist requirement the
    /// same day <see cref="DeliverySettings.SpecialistCommencementMonths"/> months later (31 January gives 28 or 29
    /// February). A specialist target is never before a standard one.
    /// </summary>
    public static DateOnly CommencementTarget(RequirementType type, DateOnly sentenceDate, DeliverySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return IsSpecialist(type) ? sentenceDate.AddMonths(settings.SpecialistCommencementMonths) : sentenceDate.AddDays(settings.StandardCommencementDays);
    }

    /// <summary>
    /// The requirement against its commencement target on <paramref name="today"/>: commenced (on <paramref name="startDate"/>)
    /// in time or late, or not commenced and due or overdue.
    /// </summary>
    public static CommencementReading Commencement(RequirementType type, DateOnly sentenceDate, DateOnly? startDate, DateOnly today, DeliverySettings settings)
    {
        var due = CommencementTarget(type, sentenceDate, settings);
        var specialist = IsSpecialist(type);
        if (startDate is { } started)
        {
            return started <= due
                ? new(due, CommencementStatus.Met, specialist, 0, $"Commenced on {Day(started)}, within the target (due {Day(due)})")
                : new(due, CommencementStatus.MetLate, specialist, DaysFrom(due, started),
                    $"Commenced on {Day(started)}, {Count(DaysFrom(due, started), "day")} after the target (due {Day(due)})");
        }

        if (today <= due)
        {
            var left = DaysFrom(today, due);
            return new(due, CommencementStatus.Due, specialist, 0,
                left == 0 ? $"Not commenced: due today ({Day(due)})" : $"Not commenced: due by {Day(due)} ({Count(left, "day")} left)");
        }

        var late = DaysFrom(due, today);
        return new(due, CommencementStatus.Overdue, specialist, late, $"Not commenced: {Count(late, "day")} overdue (due {Day(due)})");
    }

    /// <summary>
    /// What a RAR still needs: the days the court allowed less the days delivered (never below none), to be delivered
    /// before the order's expected end.
    /// </summary>
    public static DeliveryNeed RarNeed(RequirementStatus status, int maximumDays, int daysDelivered, DateOnly orderEndDate) =>
        new(RequirementType.Rar, status, orderEndDate) { RarDaysRemaining = Math.Max(0, maximumDays - daysDelivered) };

    /// <summary>
    /// The requirement against the time left on its order on <paramref name="today"/>. The rest of the work takes
    /// <c>ceiling(remaining / rate)</c> weeks; delivery occupies whole weeks from its start, so the latest start is
    /// that many weeks before the day after the order ends. The slack is the days from the earliest start (today, or
    /// after the wait for a programme place) to the latest start: below 0 it cannot finish; up to
    /// <see cref="DeliverySettings.WarningWeeks"/> weeks it is at risk; above that it is on track. Completed or nothing
    /// left is done; terminated, time-based and "other" requirements are not measured.
    /// </summary>
    /// <exception cref="ArgumentException">The need fails <see cref="DeliveryNeed.Validate"/>.</exception>
    public static DeliveryAssessment Assess(DeliveryNeed need, DateOnly today, DeliverySettings settings)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(settings);
        var errors = need.Validate();
        if (!errors.IsValid)
        {
            throw new ArgumentException(string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)), nameof(need));
        }

        var end = need.OrderEndDate;
        if (need.Status == RequirementStatus.Terminated)
        {
            return NotMeasured(DeliveryStatus.NotApplicable, end, "Terminated: nothing left to deliver.");
        }

        if (need.Status == RequirementStatus.Completed)
        {
            return NotMeasured(DeliveryStatus.Done, end, "Completed.");
        }

        if (!IsMeasured(need.Type))
        {
            return NotMeasured(DeliveryStatus.NotApplicable, end, need.Type == RequirementType.Other
                ? "Not measured against the clock: the requirement is described only in words."
                : $"Not measured against the clock: {Describe(need.Type)} runs for the length the court set.");
        }

        var (remaining, rate, unit) = Measure(need, settings);
        if (remaining == 0)
        {
            return NotMeasured(DeliveryStatus.Done, end, "Done: nothing left to deliver. Record the completion.");
        }

        var weeks = (remaining + rate - 1) / rate;
        var started = need.Status == RequirementStatus.Active;
        var waitingWeeks = started ? 0 : need.WaitingListWeeks ?? 0;
        var earliest = today.AddDays(7 * waitingWeeks);
        var latestStart = end.AddDays(1 - (7 * weeks));
        var actBy = latestStart.AddDays(-7 * waitingWeeks);
        var warnFrom = actBy.AddDays(-7 * settings.WarningWeeks);
        var finish = earliest.AddDays((7 * weeks) - 1);
        var slack = latestStart.DayNumber - earliest.DayNumber;
        var status = slack < 0 ? DeliveryStatus.CannotFinish : slack <= 7 * settings.WarningWeeks ? DeliveryStatus.AtRisk : DeliveryStatus.OnTrack;

        var left = $"the {Count(remaining, unit)} left";
        var pace = $"{Count(rate, unit)} a week";
        var working = new List<string>
        {
            $"{Count(remaining, unit)} left at {pace}: {Count(weeks, "week")} of delivery.",
            $"To finish by the end of the order on {Day(end)}, delivery must {(started ? "carry on" : "start")} by {Day(latestStart)}.",
        };
        if (waitingWeeks > 0)
        {
            working.Add($"The next group starts in {Count(waitingWeeks, "week")}, so the earliest start is {Day(earliest)}, and a place must be secured by {Day(actBy)}.");
        }

        working.Add(slack >= 0
            ? $"From the earliest start on {Day(earliest)} that leaves {Span(slack)} to spare; at {pace} it finishes on {Day(finish)}."
            : $"From the earliest start on {Day(earliest)} it would finish on {Day(finish)}, {Span(-slack)} after the order ends.");
        working.Add($"A requirement is at risk once {Count(settings.WarningWeeks, "week")} or less are left to spare: the warning begins on {Day(warnFrom)}, "
            + $"{Count(settings.WarningWeeks, "week")} before the last day to act ({Day(actBy)}), not on the day the order ends.");

        var words = status switch
        {
            DeliveryStatus.OnTrack => $"On track: at {pace} {left} finish on {Day(finish)}, {Span(slack)} before the order ends on {Day(end)}.",
            DeliveryStatus.AtRisk when started => $"At risk: at {pace} {left} finish on {Day(finish)}, only {Span(slack)} before the order ends on {Day(end)}; "
                + "a longer gap in delivery and it cannot finish.",
            DeliveryStatus.AtRisk => $"At risk: {left} must start by {Day(latestStart)} to finish before the order ends on {Day(end)}; "
                + $"starting on {Day(earliest)} leaves {Span(slack)} to spare{(waitingWeeks > 0 ? $", and a place must be secured by {Day(actBy)}" : "")}.",
            _ => $"Cannot finish before the order ends on {Day(end)}: at {pace} {left} would finish on {Day(finish)}, {Span(-slack)} late.",
        };

        var options = status switch
        {
            DeliveryStatus.OnTrack => [],
            DeliveryStatus.AtRisk => AtRiskOptions(started, waitingWeeks, latestStart, actBy, end, finish, slack, pace),
            _ => CannotFinishOptions(need, started, remaining, rate, unit, earliest, end, finish),
        };

        return new(status, end, weeks, earliest, latestStart, actBy, warnFrom, finish, slack, words, working, options);
    }

    /// <summary>The assessment in plain English, one line each: what it is, how it was worked out, then the options.</summary>
    public static IReadOnlyList<string> Explain(DeliveryAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return [assessment.Words, .. assessment.Working, .. assessment.Options.Select(o => $"Option: {o.Words}")];
    }

    /// <summary>Staff wording for a requirement type, with its article: "unpaid work", "a RAR", "an accredited programme".</summary>
    public static string Describe(RequirementType type) => type switch
    {
        RequirementType.Rar => "a RAR",
        RequirementType.UnpaidWork => "unpaid work",
        RequirementType.AccreditedProgramme => "an accredited programme",
        RequirementType.Drr => "a drug rehabilitation requirement",
        RequirementType.Atr => "an alcohol treatment requirement",
        RequirementType.Mhtr => "a mental health treatment requirement",
        RequirementType.Curfew => "a curfew",
        RequirementType.Exclusion => "an exclusion requirement",
        _ => "a requirement",
    };

    private static List<DeliveryAdvice> AtRiskOptions(bool started, int waitingWeeks, DateOnly latestStart, DateOnly actBy, DateOnly end, DateOnly finish, int slack, string pace)
    {
        var start = started
            ? $"Keep it going without gaps: at {pace} it finishes on {Day(finish)}, and a missed week leaves less than the {Span(slack)} to spare."
            : waitingWeeks > 0
                ? $"Secure a place now: book it by {Day(actBy)} for a start by {Day(latestStart)}, or it cannot finish before the order ends on {Day(end)}."
                : $"Start now: a start by {Day(latestStart)} still finishes before the order ends on {Day(end)}.";
        var unless = started ? "If delivery stalls" : $"If it cannot start by {Day(latestStart)}";
        return
        [
            new(DeliveryOption.StartNow, start),
            new(DeliveryOption.ApplyToAmend, $"{unless}, apply to the court to amend the order while there is still time, not when it expires."),
            new(DeliveryOption.ApplyToExtend, $"{unless}, apply to the court to extend the order, where the law allows, so that delivery can finish."),
        ];
    }

    private static List<DeliveryAdvice> CannotFinishOptions(DeliveryNeed need, bool started, int remaining, int rate, string unit, DateOnly earliest, DateOnly end, DateOnly finish)
    {
        var options = new List<DeliveryAdvice>();
        var weeksLeft = Math.Max(0, (end.DayNumber - earliest.DayNumber + 1) / 7);
        if (!started && weeksLeft > 0)
        {
            options.Add(new(DeliveryOption.StartNow, $"Start as soon as possible whatever the court decides: at {Count(rate, unit)} a week, "
                + $"{Count(Math.Min(remaining, weeksLeft * rate), unit)} of the {Count(remaining, unit)} fit before the order ends."));
        }

        if (need.Type != RequirementType.AccreditedProgramme && weeksLeft > 0)
        {
            var needed = (remaining + weeksLeft - 1) / weeksLeft;
            if (need.Type != RequirementType.Rar || needed <= 7)
            {
                options.Add(new(DeliveryOption.IncreaseRate, $"Deliver faster, if the person can: {Count(needed, unit)} a week from {Day(earliest)} "
                    + $"would finish by {Day(end)}, instead of the usual {Count(rate, unit)}."));
            }
        }

        var late = (finish.DayNumber - end.DayNumber + 6) / 7;
        options.Add(new(DeliveryOption.ApplyToAmend, $"Apply to the court to amend the order, for example to a requirement that can be delivered by {Day(end)}."));
        options.Add(new(DeliveryOption.ApplyToExtend, $"Apply to the court to extend the order, where the law allows: at {Count(rate, unit)} a week it would need to run "
            + $"until at least {Day(finish)}, {Count(late, "week")} beyond its end."));
        options.Add(new(DeliveryOption.ConsiderAlternative, need.Type == RequirementType.Rar
            ? "Consider fewer RAR days: the court's number is a maximum, and a RAR can be completed on fewer days with the rationale, progress and outcome recorded."
            : "Consider another requirement or intervention that can be delivered in the time left, and record why."));
        return options;
    }

    private static (int Remaining, int Rate, string Unit) Measure(DeliveryNeed need, DeliverySettings settings) => need.Type switch
    {
        RequirementType.UnpaidWork => (need.UnpaidWorkHoursRemaining ?? 0, settings.UnpaidWorkHoursPerWeek, "hour"),
        RequirementType.Rar => (need.RarDaysRemaining ?? 0, settings.RarDaysPerWeek, "RAR day"),
        _ => (need.ProgrammeSessionsRemaining ?? 0, need.ProgrammeSessionsPerWeek ?? settings.ProgrammeSessionsPerWeek, "session"),
    };

    private static DeliveryAssessment NotMeasured(DeliveryStatus status, DateOnly end, string words) =>
        new(status, end, 0, null, null, null, null, null, 0, words, [], []);

    private static int DaysFrom(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    // "5 weeks", "3 days", "2 weeks and 1 day".
    private static string Span(int days) =>
        days < 7 ? Count(days, "day")
        : days % 7 == 0 ? Count(days / 7, "week")
        : $"{Count(days / 7, "week")} and {Count(days % 7, "day")}";

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : string.Create(CultureInfo.InvariantCulture, $"{n} {unit}s");

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
