using Microsoft.EntityFrameworkCore;

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

/// <summary>Claiming a day for a daily job, shared by every job.</summary>
public static class ScheduledRuns
{
    /// <summary>True when this node claimed <paramref name="today"/> for the job (adding its row the first time).</summary>
    public static async Task<bool> ClaimAsync(OpenProbationDbContext db, string jobName, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.ScheduledRuns.AnyAsync(r => r.Name == jobName, ct))
        {
            db.ScheduledRuns.Add(new ScheduledRun { Name = jobName, LastRunOn = DateOnly.MinValue });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node added it first.
                db.ChangeTracker.Clear();
            }
        }

        return await db.ScheduledRuns.Where(r => r.Name == jobName && r.LastRunOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunOn, today).SetProperty(r => r.FinishedAt, (DateTimeOffset?)null), ct) > 0;
    }

    /// <summary>Records that the job finished, with what it did.</summary>
    public static Task FinishAsync(OpenProbationDbContext db, string jobName, DateTimeOffset at, string summary, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ScheduledRuns.Where(r => r.Name == jobName)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, at).SetProperty(r => r.Summary, summary), ct);
    }
}
