using System.Globalization;
using OpenProbation.Domain.Calendar;

namespace OpenProbation.Domain.Contacts;

/// <summary>A tier in force from a date until the next entry of the case's tier timeline.</summary>
/// <param name="From">The first day it applies.</param>
/// <param name="Tier">The tier, e.g. <c>B2</c> or <c>RED</c>; empty when the case was untiered from that day.</param>
public readonly record struct TierPeriod(DateOnly From, string? Tier);

/// <summary>Whether a case meets its contact standard today.</summary>
public enum ComplianceStatus
{
    /// <summary>Nothing is overdue.</summary>
    InStandard = 1,

    /// <summary>At least one reason in <see cref="ComplianceResult.Reasons"/>.</summary>
    OutOfStandard,
}

/// <summary>What puts a case out of standard.</summary>
public enum ComplianceIssue
{
    /// <summary>No contact by the induction deadline.</summary>
    InductionOverdue = 1,

    /// <summary>Longer since the person was last seen than the standard's frequency allows.</summary>
    GapOpen,

    /// <summary>Too few of the recent contacts were face to face.</summary>
    FaceToFaceBelowMinimum,
}

/// <summary>One reason a case is out of standard, with a sentence for the officer and the manager.</summary>
/// <param name="Issue">What is wrong.</param>
/// <param name="Message">In words, e.g. "RED case not seen for 9 days: the standard is every 7 days".</param>
public sealed record ComplianceReason(ComplianceIssue Issue, string Message);

/// <summary>
/// One contact window: consecutive windows of the standard's frequency are laid end to end from the start of supervision,
/// and each expects one held contact. Both dates are inclusive.
/// </summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day: <paramref name="From"/> plus the frequency, less one.</param>
/// <param name="Tier">The tier in force on the first day, which chose the standard.</param>
/// <param name="Standard">The standard in force on the first day; it sets the window's length.</param>
/// <param name="Expected">Contacts expected: one.</param>
/// <param name="Held">Held contacts in the window that count towards its standard.</param>
/// <param name="IsComplete">True when the window ended before today and has been judged; false for the window in progress.</param>
public sealed record ContactPeriod(DateOnly From, DateOnly To, string? Tier, ContactStandard Standard, int Expected, int Held, bool IsComplete)
{
    /// <summary>True when the window had the contacts it expected (an unfinished window can already be met).</summary>
    public bool Met => Held >= Expected;
}

/// <summary>A held contact that counted towards the standard on its day.</summary>
/// <param name="Date">Its date.</param>
/// <param name="Type">Its kind.</param>
public readonly record struct CountedContact(DateOnly Date, AppointmentType Type)
{
    /// <summary>True unless it was a telephone or video call.</summary>
    public bool IsFaceToFace => AppointmentTypes.IsFaceToFace(Type);
}

/// <summary>A case's contact figures over a date range, e.g. a calendar month; see <see cref="ComplianceResult.Summarise"/>.</summary>
/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Expected">Contact windows that ended in the range (and so have been judged): one contact expected for each.</param>
/// <param name="Met">Of those, the windows that had their contact.</param>
/// <param name="Held">Held contacts in the range that counted towards the standard.</param>
/// <param name="FaceToFace">Of those, the face-to-face ones.</param>
public sealed record ComplianceSummary(DateOnly From, DateOnly To, int Expected, int Met, int Held, int FaceToFace);

