using System.Globalization;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Contacts;

/// <summary>
/// How often, and how, a person on one tier must be seen (PRACTICE.md section 3: a standard states the frequency and the
/// share that is face to face). Checked when built: a standard that cannot be met, or that asks for nothing, is refused.
/// </summary>
public sealed record ContactStandard
{
    /// <summary>The induction deadline when none is given: the first appointment within 5 working days of sentence or release.</summary>
    public const int DefaultInductionWorkingDays = 5;

    /// <summary>The longest gap a standard may allow between contacts: a quarter of a year.</summary>
    public const int MaxFrequencyDays = 91;

    /// <summary>The longest induction deadline a standard may allow, in working days (about six weeks).</summary>
    public const int MaxInductionWorkingDays = 30;

    /// <summary>A standard; see the properties for what each value means and the ranges allowed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public ContactStandard(
        int frequencyDays, decimal minimumFaceToFaceShare, bool telephoneMayStandIn, int inductionWorkingDays = DefaultInductionWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencyDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyDays, MaxFrequencyDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumFaceToFaceShare, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumFaceToFaceShare, 1m);
        ArgumentOutOfRangeException.ThrowIfLessThan(inductionWorkingDays, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inductionWorkingDays, MaxInductionWorkingDays);
        FrequencyDays = frequencyDays;
        MinimumFaceToFaceShare = minimumFaceToFaceShare;
        TelephoneMayStandIn = telephoneMayStandIn;
        InductionWorkingDays = inductionWorkingDays;
    }

    /// <summary>
    /// One contact at least every this many days (7 is weekly): the days since the person was last seen may be at most
    /// this; one more and the case is out of standard.
    /// </summary>
    public int FrequencyDays { get; }

    /// <summary>
    /// The least share, 0 to 1, of the contacts held over the lookback that must be face to face; 1 means every one.
    /// </summary>
    public decimal MinimumFaceToFaceShare { get; }

    /// <summary>Whether a telephone or video call counts as a contact. When it may not, such calls are recorded but count for nothing.</summary>
    public bool TelephoneMayStandIn { get; }

    /// <summary>The first appointment must be held within this many working days of the start of supervision (0 is the same day).</summary>
    public int InductionWorkingDays { get; }

    /// <summary>
    /// True when a held appointment of this kind counts towards the standard: an offender-management contact
    /// (<see cref="AppointmentTypes.CountsTowardsContactStandard"/>), and face to face unless telephone may stand in.
    /// </summary>
    public bool Counts(AppointmentType type) =>
        AppointmentTypes.CountsTowardsContactStandard(type) && (TelephoneMayStandIn || AppointmentTypes.IsFaceToFace(type));
}

/// <summary>The standard that applies to a tier, and why.</summary>
/// <param name="Tier">The tier asked about, trimmed and in capitals; empty when the case has none.</param>
/// <param name="Pattern">The policy's key that matched (the tier itself, or its letter); empty when the fallback applied.</param>
/// <param name="Standard">The standard.</param>
public sealed record TierStandard(string? Tier, string? Pattern, ContactStandard Standard)
{
    /// <summary>True when no key matched and the policy's fallback applied.</summary>
    public bool IsFallback => Pattern is null;
}

/// <summary>
/// A named, versioned set of contact standards keyed by tier, in force from a date. A key is either a whole tier
/// (<c>B3</c>, <c>RED</c>) or a single protect-level letter (<c>B</c>), which matches that letter on its own or followed
/// only by digits (<c>B</c>, <c>B0</c>, <c>B3</c>), so change level 0 tiers inherit their letter's standard. A whole-tier
/// key wins over a letter. A letter never matches a word: under a letter-keyed policy <c>BLUE</c> is not a B case.
/// Any other tier, or none, gets <see cref="Fallback"/>.
/// </summary>
public sealed class ContactStandardPolicy
{
    private readonly Dictionary<string, ContactStandard> _standards;

    /// <summary>A policy. Keys are trimmed and compared in capitals.</summary>
    /// <exception cref="ArgumentException">The name is blank, the version below 1, a key blank or not letters and digits, or two keys the same.</exception>
    public ContactStandardPolicy(
        string name, int version, DateOnly effectiveFrom, IEnumerable<KeyValuePair<string, ContactStandard>> standards, ContactStandard fallback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(standards);
        ArgumentNullException.ThrowIfNull(fallback);
        _standards = new Dictionary<string, ContactStandard>(StringComparer.Ordinal);
        foreach (var (key, standard) in standards)
        {
            ArgumentNullException.ThrowIfNull(standard);
            var tier = NormaliseTier(key);
            if (tier is null || !tier.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"A tier key must be letters and digits, not '{key}'", nameof(standards));
            }

            if (!_standards.TryAdd(tier, standard))
            {
                throw new ArgumentException($"The tier key '{tier}' is given twice", nameof(standards));
            }
        }

