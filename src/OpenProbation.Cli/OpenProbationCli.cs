using System.CommandLine;
using OpenProbation.Web;
using OpenProbation.Web.Features.Audit;

namespace OpenProbation.Cli;

/// <summary>
/// The <c>openprobation</c> command. Every command reads configuration the same way as the web application
/// (appsettings.json, environment variables such as <c>OpenProbation__Database__Provider</c> and
/// <c>ConnectionStrings__OpenProbation</c>), so one setting points them all at the same database.
/// </summary>
public static class OpenProbationCli
{
    /// <summary>Runs the command line. <paramref name="settings"/> and <paramref name="clock"/> let tests run it in-process.</summary>
    public static Task<int> RunAsync(
        string[] args, IReadOnlyDictionary<string, string?>? settings = null, TextWriter? output = null, TextWriter? error = null, TimeProvider? clock = null)
    {
        var context = new CliContext(settings ?? new Dictionary<string, string?>(), output ?? Console.Out, error ?? Console.Error, clock);
        var root = new RootCommand("OpenProbation: probation case management and workload. Run 'openprobation serve --demo' to try it.");
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(TransferCommands.Export(context));
        root.Subcommands.Add(TransferCommands.Import(context));
        root.Subcommands.Add(TokenCommand.Create(context));
        root.Subcommands.Add(UserCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(TiersCommand.Create(context));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}

/// <summary>What every command shares: configuration overrides, output and the clock.</summary>
internal sealed record CliContext(IReadOnlyDictionary<string, string?> Settings, TextWriter Output, TextWriter Error, TimeProvider? Clock)
{
    /// <summary>A host with the application's services and configuration, for commands that do not serve HTTP.</summary>
    public IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.Services.AddCoreServices();

        // Changes made from the command line are audited as the operating-system user, channel cli.
        builder.Services.AddScoped(_ =>
        {
            var actor = new AuditActor();
            actor.Set(AuditActor.CommandLine(Environment.UserName));
            return actor;
        });
        if (Clock is not null)
        {
            builder.Services.AddSingleton(Clock);
        }

        return builder.Build();
    }
}