/// <summary>
/// A case's contact compliance on one day, with the inputs that decided it, so it explains itself: which tier and standard
/// applied, every window and whether it was met, when the person was last seen, the face-to-face share, and each reason the
/// case is out of standard (PRACTICE.md section 7 line 5: the gap is visible the day it opens).
/// </summary>
public sealed class ComplianceResult
{
    internal ComplianceResult(
        DateOnly supervisionStart,
        DateOnly today,
        ContactStandardPolicy policy,
        TierStandard current,
        DateOnly inductionDeadline,
        DateOnly? inductionHeldOn,
        DateOnly? lastSeen,
        IReadOnlyList<ContactPeriod> periods,
        IReadOnlyList<CountedContact> counted,
        DateOnly lookbackFrom,
        int lookbackWeeks)
    {
        SupervisionStart = supervisionStart;
        Today = today;
        Policy = policy;
        Current = current;
        InductionDeadline = inductionDeadline;
        InductionHeldOn = inductionHeldOn;
        LastSeen = lastSeen;
        Periods = periods;
        Counted = counted;
        LookbackFrom = lookbackFrom;
        LookbackWeeks = lookbackWeeks;

        var started = today >= supervisionStart;
        InductionOverdue = started && inductionHeldOn is null && today > inductionDeadline;
        DaysSinceLastSeen = started ? today.DayNumber - (lastSeen ?? supervisionStart).DayNumber : 0;
        GapOpen = DaysSinceLastSeen > current.Standard.FrequencyDays;

        var inLookback = counted.Where(c => c.Date >= lookbackFrom && c.Date <= today).ToList();
        HeldInLookback = inLookback.Count;
        FaceToFaceInLookback = inLookback.Count(c => c.IsFaceToFace);
        FaceToFaceShare = HeldInLookback == 0 ? null : (decimal)FaceToFaceInLookback / HeldInLookback;
        FaceToFaceJudged = HeldInLookback - FaceToFaceInLookback >= ContactCompliance.RemoteContactsBeforeShareJudged;

        var reasons = new List<ComplianceReason>();
        if (InductionOverdue)
        {
            reasons.Add(new(
                ComplianceIssue.InductionOverdue,
                $"Induction overdue: the first appointment was due by {Wording.Date(inductionDeadline)}"));
        }

        if (GapOpen)
        {
            var who = $"{current.Tier ?? "Untiered"} case";
            var every = $"the standard is every {Wording.Count(current.Standard.FrequencyDays, "day", "days")}";
            reasons.Add(new(
                ComplianceIssue.GapOpen,
                lastSeen is null
                    ? $"{who} not seen in the {Wording.Count(DaysSinceLastSeen, "day", "days")} since supervision started: {every}"
                    : $"{who} not seen for {Wording.Count(DaysSinceLastSeen, "day", "days")}: {every}"));
        }

        if (FaceToFaceJudged && !FaceToFaceMet)
        {
            reasons.Add(new(
                ComplianceIssue.FaceToFaceBelowMinimum,
                $"{Percent(FaceToFaceShare!.Value, MidpointRounding.ToZero)} of contacts in the last {LookbackWeeks} weeks were face to face: the standard is at least {Percent(FaceToFaceMinimum, MidpointRounding.ToEven)}"));
        }

        Reasons = reasons;
    }

    /// <summary>The first day of supervision (sentence or release).</summary>
    public DateOnly SupervisionStart { get; }

    /// <summary>The day judged.</summary>
    public DateOnly Today { get; }

    /// <summary>False when supervision starts after today (a licence recorded before release): nothing is due yet.</summary>
    public bool HasStarted => Today >= SupervisionStart;

    /// <summary>The policy in force today.</summary>
    public ContactStandardPolicy Policy { get; }

    /// <summary>Today's tier and the standard it takes, with the policy key that matched.</summary>
    public TierStandard Current { get; }

    /// <summary>Today's tier, trimmed and in capitals; empty when untiered.</summary>
    public string? Tier => Current.Tier;

    /// <summary>Today's standard.</summary>
    public ContactStandard Standard => Current.Standard;

    /// <summary>The first appointment is due by this day: the start plus the standard's induction working days (the standard in force at the start).</summary>
    public DateOnly InductionDeadline { get; }

    /// <summary>The first held contact on or after the start that counted towards the standard, if any by today.</summary>
    public DateOnly? InductionHeldOn { get; }

    /// <summary>True when there has been no such contact and the deadline has passed (on the deadline itself there is still time).</summary>
    public bool InductionOverdue { get; }

    /// <summary>True when the first contact was held, but after the deadline.</summary>
    public bool InductionHeldLate => InductionHeldOn > InductionDeadline;

