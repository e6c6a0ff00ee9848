using System.CommandLine;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Transfer;

namespace OpenProbation.Cli;

internal static class TransferCommands
{
    public static Command Export(CliContext context)
    {
        var folder = new Option<DirectoryInfo>("--out") { Description = "Folder to write the CSV files to (created if missing).", Required = true };
        var command = new Command("export", "Write the organisation, staff, people, orders and everything under them as CSV files.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            var directory = parse.GetValue(folder)!.FullName;
            var summary = await CsvTransfer.ExportAsync(db, directory, ct);
            Report("Exported", summary, directory, context.Output);
            return 0;
        });
        return command;
    }

    public static Command Import(CliContext context)
    {
        var folder = new Option<DirectoryInfo>("--from") { Description = "Folder holding the CSV files written by export.", Required = true };
        var command = new Command("import", "Read CSV files written by export, in one transaction: all of it or, if any row is wrong, none of it.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(folder)!;
            if (!directory.Exists)
            {
                await context.Error.WriteLineAsync($"There is no folder {directory.FullName}.");
                return 2;
            }

            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            try
            {
                var summary = await CsvTransfer.ImportAsync(db, directory.FullName, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
                Report("Imported", summary, directory.FullName, context.Output);
                return 0;
            }
            catch (CsvImportException e)
            {
                await context.Error.WriteLineAsync(e.Message);
                foreach (var problem in e.Problems)
                {
                    await context.Error.WriteLineAsync($"  {problem}");
                }

                return 1;
            }
        });
        return command;
    }

    private static void Report(string verb, TransferSummary summary, string directory, TextWriter output)
    {
        output.WriteLine($"{verb} {summary.RowsByFile.Values.Sum():N0} rows ({directory}):");
        foreach (var file in CsvTransfer.Files)
        {
            output.WriteLine($"  {file,-20} {summary.RowsByFile.GetValueOrDefault(file):N0}");
        }
    }
}
