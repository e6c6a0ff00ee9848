using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;

namespace OpenProbation.Web.Features.Tiering;

/// <summary>
/// Once a day (Europe/London), recalculates every tier for the changes time brings without anyone touching the
/// record: an assessment passing 55 weeks, a breach passing 12 months, a marker or requirement ending, a new policy
/// taking effect. One node claims the day through the database (<see cref="ScheduledRun"/>). Switched off with
/// <c>OpenProbation:Tiering:DailyRecalculation=false</c> (the tests do, to keep their clock their own).
/// </summary>
public sealed partial class DailyTierRecalculation(
    IServiceScopeFactory scopes, TieringPolicies policies, TimeProvider clock, IConfiguration configuration, ILogger<DailyTierRecalculation> logger)
    : BackgroundService
{
    /// <summary>The job's row in <see cref="ScheduledRun"/>.</summary>
    public const string JobName = "tiers";

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue($"{TieringConfiguration.Section}:DailyRecalculation", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // Only the type: the message could hold case data. The next interval tries again.
                LogFailed(logger, e.GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims today and, if this node won it, recalculates everyone; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await ScheduledRuns.ClaimAsync(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>(), JobName, today, ct))
            {
                return false;
            }
        }

        var run = new List<AsyncServiceScope>();
        try
        {
            var (people, applied, proposed) = await CaseTiers.RecalculateAllAsync(
                () =>
                {
                    var scope = scopes.CreateAsyncScope();
                    run.Add(scope);
                    scope.ServiceProvider.GetRequiredService<AuditActor>().Set(AuditIdentity.System);
                    return scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
                },
                policies, CaseTiers.Daily, today, clock.GetUtcNow(), 1000, ct);
            await using var done = scopes.CreateAsyncScope();
            var db = done.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var summary = $"{people} people, {applied} tiers applied, {proposed} lower tiers proposed";
            await ScheduledRuns.FinishAsync(db, JobName, clock.GetUtcNow(), summary, ct);
            LogDone(logger, people, applied, proposed);
            return true;
        }
        finally
        {
            foreach (var scope in run)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily tier recalculation failed ({ErrorType}); it will be tried again")]
    private static partial void LogFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily tier recalculation: {People} people, {Applied} tiers applied, {Proposed} lower tiers proposed")]
    private static partial void LogDone(ILogger logger, int people, int applied, int proposed);
}