    /// <summary>The last day the person was seen: the last held contact that counted towards the standard of its day.</summary>
    public DateOnly? LastSeen { get; }

    /// <summary>Days from <see cref="LastSeen"/> to today, or from the start when not yet seen; 0 before the start.</summary>
    public int DaysSinceLastSeen { get; }

    /// <summary>
    /// True when <see cref="DaysSinceLastSeen"/> is more than today's standard's frequency: a weekly case seen 7 days ago is
    /// still in standard, one seen 8 days ago is not.
    /// </summary>
    public bool GapOpen { get; }

    /// <summary>The contact windows from the start to today, oldest first; the last is in progress. Empty before the start.</summary>
    public IReadOnlyList<ContactPeriod> Periods { get; }

    /// <summary>The window in progress, containing today.</summary>
    public ContactPeriod? CurrentPeriod => Periods.Count > 0 ? Periods[^1] : null;

    /// <summary>Every held contact from the start to today that counted towards the standard of its day, oldest first.</summary>
    public IReadOnlyList<CountedContact> Counted { get; }

    /// <summary>The first day of the face-to-face lookback: <see cref="LookbackWeeks"/> weeks back to today, or the start if later.</summary>
    public DateOnly LookbackFrom { get; }

    /// <summary>The length of the face-to-face lookback.</summary>
    public int LookbackWeeks { get; }

    /// <summary>Counted contacts in the lookback.</summary>
    public int HeldInLookback { get; }

    /// <summary>Of those, the face-to-face ones.</summary>
    public int FaceToFaceInLookback { get; }

    /// <summary>Face-to-face contacts as a share, 0 to 1, of the contacts counted in the lookback; empty when there were none.</summary>
    public decimal? FaceToFaceShare { get; }

    /// <summary>Today's standard's minimum share.</summary>
    public decimal FaceToFaceMinimum => Current.Standard.MinimumFaceToFaceShare;

    /// <summary>True when the share is at least the minimum, or there is no share to judge.</summary>
    public bool FaceToFaceMet => FaceToFaceShare is not { } share || share >= FaceToFaceMinimum;

    /// <summary>
    /// True when enough of the lookback's contacts were by telephone or video for the share to be judged
    /// (<see cref="ContactCompliance.RemoteContactsBeforeShareJudged"/>).
    /// </summary>
    public bool FaceToFaceJudged { get; }

    /// <summary>Why the case is out of standard: overdue induction, an open gap, too little face-to-face contact. Empty when in standard.</summary>
    public IReadOnlyList<ComplianceReason> Reasons { get; }

    /// <summary>In or out of standard today.</summary>
    public ComplianceStatus Status => Reasons.Count == 0 ? ComplianceStatus.InStandard : ComplianceStatus.OutOfStandard;

    /// <summary>
    /// The case's figures from <paramref name="from"/> to <paramref name="to"/> (inclusive): the windows that ended in the
    /// range and were judged (a window ending today or later is not yet due), how many were met, and the counted contacts held.
    /// </summary>
    public ComplianceSummary Summarise(DateOnly from, DateOnly to)
    {
        var due = Periods.Where(p => p.IsComplete && p.To >= from && p.To <= to).ToList();
        var held = Counted.Where(c => c.Date >= from && c.Date <= to).ToList();
        return new ComplianceSummary(from, to, due.Count, due.Count(p => p.Met), held.Count, held.Count(c => c.IsFaceToFace));
    }

    private static string Percent(decimal share, MidpointRounding rounding) =>
        string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(share * 100, 0, rounding):0}%");
}

