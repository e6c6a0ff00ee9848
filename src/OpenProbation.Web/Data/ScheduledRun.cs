namespace OpenProbation.Web.Data;

/// <summary>
/// The last day a daily job ran. A node claims a day by moving <see cref="LastRunOn"/> forward in one conditional
/// update; only the node whose update changed the row does the work, so several web nodes never run it twice.
/// </summary>
public sealed class ScheduledRun
{
    /// <summary>The job's name, e.g. "tiers".</summary>
    public string Name { get; set; } = "";

    /// <summary>The last day claimed (Europe/London).</summary>
    public DateOnly LastRunOn { get; set; }

    /// <summary>When the last run finished; empty while one runs or if one failed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>What the last run did, in words.</summary>
    public string? Summary { get; set; }
}
