using System.Globalization;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tiering;

/// <summary>The parts of the working both shipped policies share.</summary>
internal static class TierWorking
{
    private const string Lower = "the lower of RSR and ROSH is not counted";

    /// <summary>
    /// Adds the RSR and ROSH lines and returns the higher of their points: only that one counts, and ROSH counts on
    /// a tie. The lower is shown, marked as not counted, so the working explains itself.
    /// </summary>
    public static int HigherOfRsrAndRosh(
        TieringInputs inputs, List<TierWorkingLine> working, (decimal From, int Points) rsrMedium, (decimal From, int Points) rsrHigh,
        int roshMedium, int roshHigh, int roshVeryHigh)
    {
        var rsr = inputs.RsrPercent switch
        {
            null => 0,
            var r when r >= rsrHigh.From => rsrHigh.Points,
            var r when r >= rsrMedium.From => rsrMedium.Points,
            _ => 0,
        };
        var rosh = inputs.Rosh switch
        {
            RoshLevel.Medium => roshMedium,
            RoshLevel.High => roshHigh,
            RoshLevel.VeryHigh => roshVeryHigh,
            _ => 0,
        };
        var rsrCounts = rsr > rosh;
        working.Add(new TierWorkingLine(
            inputs.RsrPercent is { } pct ? $"RSR {pct.ToString("0.00", CultureInfo.InvariantCulture)}%" : "RSR: none recorded",
            rsr, TierAxis.Protect, rsrCounts, rsrCounts ? null : Lower));
        working.Add(new TierWorkingLine(
            inputs.Rosh is { } level ? $"ROSH: {RoshLevels.Label(level).ToLowerInvariant()}" : "ROSH: not assessed",
            rosh, TierAxis.Protect, !rsrCounts, rsrCounts ? Lower : null));
        return Math.Max(rsr, rosh);
    }

    /// <summary>Adds a line per distinct complexity factor and returns their points.</summary>
    public static int ComplexityFactors(TieringInputs inputs, List<TierWorkingLine> working, int pointsEach)
    {
        var total = 0;
        foreach (var factor in inputs.ComplexityFactors.Where(Enum.IsDefined).Order())
        {
            working.Add(new TierWorkingLine($"Complexity factor: {Tiering.ComplexityFactors.Label(factor).ToLowerInvariant()}", pointsEach, TierAxis.Protect));
            total += pointsEach;
        }

        return total;
    }
}
