using System.Globalization;
using OpenProbation.Domain.Calendar;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.SentencePlans;

namespace OpenProbation.Web.Features.Contacts;

/// <summary>
/// The contact standards and working calendar in force: which standard each tier has from which day, and the days the
/// organisation's offices are closed beyond weekends and bank holidays. A singleton, read once at start-up
/// (<see cref="ContactConfiguration.Read"/>).
/// </summary>
/// <param name="Schedule">The contact standard policies over time.</param>
/// <param name="Calendar">Working days: weekends, England and Wales bank holidays and the configured closures are not.</param>
/// <param name="Enforcement">The enforcement deadlines and window a failure to comply is decided under.</param>
/// <param name="Plans">When sentence plans are due and how often they are reviewed.</param>
public sealed record ContactPolicies(ContactStandardSchedule Schedule, WorkingCalendar Calendar, EnforcementSettings Enforcement, SentencePlanSettings Plans)
{
    /// <summary>The shipped standards for both tiering policies and no extra closures: what applies without configuration.</summary>
    public static ContactPolicies Defaults { get; } = new(new ContactStandardSchedule([ContactConfiguration.DefaultPolicy]), WorkingCalendar.EnglandAndWales, new EnforcementSettings(),
        new SentencePlanSettings());

    /// <summary>The zone appointments are arranged and dated in.</summary>
    public static TimeZoneInfo Zone => UkTime.Zone;
}

/// <summary>
/// Reads <c>OpenProbation:ContactStandards</c> and <c>OpenProbation:Calendar</c> (docs/configuration.md). Without
/// configuration the shipped standards apply (<see cref="ContactStandardDefaults"/>, PRACTICE.md section 3) for England
/// and Wales tiers and BRAG ratings alike. A configured policy with a <c>From</c> date applies from that day; before the
/// first one the shipped standards still apply, so months already past are judged as they were.
/// </summary>
public static class ContactConfiguration
{
    /// <summary>The contact standards section.</summary>
    public const string StandardsSection = "OpenProbation:ContactStandards";

    /// <summary>The calendar section.</summary>
    public const string CalendarSection = "OpenProbation:Calendar";

    /// <summary>The enforcement section.</summary>
    public const string EnforcementSection = "OpenProbation:Enforcement";

    /// <summary>The sentence plan section.</summary>
    public const string SentencePlansSection = "OpenProbation:SentencePlans";

    private static readonly string[] StandardKeys = ["FrequencyDays", "MinimumFaceToFaceShare", "TelephoneMayStandIn", "InductionWorkingDays"];

    private static readonly string[] PolicyKeys = ["Name", "Version", "From", "Standards", "Fallback"];

    /// <summary>
    /// The shipped standards as one policy: England and Wales tiers by protect letter (A to D) and the four BRAG colours
    /// by name, so a case is judged whichever tiering policy rated it; no tier, or one neither knows, is seen weekly.
    /// </summary>
    public static ContactStandardPolicy DefaultPolicy { get; } = new(
        "England and Wales tiers and BRAG ratings",
        1,
        ContactStandardDefaults.EffectiveFrom,
        ContactStandardDefaults.EnglandAndWales.Standards.Concat(ContactStandardDefaults.Brag.Standards),
        ContactStandardDefaults.Weekly);

