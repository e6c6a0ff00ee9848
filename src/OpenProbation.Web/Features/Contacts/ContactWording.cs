using System.Globalization;
using OpenProbation.Domain.Contacts;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>How the contact pages name appointments, outcomes, times and standards: the words staff use, in London time.</summary>
public static class ContactWording
{
    private static readonly CultureInfo Uk = CultureInfo.InvariantCulture;

    /// <summary>"Office interview", "Telephone contact".</summary>
    public static string Type(AppointmentType type) => Capital(AppointmentTypes.Describe(type));

    /// <summary>"Attended and complied", "Acceptable absence".</summary>
    public static string Outcome(AppointmentOutcome outcome) => Capital(AppointmentOutcomes.Describe(outcome));

    /// <summary>The London wall-clock time, "14:30".</summary>
    public static string Time(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ContactPolicies.Zone).ToString("HH:mm", Uk);

    /// <summary>"Mon 23 Nov 2026 at 14:30", in London time.</summary>
    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ContactPolicies.Zone).ToString("ddd d MMM yyyy 'at' HH:mm", Uk);

    /// <summary>"Monday 23 November 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Uk);

    /// <summary>"1 hour 30 minutes".</summary>
    public static string Duration(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        var h = hours == 0 ? "" : hours == 1 ? "1 hour" : $"{hours} hours";
        var m = rest == 0 ? "" : rest == 1 ? "1 minute" : $"{rest} minutes";
        return string.Join(' ', new[] { h, m }.Where(s => s.Length > 0));
    }

    /// <summary>The standard in words: "Tier A2: at least every 7 days, all face to face".</summary>
    public static string Standard(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var who = result.Tier is { } tier ? $"Tier {tier}" : "Not yet tiered";
        var standard = result.Standard;
        var every = standard.FrequencyDays == 1 ? "every day" : $"every {standard.FrequencyDays} days";
        var share = standard.MinimumFaceToFaceShare switch
        {
            1m => "all face to face",
            0m => "by any means",
            0.5m => "at least half face to face",
            var s when Math.Abs(s - (1m / 3m)) < 0.001m => "at least one in three face to face",
            var s => $"at least {Percent(s)} face to face",
        };
        var calls = standard.TelephoneMayStandIn || standard.MinimumFaceToFaceShare == 1m ? "" : "; calls do not count";
        return $"{who}: at least {every}, {share}{calls}";
    }

    /// <summary>The short tags for a caseload row: "Out of standard: not seen for 9 days", "Induction overdue".</summary>
    public static IReadOnlyList<string> Tags(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = new List<string>();
        foreach (var reason in result.Reasons)
        {
            tags.Add(reason.Issue switch
            {
                ComplianceIssue.InductionOverdue => "Induction overdue",
                ComplianceIssue.GapOpen => result.LastSeen is null
                    ? $"Out of standard: not seen in {Days(result.DaysSinceLastSeen)}"
                    : $"Out of standard: not seen for {Days(result.DaysSinceLastSeen)}",
                ComplianceIssue.FaceToFaceBelowMinimum => "Out of standard: too little face to face",
                _ => "Out of standard",
            });
        }

        return tags;
    }

    /// <summary>"75%".</summary>
    public static string Percent(decimal share) => (share * 100m).ToString("0", Uk) + "%";

    /// <summary>"1 day", "9 days".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : string.Create(Uk, $"{days} days");

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
