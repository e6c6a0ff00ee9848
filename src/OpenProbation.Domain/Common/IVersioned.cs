namespace OpenProbation.Domain.Common;

/// <summary>
/// A record that can be edited by more than one person at once. The version goes up by one with every
/// saved change; an edit made against an older version is refused rather than silently overwriting.
/// </summary>
public interface IVersioned
{
    /// <summary>The optimistic concurrency token.</summary>
    int Version { get; set; }
}
