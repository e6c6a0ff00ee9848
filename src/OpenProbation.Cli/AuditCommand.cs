using System.CommandLine;
using System.Globalization;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;

namespace OpenProbation.Cli;

internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Check the audit trail's hash chain from the first event to the last; exit 1 and name the first broken link if it was tampered with.");
        verify.SetAction(async (parse, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var progress = new SynchronousProgress(n => context.Output.WriteLine($"Checked {n:N0} events…"));
            var result = await AuditChain.VerifyAsync(db, progress, ct);
            if (result.Intact)
            {
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Audit trail intact: {result.Events} events"));
                return 0;
            }

            var id = result.EventId is { } eventId ? string.Create(CultureInfo.InvariantCulture, $" (event id {eventId})") : "";
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Audit trail broken at sequence {result.Sequence}{id}: {result.Problem}. {result.Detail}"));
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Events} events before it are intact."));
            return 1;
        });
        return new Command("audit", "The audit trail.") { verify };
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
