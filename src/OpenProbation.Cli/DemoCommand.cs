using System.CommandLine;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;
using Spectre.Console;

namespace OpenProbation.Cli;

internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var people = new Option<int?>("--people") { Description = "How many people on probation (default: the scenario's size, 13,500 for the default)." };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed on the same day gives the same data.", DefaultValueFactory = _ => 2018 };
        var scenario = new Option<string>("--scenario")
        {
            Description = "Scenario: " + string.Join("; ", DemoScenarios.All.Select(s => $"{s.Name}: {s.Description}")),
            DefaultValueFactory = _ => DemoScenarios.Default,
        };
        var reset = new Option<bool>("--reset") { Description = "Delete all organisation and case data first (sign-in accounts are kept)." };
        var password = new Option<string>("--password") { Description = "Password for the demo users.", DefaultValueFactory = _ => DemoGenerator.DefaultPassword };
        var command = new Command("demo", "Fill the database with a realistic synthetic probation region and one demo user per role.")
        {
            people, seed, scenario, reset, password,
        };
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(scenario)!;
            if (DemoScenarios.Find(name) is null)
            {
                await context.Error.WriteLineAsync($"Unknown scenario '{name}'. Known: {string.Join(", ", DemoScenarios.All.Select(s => s.Name))}.");
                return 2;
            }

            if (parse.GetValue(people) is { } n && n is < 1 or > 2_000_000)
            {
                await context.Error.WriteLineAsync("--people must be between 1 and 2000000.");
                return 2;
            }

            using var host = context.BuildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            if (parse.GetValue(reset))
            {
                await DemoGenerator.ResetAsync(db, ct);
            }

            try
            {
                var options = new DemoOptions(parse.GetValue(people), parse.GetValue(seed), name, parse.GetValue(password)!);
                var summary = await RunWithProgressAsync(scope.ServiceProvider, options, context, ct);
                Describe(summary, context.Output);
                return 0;
            }
            catch (InvalidOperationException e)
            {
                await context.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>Runs the generator with a progress bar on a terminal, or plain lines when output is redirected.</summary>
    public static async Task<DemoSummary> RunWithProgressAsync(IServiceProvider services, DemoOptions options, CliContext context, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        if (ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            DemoSummary? result = null;
            await AnsiConsole.Progress().AutoClear(false).Columns(
                    new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progressContext =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    var progress = new Progress<DemoProgress>(p =>
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            task = progressContext.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                            tasks[p.Stage] = task;
                        }

                        task.Value = p.Done;
                    });
                    result = await DemoGenerator.GenerateAsync(services, options, clock, progress, ct);
                });
            return result!;
        }

        var lastPercent = -1;
        var plain = new SynchronousProgress(p =>
        {
            var percent = p.Total == 0 ? 100 : p.Done * 100 / p.Total;
            if (percent / 10 != lastPercent / 10 || p.Done == p.Total)
            {
                lastPercent = percent;
                context.Output.WriteLine($"{p.Stage}: {p.Done:N0} of {p.Total:N0} ({percent}%)");
            }
        });
        return await DemoGenerator.GenerateAsync(services, options, clock, plain, ct);
    }

    public static void Describe(DemoSummary s, TextWriter output)
    {
        output.WriteLine($"Demo region '{s.Scenario}' loaded in {s.Elapsed.TotalSeconds:N1} s: {s.People:N0} people, {s.Orders:N0} orders, "
            + $"{s.Requirements:N0} requirements, {s.Markers:N0} markers; {s.Staff:N0} staff ({s.CaseHolders:N0} case-holding) in {s.Teams:N0} teams, "
            + $"{s.Absences:N0} absences; {s.Unallocated:N0} new cases awaiting allocation.");
        output.WriteLine($"Demo users: {string.Join(", ", DemoGenerator.DemoUsers.Select(u => u.UserName))} (password: see the README).");
        if (s.AccessCases.Count > 0)
        {
            // CRNs only, no names: enough to find the cases that show case-level access (docs/demo-data.md).
            output.WriteLine($"Cases with restricted access: {s.AccessCases.Count:N0}" + (s.AccessCases.Count > 5 ? " (all are in an export's case-restrictions.csv), the first five:" : ":"));
            foreach (var access in s.AccessCases.Take(5))
            {
                output.WriteLine($"  {access}");
            }
        }
    }

    private sealed class SynchronousProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