    /// <summary>Builds the policies; throws with a message naming the setting when the configuration is wrong, so the app does not start on it.</summary>
    public static ContactPolicies Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ContactPolicies(
            ReadSchedule(configuration.GetSection(StandardsSection)), ReadCalendar(configuration.GetSection(CalendarSection)),
            ReadEnforcement(configuration.GetSection(EnforcementSection)), ReadSentencePlans(configuration.GetSection(SentencePlansSection)));
    }

    private static ContactStandardSchedule ReadSchedule(IConfigurationSection section)
    {
        var policies = new List<ContactStandardPolicy>();
        foreach (var entry in section.GetSection("Schedule").GetChildren())
        {
            policies.Add(ReadPolicy(entry, $"{StandardsSection}:Schedule:{entry.Key}"));
        }

        foreach (var unknown in section.GetChildren().Where(c => c.Key != "Schedule"))
        {
            throw new InvalidOperationException($"{StandardsSection}:{unknown.Key} is not a setting; list the policies under {StandardsSection}:Schedule.");
        }

        if (policies.Count == 0)
        {
            return ContactPolicies.Defaults.Schedule;
        }

        // Before the first configured policy the shipped standards applied, unless one is configured for all time.
        if (policies.TrueForAll(p => p.EffectiveFrom != DateOnly.MinValue))
        {
            policies.Insert(0, DefaultPolicy);
        }

        var errors = ContactStandardSchedule.Validate(policies);
        if (!errors.IsValid)
        {
            throw new InvalidOperationException($"{StandardsSection}:Schedule: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}.");
        }

        return new ContactStandardSchedule(policies);
    }

    private static ContactStandardPolicy ReadPolicy(IConfigurationSection entry, string path)
    {
        RefuseUnknown(entry, path, PolicyKeys);
        var name = string.IsNullOrWhiteSpace(entry["Name"]) ? "Local contact standards" : entry["Name"]!;
        var version = 1;
        if (entry["Version"] is { } versionText
            && (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1))
        {
            throw new InvalidOperationException($"{path}:Version is '{versionText}'; use a whole number from 1.");
        }

        var from = DateOnly.MinValue;
        if (entry["From"] is { } fromText && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            throw new InvalidOperationException($"{path}:From is '{fromText}'; write the date as yyyy-MM-dd.");
        }

        var standards = new List<KeyValuePair<string, ContactStandard>>();
        foreach (var tier in entry.GetSection("Standards").GetChildren())
        {
            standards.Add(new(tier.Key, ReadStandard(tier, $"{path}:Standards:{tier.Key}")));
        }

        if (standards.Count == 0)
        {
            throw new InvalidOperationException($"{path}:Standards is empty; give a standard for each tier or protect letter (A, B, RED…).");
        }

        var fallbackSection = entry.GetSection("Fallback");
        var fallback = fallbackSection.Exists() ? ReadStandard(fallbackSection, $"{path}:Fallback") : ContactStandardDefaults.Weekly;
        try
        {
            return new ContactStandardPolicy(name, version, from, standards, fallback);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{path}:Standards: {FirstSentence(e.Message)}.", e);
        }
    }

    private static ContactStandard ReadStandard(IConfigurationSection section, string path)
    {
        RefuseUnknown(section, path, StandardKeys);
        var frequency = Whole(section, path, "FrequencyDays", required: true, 1, ContactStandard.MaxFrequencyDays);
        var share = section["MinimumFaceToFaceShare"] is { } shareText
            ? decimal.TryParse(shareText, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) && s is >= 0m and <= 1m
                ? s
                : throw new InvalidOperationException($"{path}:MinimumFaceToFaceShare is '{shareText}'; use a share from 0 to 1, such as 0.75.")
            : throw new InvalidOperationException($"{path}:MinimumFaceToFaceShare is missing; give the least share of contacts that are face to face, from 0 to 1.");
        var telephone = section["TelephoneMayStandIn"] is { } telephoneText
            ? bool.TryParse(telephoneText, out var t)
                ? t
                : throw new InvalidOperationException($"{path}:TelephoneMayStandIn is '{telephoneText}'; use true or false.")
            : throw new InvalidOperationException($"{path}:TelephoneMayStandIn is missing; say whether a call counts as a contact (true or false).");
        var induction = Whole(section, path, "InductionWorkingDays", required: false, 0, ContactStandard.MaxInductionWorkingDays)
            ?? ContactStandard.DefaultInductionWorkingDays;
        return new ContactStandard(frequency!.Value, share, telephone, induction);
    }

    private static int? Whole(IConfigurationSection section, string path, string key, bool required, int least, int most)
    {
        if (section[key] is not { } text)
        {
            return required ? throw new InvalidOperationException($"{path}:{key} is missing; use a whole number from {least} to {most}.") : null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most
            ? value
            : throw new InvalidOperationException($"{path}:{key} is '{text}'; use a whole number from {least} to {most}.");
    }

    private static void RefuseUnknown(IConfigurationSection section, string path, string[] known)
    {
        if (section.GetChildren().FirstOrDefault(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new InvalidOperationException($"{path}:{unknown.Key} is not a setting; use {string.Join(", ", known)}.");
        }
    }

    private static WorkingCalendar ReadCalendar(IConfigurationSection section)
    {
        var days = new List<DateOnly>();
        foreach (var day in section.GetSection("ExtraNonWorkingDays").GetChildren())
        {
            if (!DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidOperationException($"{CalendarSection}:ExtraNonWorkingDays:{day.Key} is '{day.Value}'; write the date as yyyy-MM-dd.");
            }

            days.Add(date);
        }

        foreach (var unknown in section.GetChildren().Where(c => c.Key != "ExtraNonWorkingDays"))
        {
            throw new InvalidOperationException($"{CalendarSection}:{unknown.Key} is not a setting; use {CalendarSection}:ExtraNonWorkingDays.");
        }

        return days.Count == 0 ? WorkingCalendar.EnglandAndWales : new WorkingCalendar(days);
    }

    private static EnforcementSettings ReadEnforcement(IConfigurationSection section) => ReadWholeNumbers(section, EnforcementSection, new EnforcementSettings(),
        [
            (nameof(EnforcementSettings.DecisionWorkingDays), (s, v) => s with { DecisionWorkingDays = v }),
            (nameof(EnforcementSettings.ExcuseDays), (s, v) => s with { ExcuseDays = v }),
            (nameof(EnforcementSettings.WarningWindowMonths), (s, v) => s with { WarningWindowMonths = v }),
            (nameof(EnforcementSettings.BreachWorkingDays), (s, v) => s with { BreachWorkingDays = v }),
            (nameof(EnforcementSettings.MinimumReasonLength), (s, v) => s with { MinimumReasonLength = v }),
        ],
        s => s.Validate());

    private static SentencePlanSettings ReadSentencePlans(IConfigurationSection section) => ReadWholeNumbers(section, SentencePlansSection, new SentencePlanSettings(),
        [
            (nameof(SentencePlanSettings.DueWorkingDays), (s, v) => s with { DueWorkingDays = v }),
            (nameof(SentencePlanSettings.ReviewWeeks), (s, v) => s with { ReviewWeeks = v }),
        ],
        s => s.Validate());

    // A section of whole-number settings: each key known, each value a whole number, the whole checked by its rules.
    /// <summary>The delivery section.</summary>
    public const string DeliverySection = "OpenProbation:Delivery";

    /// <summary>Reads <c>OpenProbation:Delivery</c>: requirements against the clock and commencement targets; throws naming a wrong key.</summary>
    public static DeliverySettings ReadDelivery(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReadWholeNumbers(configuration.GetSection(DeliverySection), DeliverySection, new DeliverySettings(),
        [
            (nameof(DeliverySettings.WarningWeeks), (s, v) => s with { WarningWeeks = v }),
            (nameof(DeliverySettings.UnpaidWorkHoursPerWeek), (s, v) => s with { UnpaidWorkHoursPerWeek = v }),
            (nameof(DeliverySettings.RarDaysPerWeek), (s, v) => s with { RarDaysPerWeek = v }),
            (nameof(DeliverySettings.ProgrammeSessionsPerWeek), (s, v) => s with { ProgrammeSessionsPerWeek = v }),
            (nameof(DeliverySettings.StandardCommencementDays), (s, v) => s with { StandardCommencementDays = v }),
            (nameof(DeliverySettings.SpecialistCommencementMonths), (s, v) => s with { SpecialistCommencementMonths = v }),
        ],
        s => s.Validate());
    }

    private static T ReadWholeNumbers<T>(
        IConfigurationSection section, string sectionName, T settings, IReadOnlyList<(string Key, Func<T, int, T> Set)> keys, Func<T, ValidationErrors> validate)
    {
        foreach (var setting in section.GetChildren())
        {
            var path = $"{sectionName}:{setting.Key}";
            if (!int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidOperationException($"{path} is '{setting.Value}'; use a whole number.");
            }

            var known = keys.FirstOrDefault(k => k.Key == setting.Key);
            if (known.Set is null)
            {
                var names = keys.Select(k => k.Key).ToList();
                throw new InvalidOperationException($"{path} is not a setting; use {string.Join(", ", names[..^1])} or {names[^1]}.");
            }

            settings = known.Set(settings, value);
        }

        var errors = validate(settings);
        return errors.IsValid ? settings : throw new InvalidOperationException(string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m)) + ".");
    }

    // ArgumentException appends " (Parameter 'standards')".
    private static string FirstSentence(string message) =>
        message.IndexOf(" (Parameter", StringComparison.Ordinal) is var i and >= 0 ? message[..i] : message;
}