/// <summary>
/// Contact compliance, the pure calculator: given the start of supervision, the tier timeline, the standards, the
/// person's appointments and today, it says whether the case meets its contact standard and why not
/// (PRACTICE.md section 3 and section 7 line 5). The rules:
/// <list type="bullet">
/// <item>Only contacts from the start to today count, and only held ones (<see cref="AppointmentOutcomes.IsHeld"/>):
/// a failure to attend or any absence is not a contact. A contact counts when the standard in force on its day counts its
/// kind (<see cref="ContactStandard.Counts"/>): a telephone call does nothing for a tier whose standard does not let it stand in.</item>
/// <item>The standard on a day is the one the schedule's policy in force that day gives the tier in force that day. Before
/// the first tier entry the case is untiered and gets the policy's fallback.</item>
/// <item>Induction: the first counted contact must be held within the standard's induction working days of the start
/// (<see cref="WorkingCalendar.AddWorkingDays"/>); it is overdue from the day after the deadline.</item>
/// <item>Gap: out of standard when more days have passed since the person was last seen (or since the start) than today's
/// standard's frequency.</item>
/// <item>Windows: frequency-long windows laid end to end from the start, each with the standard of its first day, each
/// expecting one counted contact; a tier change takes effect from the next window.</item>
/// <item>Face to face: over the last <see cref="DefaultLookbackWeeks"/> weeks, the face-to-face share of counted contacts must
/// reach today's standard's minimum. It is judged once at least <see cref="RemoteContactsBeforeShareJudged"/> of those contacts
/// were calls, so a single call never puts a case out of standard, and recording another face-to-face visit can never put a
/// case out of standard (a threshold on all contacts, such as "at least three", would: one visit and one call are not judged,
/// but two visits and one call are two thirds).</item>
/// </list>
/// </summary>
public static class ContactCompliance
{
    /// <summary>The face-to-face share is measured over this many weeks up to today.</summary>
    public const int DefaultLookbackWeeks = 12;

    /// <summary>The face-to-face share is judged once the lookback holds at least this many telephone or video contacts.</summary>
    public const int RemoteContactsBeforeShareJudged = 2;

    /// <summary>Assesses one case on <paramref name="today"/>; see the class summary for the rules.</summary>
    /// <param name="supervisionStart">The first day of supervision: the order's start (sentence, or release for a licence).</param>
    /// <param name="tiers">The tier timeline; an entry applies from its date until the next. Order does not matter; of two entries on one day the later given wins.</param>
    /// <param name="standards">The contact standard policies over time.</param>
    /// <param name="contacts">The person's appointments for this supervision, dated in local time; any outside the start to today are ignored.</param>
    /// <param name="calendar">Working days, for the induction deadline.</param>
    /// <param name="today">The day to judge.</param>
    /// <param name="lookbackWeeks">Weeks of the face-to-face lookback, 1 to 52.</param>
    public static ComplianceResult Assess(
        DateOnly supervisionStart,
        IEnumerable<TierPeriod> tiers,
        ContactStandardSchedule standards,
        IEnumerable<ContactRecord> contacts,
        WorkingCalendar calendar,
        DateOnly today,
        int lookbackWeeks = DefaultLookbackWeeks)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookbackWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lookbackWeeks, 52);

        var timeline = tiers.Select((t, i) => (t, i)).OrderBy(x => x.t.From).ThenBy(x => x.i).Select(x => x.t).ToList();
        // Few distinct policy and tier pairs, many days: each pair is resolved once.
        var resolved = new Dictionary<(ContactStandardPolicy, string), TierStandard>();
        TierStandard StandardOn(DateOnly date)
        {
            var key = (standards.At(date), TierOn(timeline, date) ?? "");
            if (!resolved.TryGetValue(key, out var standard))
            {
                standard = key.Item1.Resolve(key.Item2);
                resolved[key] = standard;
            }

            return standard;
        }

        var counted = contacts
            .Where(c => c.Date >= supervisionStart && c.Date <= today && c.IsHeld)
            .OrderBy(c => c.Date)
            .Where(c => StandardOn(c.Date).Standard.Counts(c.Type))
            .Select(c => new CountedContact(c.Date, c.Type))
            .ToList();

        var atStart = StandardOn(supervisionStart).Standard;
        var deadline = calendar.AddWorkingDays(supervisionStart, atStart.InductionWorkingDays);
        DateOnly? firstHeld = counted.Count > 0 ? counted[0].Date : null;
        DateOnly? lastSeen = counted.Count > 0 ? counted[^1].Date : null;

        var periods = new List<ContactPeriod>();
        var next = 0;
        for (var from = supervisionStart; from <= today;)
        {
            var standard = StandardOn(from);
            var to = from.AddDays(standard.Standard.FrequencyDays - 1);
            var held = 0;
            while (next < counted.Count && counted[next].Date <= to)
            {
                held++;
                next++;
            }

            periods.Add(new ContactPeriod(from, to, standard.Tier, standard.Standard, 1, held, IsComplete: to < today));
            from = to.AddDays(1);
        }

        var current = StandardOn(today < supervisionStart ? supervisionStart : today);
        var lookbackFrom = today.AddDays(1 - (7 * lookbackWeeks));
        return new ComplianceResult(
            supervisionStart,
            today,
            standards.At(today),
            current,
            deadline,
            firstHeld,
            lastSeen,
            periods,
            counted,
            lookbackFrom < supervisionStart ? supervisionStart : lookbackFrom,
            lookbackWeeks);
    }

    private static string? TierOn(List<TierPeriod> timeline, DateOnly date)
    {
        string? tier = null;
        foreach (var entry in timeline)
        {
            if (entry.From > date)
            {
                break;
            }

            tier = entry.Tier;
        }

        return tier;
    }
}

