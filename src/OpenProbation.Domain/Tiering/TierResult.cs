namespace OpenProbation.Domain.Tiering;

/// <summary>Which part of a tier a line of working feeds.</summary>
public enum TierAxis
{
    /// <summary>Protect level (risk of harm) or, for BRAG, the single score.</summary>
    Protect = 1,

    /// <summary>Change level (needs and likelihood of reoffending).</summary>
    Change,
}

/// <summary>
/// One line of a tier's working: what input gave how many points, and whether they counted (the lower of the RSR
/// and ROSH points is shown but not counted).
/// </summary>
/// <param name="Input">The input as staff read it, e.g. "ROSH: high".</param>
/// <param name="Points">Points the input gives.</param>
/// <param name="Axis">Which axis it feeds.</param>
/// <param name="Counted">Whether the points are in the total.</param>
/// <param name="Note">Why, where it is not obvious.</param>
public sealed record TierWorkingLine(string Input, int Points, TierAxis Axis, bool Counted = true, string? Note = null);

/// <summary>A calculated tier with its working.</summary>
/// <param name="Tier">The tier as staff write it, e.g. "B2" or "RED".</param>
/// <param name="Rank">Orders tiers within a policy: higher means more intensive; a lower rank is a downgrade.</param>
/// <param name="ProtectLevel">England and Wales protect level A–D; none for BRAG.</param>
/// <param name="ChangeLevel">England and Wales change level 0–3; none for BRAG.</param>
/// <param name="ProtectPoints">Protect points counted (BRAG: its score).</param>
/// <param name="ChangePoints">Change points counted.</param>
/// <param name="Working">Every input and its points.</param>
/// <param name="Policy">The policy's name, e.g. "england-wales".</param>
/// <param name="PolicyVersion">The policy's version.</param>
public sealed record TierResult(
    string Tier,
    int Rank,
    string? ProtectLevel,
    int? ChangeLevel,
    int ProtectPoints,
    int ChangePoints,
    IReadOnlyList<TierWorkingLine> Working,
    string Policy,
    string PolicyVersion);

/// <summary>A tiering policy: pure, versioned, explainable.</summary>
public interface ITieringPolicy
{
    /// <summary>The policy's stable name, e.g. "england-wales" or "brag".</summary>
    string Name { get; }

    /// <summary>The version of its rules and weights; changes whenever a weight or threshold does.</summary>
    string Version { get; }

    /// <summary>Every tier the policy can give, most intensive first.</summary>
    IReadOnlyList<string> Tiers { get; }

    /// <summary>Calculates the tier.</summary>
    TierResult Calculate(TieringInputs inputs);
}