        Name = name.Trim();
        Version = version;
        EffectiveFrom = effectiveFrom;
        Fallback = fallback;
    }

    /// <summary>The policy's name, e.g. "England and Wales tiers".</summary>
    public string Name { get; }

    /// <summary>Its version: a changed standard is a new version, so a past figure can be reproduced.</summary>
    public int Version { get; }

    /// <summary>The first day it applies.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>The standards by key (in capitals).</summary>
    public IReadOnlyDictionary<string, ContactStandard> Standards => _standards;

    /// <summary>The standard for a tier no key matches, or for a case with no tier yet.</summary>
    public ContactStandard Fallback { get; }

    /// <summary>The policy's name and version, e.g. "England and Wales tiers, version 1".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{Name}, version {Version}");

    /// <summary>The standard for <paramref name="tier"/> (see the class summary for how keys match).</summary>
    public ContactStandard For(string? tier) => Resolve(tier).Standard;

    /// <summary>The standard for <paramref name="tier"/> with the key that matched, so a result can say which rule applied.</summary>
    public TierStandard Resolve(string? tier)
    {
        var normalised = NormaliseTier(tier);
        if (normalised is null)
        {
            return new TierStandard(null, null, Fallback);
        }

        if (_standards.TryGetValue(normalised, out var exact))
        {
            return new TierStandard(normalised, normalised, exact);
        }

        var letter = normalised[..1];
        if (char.IsAsciiLetter(normalised[0]) && normalised.Skip(1).All(char.IsAsciiDigit) && _standards.TryGetValue(letter, out var byLetter))
        {
            return new TierStandard(normalised, letter, byLetter);
        }

        return new TierStandard(normalised, null, Fallback);
    }

    /// <summary>A tier as compared: trimmed and in capitals, or empty when blank.</summary>
    public static string? NormaliseTier(string? tier) =>
        string.IsNullOrWhiteSpace(tier) ? null : tier.Trim().ToUpperInvariant();
}

/// <summary>
/// The contact standard policies an organisation has used, each in force from its date until the next one's, so a case
/// is judged on each day by the standard that applied then.
/// </summary>
public sealed class ContactStandardSchedule
{
    /// <summary>A schedule; see <see cref="Validate"/> for what is refused.</summary>
    /// <exception cref="ArgumentException">The policies break a rule of <see cref="Validate"/>.</exception>
    public ContactStandardSchedule(IEnumerable<ContactStandardPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToList();
        var errors = Validate(list);
        if (!errors.IsValid)
        {
            throw new ArgumentException(string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value)), nameof(policies));
        }

        Policies = [.. list.OrderBy(p => p.EffectiveFrom)];
    }

    /// <summary>The policies, oldest first.</summary>
    public IReadOnlyList<ContactStandardPolicy> Policies { get; }

    /// <summary>
    /// Checks a set of policies: there is at least one, and no two start on the same day (one day, one standard). Keys are
    /// <c>policies</c> and <c>effectiveFrom</c>.
    /// </summary>
    public static ValidationErrors Validate(IEnumerable<ContactStandardPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new ValidationErrors();
        var list = policies.ToList();
        if (list.Count == 0)
        {
            errors.Add("policies", "Add at least one contact standard policy");
        }

        foreach (var clash in list.GroupBy(p => p.EffectiveFrom).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            errors.Add(
                "effectiveFrom",
                $"Each policy must start on a different day: {string.Join(" and ", clash.Select(p => p.Label))} {(clash.Count() == 2 ? "both" : "all")} start on {clash.Key:d MMMM yyyy}");
        }

        return errors;
    }

    /// <summary>
    /// The policy in force on <paramref name="date"/>: the latest to start on or before it. A date before every policy gets
    /// the earliest, so a case supervised since before any standard was recorded is judged by the first one rather than none.
    /// </summary>
    public ContactStandardPolicy At(DateOnly date)
    {
        var inForce = Policies[0];
        foreach (var policy in Policies)
        {
            if (policy.EffectiveFrom > date)
            {
                break;
            }

            inForce = policy;
        }

        return inForce;
    }

    /// <summary>The standard for <paramref name="tier"/> under the policy in force on <paramref name="date"/>.</summary>
    public ContactStandard For(DateOnly date, string? tier) => At(date).For(tier);
}