/// <summary>
/// Contact compliance summed over several cases, for an officer's caseload or a team: how many cases are in and out of
/// standard today and why, and the contacts expected and held over a date range.
/// </summary>
/// <param name="From">First day of the range, inclusive.</param>
/// <param name="To">Last day of the range, inclusive.</param>
/// <param name="Cases">Cases counted.</param>
/// <param name="InStandard">Cases in standard on their day judged.</param>
/// <param name="OutOfStandard">Cases out of standard.</param>
/// <param name="InductionOverdue">Cases whose induction is overdue.</param>
/// <param name="GapsOpen">Cases not seen within their frequency.</param>
/// <param name="FaceToFaceBelowMinimum">Cases with too little face-to-face contact.</param>
/// <param name="Expected">Contact windows that ended in the range.</param>
/// <param name="Met">Of those, the ones met.</param>
/// <param name="Held">Counted contacts held in the range.</param>
/// <param name="FaceToFace">Of those, the face-to-face ones.</param>
public sealed record ComplianceRollup(
    DateOnly From,
    DateOnly To,
    int Cases,
    int InStandard,
    int OutOfStandard,
    int InductionOverdue,
    int GapsOpen,
    int FaceToFaceBelowMinimum,
    int Expected,
    int Met,
    int Held,
    int FaceToFace)
{
    /// <summary>Face-to-face contacts as a share of those held in the range; empty when none were.</summary>
    public decimal? FaceToFaceShare => Held == 0 ? null : (decimal)FaceToFace / Held;

    /// <summary>Met windows as a share of those expected; empty when none were.</summary>
    public decimal? MetShare => Expected == 0 ? null : (decimal)Met / Expected;

    /// <summary>Sums the results of several cases over the range <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ComplianceRollup Of(IEnumerable<ComplianceResult> results, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var summaries = list.Select(r => r.Summarise(from, to)).ToList();
        bool Has(ComplianceResult r, ComplianceIssue issue) => r.Reasons.Any(x => x.Issue == issue);
        return new ComplianceRollup(
            from,
            to,
            list.Count,
            list.Count(r => r.Status == ComplianceStatus.InStandard),
            list.Count(r => r.Status == ComplianceStatus.OutOfStandard),
            list.Count(r => Has(r, ComplianceIssue.InductionOverdue)),
            list.Count(r => Has(r, ComplianceIssue.GapOpen)),
            list.Count(r => Has(r, ComplianceIssue.FaceToFaceBelowMinimum)),
            summaries.Sum(s => s.Expected),
            summaries.Sum(s => s.Met),
            summaries.Sum(s => s.Held),
            summaries.Sum(s => s.FaceToFace));
    }
}
