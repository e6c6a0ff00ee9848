using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenProbation.Web;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Tiering;

namespace OpenProbation.Cli;

internal static class TiersCommand
{
    public static Command Create(CliContext context)
    {
        var batch = new Option<int>("--batch") { Description = "People per transaction.", DefaultValueFactory = _ => 1000 };
        var recalculate = new Command("recalculate",
            "Recalculate every person's tier from their record now. Higher tiers apply at once; lower ones wait for a reason, as they do in the application.")
        {
            batch,
        };
        recalculate.SetAction(async (parse, ct) =>
        {
            var size = parse.GetValue(batch);
            if (size is < 1 or > 10_000)
            {
                await context.Error.WriteLineAsync("--batch must be from 1 to 10000.");
                return 2;
            }

            using var host = context.BuildHost();
            var policies = host.Services.GetRequiredService<TieringPolicies>();
            var clock = host.Services.GetRequiredService<TimeProvider>();
            var scopes = new List<AsyncServiceScope>();
            var watch = Stopwatch.StartNew();
            try
            {
                var (people, applied, proposed) = await CaseTiers.RecalculateAllAsync(
                    () =>
                    {
                        var scope = host.Services.CreateAsyncScope();
                        scopes.Add(scope);
                        return scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
                    },
                    policies, "recalculated from the command line", clock.Today(), clock.GetUtcNow(), size, ct);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Recalculated {people:N0} people in {watch.Elapsed.TotalSeconds:0.0} s: {applied:N0} tiers applied, {proposed:N0} lower tiers waiting for a reason."));
                return 0;
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        });
        return new Command("tiers", "Case tiers.") { recalculate };
    }
}
