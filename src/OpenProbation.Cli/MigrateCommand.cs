using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using OpenProbation.Web.Data;

namespace OpenProbation.Cli;

internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Create the database or bring it up to date with the latest migrations.");
        command.SetAction(async (_, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await DatabaseSetup.MigrateAsync(db, ct);
            await context.Output.WriteLineAsync(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        });
        return command;
    }
}
