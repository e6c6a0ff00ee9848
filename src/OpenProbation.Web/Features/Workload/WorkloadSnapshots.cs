using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Features.Contacts;

namespace OpenProbation.Web.Features.Workload;

/// <summary>
/// An officer's workload figures as recorded on a day, for the trend over time. The live figures are always worked
/// out from the record; these are the history, written once a day and never edited.
/// </summary>
public sealed class WorkloadSnapshot
{
    public long Id { get; set; }

    public DateOnly Date { get; set; }

    public int StaffMemberId { get; set; }

    /// <summary>The officer's team that day, so a team's history survives officers moving.</summary>
    public int TeamId { get; set; }

    public int Cases { get; set; }

    public int PointsUsed { get; set; }

    public int PointsAvailable { get; set; }

    public decimal HoursRequired { get; set; }

    public decimal HoursAvailable { get; set; }

    /// <summary>The higher of the two models; null when there was no capacity.</summary>
    public decimal? CapacityPercent { get; set; }

    public bool OverCapacity { get; set; }
}

/// <summary>
/// Works out and records every case-holding officer's workload for a day, in batches (the full recomputation the
/// benchmark measures). Recording a day again replaces it. One audit summary, not a row per officer: these are
/// figures derived from the record, which is itself audited.
/// </summary>
public static class WorkloadSnapshots
{
    /// <summary>The job's row in <see cref="ScheduledRun"/>.</summary>
    public const string JobName = "workload-snapshot";

    /// <summary>Records <paramref name="day"/> for every case-holding officer in post; answers how many officers and cases.</summary>
    public static async Task<(int Officers, int Cases)> RecordAsync(
        Func<OpenProbationDbContext> open, WorkloadPolicies policies, ContactPolicies contacts, DateOnly day, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        List<int> staff;
        await using (var db = open())
        {
            staff = [.. (await db.Staff.AsNoTracking()
                    .Where(s => s.StartDate <= day && (s.EndDate == null || s.EndDate >= day))
                    .Select(s => new { s.Id, s.Grade })
                    .ToListAsync(ct))
                .Where(s => StaffGrades.CanHoldCases(s.Grade)).Select(s => s.Id).OrderBy(id => id)];
            await db.Set<WorkloadSnapshot>().Where(s => s.Date == day).ExecuteDeleteAsync(ct);
        }

        // Nobody's case references are kept, so the reader's access does not matter: restricted cases count all the same.
        var reader = new ClaimsPrincipal(new ClaimsIdentity());
        var cases = 0;
        foreach (var batch in staff.Chunk(batchSize))
        {
            await using var db = open();
            var workloads = await OfficerWorkloads.LoadAsync(db, reader, policies, contacts, batch, day, ct);
            using (db.SuspendRowAudit())
            {
                db.Set<WorkloadSnapshot>().AddRange(workloads.Select(w => new WorkloadSnapshot
                {
                    Date = day,
                    StaffMemberId = w.Officer.Id,
                    TeamId = w.Officer.TeamId,
                    Cases = w.Cases.Count,
                    PointsUsed = w.Points.TotalPoints,
                    PointsAvailable = w.Points.AvailablePoints,
                    HoursRequired = w.Time.TotalHours,
                    HoursAvailable = w.Time.AvailableHours,
                    CapacityPercent = WorkloadCapacity.Percent(w.Points, w.Time),
                    OverCapacity = w.IsOverCapacity,
                }));
                await db.SaveChangesAsync(ct);
            }

            cases += workloads.Sum(w => w.Cases.Count);
        }

        await using (var db = open())
        {
            AuditTrail.RecordBulkLoad(db, "Workload snapshot " + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                new Dictionary<string, int> { ["officers"] = staff.Count, ["cases"] = cases });
            await db.SaveChangesAsync(ct);
        }

        return (staff.Count, cases);
    }
}

/// <summary>
/// Once a day (Europe/London) records every officer's workload for the trend (<see cref="WorkloadSnapshots"/>). One
/// node claims the day through the database. Switched off with <c>OpenProbation:Workload:DailySnapshot=false</c>.
/// </summary>
public sealed partial class DailyWorkloadSnapshot(
    IServiceScopeFactory scopes, WorkloadPolicies policies, ContactPolicies contacts, TimeProvider clock, IConfiguration configuration,
    ILogger<DailyWorkloadSnapshot> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue($"{WorkloadConfiguration.Section}:DailySnapshot", true))
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

    /// <summary>Claims today and, if this node won it, records everyone; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await ScheduledRuns.ClaimAsync(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>(), WorkloadSnapshots.JobName, today, ct))
            {
                return false;
            }
        }

        var run = new List<AsyncServiceScope>();
        try
        {
            var (officers, cases) = await WorkloadSnapshots.RecordAsync(
                () =>
                {
                    var scope = scopes.CreateAsyncScope();
                    run.Add(scope);
                    scope.ServiceProvider.GetRequiredService<AuditActor>().Set(AuditIdentity.System);
                    return scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
                },
                policies, contacts, today, 500, ct);
            await using var done = scopes.CreateAsyncScope();
            await ScheduledRuns.FinishAsync(done.ServiceProvider.GetRequiredService<OpenProbationDbContext>(), WorkloadSnapshots.JobName, clock.GetUtcNow(),
                $"{officers} officers, {cases} cases", ct);
            LogDone(logger, officers, cases);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily workload snapshot failed ({ErrorType}); it will be tried again")]
    private static partial void LogFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily workload snapshot: {Officers} officers, {Cases} cases")]
    private static partial void LogDone(ILogger logger, int officers, int cases);
}
