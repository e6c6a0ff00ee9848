using System.Globalization;
using OpenProbation.Domain.Tiering;

namespace OpenProbation.Web.Features.Tiering;

/// <summary>
/// Reads the tiering schedule from <c>OpenProbation:Tiering</c> (docs/configuration.md): which policy applies from
/// which day, and any weights an organisation has changed. Without configuration the England and Wales framework
/// applies for all time with its published weights.
/// </summary>
public static class TieringConfiguration
{
    /// <summary>The configuration section.</summary>
    public const string Section = "OpenProbation:Tiering";

    /// <summary>Builds the policies; throws with a clear message when the configuration is wrong, so the app does not start on it.</summary>
    public static TieringPolicies Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var englandWales = new EnglandWalesTiering(section.GetSection("EnglandWales").Get<EnglandWalesWeights>() ?? new EnglandWalesWeights());
        var brag = new BragTiering(section.GetSection("Brag").Get<BragWeights>() ?? new BragWeights());
        var entries = new List<(DateOnly, ITieringPolicy)>();
        foreach (var entry in section.GetSection("Schedule").GetChildren())
        {
            var name = entry["Policy"] ?? throw new InvalidOperationException($"{Section}:Schedule:{entry.Key}:Policy is missing.");
            var from = DateOnly.MinValue;
            if (entry["From"] is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            {
                throw new InvalidOperationException($"{Section}:Schedule:{entry.Key}:From is '{text}'; write the date as yyyy-MM-dd.");
            }

            ITieringPolicy policy = name switch
            {
                EnglandWalesTiering.PolicyName => englandWales,
                BragTiering.PolicyName => brag,
                _ => throw new InvalidOperationException(
                    $"{Section}:Schedule:{entry.Key}:Policy is '{name}'; use '{EnglandWalesTiering.PolicyName}' or '{BragTiering.PolicyName}'."),
            };
            entries.Add((from, policy));
        }

        if (entries.Count == 0)
        {
            entries.Add((DateOnly.MinValue, englandWales));
        }

        return new TieringPolicies(new TieringSchedule(entries), englandWales, brag);
    }
}

/// <summary>The tiering schedule in force and both shipped policies with the organisation's weights.</summary>
/// <param name="Schedule">Which policy applies from which day.</param>
/// <param name="EnglandWales">The England and Wales framework.</param>
/// <param name="Brag">The BRAG model.</param>
public sealed record TieringPolicies(TieringSchedule Schedule, EnglandWalesTiering EnglandWales, BragTiering Brag)
{
    /// <summary>A policy by name, for the calculator.</summary>
    public ITieringPolicy? Named(string? name) => name switch
    {
        EnglandWalesTiering.PolicyName => EnglandWales,
        BragTiering.PolicyName => Brag,
        _ => null,
    };
}
