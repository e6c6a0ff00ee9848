using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Rar;

/// <summary>How intensive a RAR the guideline proposes.</summary>
public enum RarIntensity
{
    /// <summary>OGRS under 25%: a RAR only in exceptional circumstances.</summary>
    ExceptionalOnly = 1,

    /// <summary>Low: 1 to 15 days.</summary>
    Low,

    /// <summary>Medium: 15 to 25 days.</summary>
    Medium,

    /// <summary>High: 25 to 60 days.</summary>
    High,
}

/// <summary>One band of the proposal guideline.</summary>
/// <param name="FromPercent">Lowest OGRS score in the band (inclusive).</param>
/// <param name="ToPercent">Highest OGRS score in the band (inclusive).</param>
/// <param name="AverageNeeds">The average number of needs of people in the band, as the guidance gives it.</param>
/// <param name="Intensity">The intensity.</param>
/// <param name="MinimumDays">The fewest guideline days; empty for the exceptional-only band.</param>
/// <param name="MaximumDays">The most guideline days; empty for the exceptional-only band.</param>
public sealed record RarGuidelineBand(int FromPercent, int ToPercent, decimal AverageNeeds, RarIntensity Intensity, int? MinimumDays, int? MaximumDays);

/// <summary>What the guideline says for a proposal, and whether the author must give a reason.</summary>
/// <param name="Band">The band of the OGRS score; empty for a sexual offence, which OGRS does not predict.</param>
/// <param name="NeedsReason">True when the proposal rests on the author's reasons: a sexual offence, or OGRS under 25%.</param>
/// <param name="Words">The guideline in words for the proposal screen.</param>
public sealed record RarGuideline(RarGuidelineBand? Band, bool NeedsReason, string Words);

/// <summary>
/// The court proposal helper for RAR days (PRACTICE.md section 2, table from the MoJ RAR guidance): guideline days by
/// OGRS band. OGRS is not a predictor of sexual reoffending, so for sexual offences the proposal needs a reason; so does
/// any proposal for OGRS under 25%, where a RAR is for exceptional circumstances only.
/// </summary>
public static class RarProposal
{
    /// <summary>The guideline bands, lowest OGRS first.</summary>
    public static IReadOnlyList<RarGuidelineBand> Bands { get; } =
    [
        new(0, 24, 2.4m, RarIntensity.ExceptionalOnly, null, null),
        new(25, 49, 3.2m, RarIntensity.Low, 1, 15),
        new(50, 74, 4.4m, RarIntensity.Medium, 15, 25),
        new(75, 90, 4.4m, RarIntensity.High, 25, 60),
        new(91, 100, 6.2m, RarIntensity.High, 25, 60),
    ];

    /// <summary>The shortest reason a proposal may carry, in characters.</summary>
    public const int MinimumReasonLength = 20;

    /// <summary>The guideline for an OGRS score (0–100) and offence.</summary>
    public static RarGuideline For(int ogrsPercent, bool sexualOffence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ogrsPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ogrsPercent, 100);
        if (sexualOffence)
        {
            return new RarGuideline(null, true,
                "OGRS does not predict sexual reoffending: base the proposal on other factors and record the reason for the days proposed.");
        }

        var band = Bands.Single(b => ogrsPercent >= b.FromPercent && ogrsPercent <= b.ToPercent);
        return band.MinimumDays is { } min && band.MaximumDays is { } max
            ? new RarGuideline(band, false, $"OGRS {ogrsPercent}%: {Describe(band.Intensity)} intensity, {min} to {max} days (average needs {band.AverageNeeds}).")
            : new RarGuideline(band, true,
                $"OGRS {ogrsPercent}% is under 25%: a RAR is proposed only in exceptional circumstances, and the reason must be recorded.");
    }

    /// <summary>
    /// Checks proposed days against the guideline: within 1 to 60, and a reason when the guideline asks for one or the
    /// days fall outside the band. Returns field errors keyed <c>days</c> and <c>reason</c>.
    /// </summary>
    public static ValidationErrors Check(RarGuideline guideline, int? days, string? reason)
    {
        ArgumentNullException.ThrowIfNull(guideline);
        var errors = new ValidationErrors();
        if (days is null)
        {
            errors.Add("days", "Enter the number of RAR days proposed");
        }
        else if (days is < 1 or > 60)
        {
            errors.Add("days", "Propose from 1 to 60 RAR days");
        }

        var outside = days is { } d and >= 1 and <= 60 && guideline.Band is { MinimumDays: { } min, MaximumDays: { } max } && (d < min || d > max);
        if ((guideline.NeedsReason || outside) && (reason is null || reason.Trim().Length < MinimumReasonLength))
        {
            errors.Add("reason", guideline.NeedsReason
                ? $"Give the reason for proposing a RAR here, in at least {MinimumReasonLength} characters"
                : $"The days proposed are outside the guideline of {guideline.Band!.MinimumDays} to {guideline.Band.MaximumDays}: give the reason, in at least {MinimumReasonLength} characters");
        }

        return errors;
    }

    /// <summary>The intensity in words.</summary>
    public static string Describe(RarIntensity intensity) => intensity switch
    {
        RarIntensity.ExceptionalOnly => "exceptional circumstances only",
        RarIntensity.Low => "low",
        RarIntensity.Medium => "medium",
        RarIntensity.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(intensity), intensity, "Unknown RAR intensity"),
    };
}
