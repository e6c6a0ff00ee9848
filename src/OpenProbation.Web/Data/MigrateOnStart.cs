namespace OpenProbation.Web.Data;

/// <summary>
/// Applies pending migrations before the web server starts taking requests (StartingAsync runs ahead of every
/// StartAsync). Several nodes starting at once are safe: EF Core takes a migration lock.
/// Turn off with <c>OpenProbation:Database:MigrateOnStart=false</c> where migrations are run as a deployment step.
/// </summary>
internal sealed class MigrateOnStart(IServiceProvider services, IConfiguration configuration) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("OpenProbation:Database:MigrateOnStart", true))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>(), cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
