using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;

namespace OpenProbation.Cli;

internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {OpenProbationApp.DefaultUrl})." };
        var demo = new Option<bool>("--demo")
        {
            Description = "If the database is empty, load the demo region first (the default scenario, seed 2018).",
        };
        var command = new Command("serve", "Run the web application and API. Applies migrations first.") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var args = parse.GetValue(urls) is { } u ? new[] { "--urls", u } : [];
            var builder = OpenProbationApp.CreateBuilder(args);
            builder.Configuration.AddInMemoryCollection(context.Settings);
            if (context.Clock is not null)
            {
                builder.Services.AddSingleton(context.Clock);
            }

            await using var app = OpenProbationApp.Build(builder);
            if (parse.GetValue(demo))
            {
                // Migrate and load before the server starts, so nobody sees a half-loaded region.
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
                await DatabaseSetup.MigrateAsync(db, ct);
                if (await db.People.AnyAsync(ct) || await db.Staff.AnyAsync(ct))
                {
                    await context.Output.WriteLineAsync("The database already holds data: the demo region is not loaded again.");
                }
                else
                {
                    await context.Output.WriteLineAsync("Loading the demo region (first start only)...");
                    var summary = await DemoCommand.RunWithProgressAsync(scope.ServiceProvider, new DemoOptions(), context, ct);
                    DemoCommand.Describe(summary, context.Output);
                }
            }

            await app.StartAsync(ct);
            await context.Output.WriteLineAsync($"OpenProbation is listening on {string.Join(", ", app.Urls)}. API reference: /api/reference. Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
