using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenProbation.Domain.Contacts;

namespace OpenProbation.Domain.Tests.Contacts;

/// <summary>
/// Invariants of contact compliance over generated cases (ContactCompliance doc comment): the windows partition the
/// days of supervision exactly; a contact held can only help; a missed appointment changes nothing; a judged window
/// stays judged; figures add up across ranges and cases (PRACTICE.md section 7 line 5).
/// </summary>
public class ContactCompliancePropertyTests
{
    private const int Runs = 200;

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property The_windows_cover_every_day_from_the_start_to_today_once_and_only_the_last_is_in_progress(ComplianceCase c)
    {
        var periods = c.Assess().Periods;
        if (c.Today < c.Start)
        {
            return (periods.Count == 0).Label($"no windows before the start: {c}");
        }

        var contiguous = periods.Zip(periods.Skip(1)).All(p => p.Second.From == p.First.To.AddDays(1));
        var covered = periods.Sum(p => Math.Min(p.To.DayNumber, c.Today.DayNumber) - p.From.DayNumber + 1);
        var lengths = periods.All(p => p.To.DayNumber - p.From.DayNumber + 1 == p.Standard.FrequencyDays);
        var judged = periods.Take(periods.Count - 1).All(p => p.IsComplete) && !periods[^1].IsComplete;

        return (periods[0].From == c.Start && contiguous && lengths && judged
                && periods[^1].From <= c.Today && c.Today <= periods[^1].To
                && covered == c.Today.DayNumber - c.Start.DayNumber + 1)
            .Label(c.ToString());
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property Each_counted_contact_falls_in_exactly_one_window_and_each_window_expects_one(ComplianceCase c)
    {
        var result = c.Assess();

        return (result.Periods.Sum(p => p.Held) == result.Counted.Count
                && result.Periods.All(p => p.Expected == 1 && p.Held == result.Counted.Count(x => x.Date >= p.From && x.Date <= p.To))
                && result.Counted.All(x => x.Date >= c.Start && x.Date <= c.Today))
            .Label(c.ToString());
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property The_gap_is_open_exactly_when_the_days_since_last_seen_exceed_today_s_frequency(ComplianceCase c)
    {
        var result = c.Assess();
        var since = result.HasStarted ? c.Today.DayNumber - (result.LastSeen ?? c.Start).DayNumber : 0;

        return (result.DaysSinceLastSeen == since
                && result.GapOpen == (since > result.Standard.FrequencyDays)
                && result.GapOpen == result.Reasons.Any(r => r.Issue == ComplianceIssue.GapOpen)
                && (result.Status == ComplianceStatus.InStandard) == (result.Reasons.Count == 0))
            .Label($"{c}: {since} days, every {result.Standard.FrequencyDays}");
    }

    // Whatever the kind: a held contact counts or it does not, and either way the case cannot be seen as less often.
    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property A_held_contact_never_opens_a_gap_never_makes_induction_overdue_and_never_unmeets_a_window(CaseAndContact probe)
    {
        var before = probe.Case.Assess();
        var after = probe.Case.Assess([probe.Extra]);

        return ((!after.GapOpen || before.GapOpen)
                && (!after.InductionOverdue || before.InductionOverdue)
                && after.DaysSinceLastSeen <= before.DaysSinceLastSeen
                && after.Periods.Count == before.Periods.Count
                && after.Periods.Zip(before.Periods).All(p => p.First.Held >= p.Second.Held && (p.First.Met || !p.Second.Met)))
            .Label(probe.ToString());
    }

    // A call may lower the face-to-face share, which is what the share is for; a visit can only help.
    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property A_face_to_face_visit_never_makes_a_case_less_compliant(CaseAndContact probe)
    {
        var visit = probe.Extra with { Type = AppointmentType.OfficeInterview };
        var before = probe.Case.Assess();
        var after = probe.Case.Assess([visit]);
        var issuesBefore = before.Reasons.Select(r => r.Issue).ToHashSet();

        return ((before.Status == ComplianceStatus.OutOfStandard || after.Status == ComplianceStatus.InStandard)
                && after.Reasons.All(r => issuesBefore.Contains(r.Issue))
                && (before.FaceToFaceShare is not { } was || after.FaceToFaceShare >= was)
                && after.Periods.Count(p => p.IsComplete && p.Met) >= before.Periods.Count(p => p.IsComplete && p.Met))
            .Label($"{probe}: before [{string.Join("; ", before.Reasons.Select(r => r.Message))}], after [{string.Join("; ", after.Reasons.Select(r => r.Message))}]");
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property An_appointment_not_attended_changes_nothing(CaseAndContact probe, bool withoutOutcome)
    {
        var missed = probe.Extra with { Outcome = withoutOutcome ? null : AppointmentOutcome.UnacceptableAbsence };
        var before = probe.Case.Assess();
        var after = probe.Case.Assess([missed, missed with { Outcome = AppointmentOutcome.FailedToAttend }]);

        return (after.Periods.SequenceEqual(before.Periods)
                && after.Counted.SequenceEqual(before.Counted)
                && after.Reasons.SequenceEqual(before.Reasons)
                && after.LastSeen == before.LastSeen
                && after.FaceToFaceShare == before.FaceToFaceShare)
            .Label(probe.ToString());
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property A_window_once_judged_is_judged_the_same_way_on_every_later_day(ComplianceCase c, PositiveInt days)
    {
        var later = c.Today.AddDays(days.Get % 120);
        var judgedNow = c.Assess().Periods.Where(p => p.IsComplete).ToList();
        var judgedLater = c.Assess(today: later).Periods.Take(judgedNow.Count);

        return judgedLater.SequenceEqual(judgedNow).Label($"{c}; later {later:yyyy-MM-dd}");
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = Runs)]
    public Property Summaries_of_adjoining_ranges_add_up_to_the_summary_of_the_whole(ComplianceCase c, NonNegativeInt split)
    {
        var result = c.Assess();
        var from = c.Start.AddDays(-3);
        var to = c.Today.AddDays(3);
        var middle = from.AddDays(split.Get % (to.DayNumber - from.DayNumber + 1));
        var whole = result.Summarise(from, to);
        var first = result.Summarise(from, middle);
        var second = result.Summarise(middle.AddDays(1), to);

        return (whole.Expected == first.Expected + second.Expected
                && whole.Met == first.Met + second.Met
                && whole.Held == first.Held + second.Held
                && whole.FaceToFace == first.FaceToFace + second.FaceToFace
                && whole.Expected == result.Periods.Count(p => p.IsComplete)
                && whole.Held == result.Counted.Count)
            .Label($"{c}; split after {middle:yyyy-MM-dd}");
    }

    [Property(Arbitrary = [typeof(ContactArbitraries)], MaxTest = 50)]
    public Property A_rollup_counts_every_case_once_and_adds_up_their_summaries(ComplianceCase[] cases)
    {
        var results = cases.Select(c => c.Assess()).ToList();
        var (from, to) = (new DateOnly(2000, 1, 1), new DateOnly(2102, 12, 31));
        var rollup = ComplianceRollup.Of(results, from, to);
        var summaries = results.Select(r => r.Summarise(from, to)).ToList();

        return (rollup.Cases == cases.Length
                && rollup.InStandard + rollup.OutOfStandard == cases.Length
                && rollup.OutOfStandard == results.Count(r => r.Reasons.Count > 0)
                && rollup.Expected == summaries.Sum(s => s.Expected)
                && rollup.Met == summaries.Sum(s => s.Met)
                && rollup.Held == summaries.Sum(s => s.Held)
                && rollup.FaceToFace == summaries.Sum(s => s.FaceToFace))
            .Label($"{cases.Length} cases");
    }
}
