using Microsoft.Extensions.Time.Testing;
using OpenProbation.Cli;
using OpenProbation.Web.Data;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Cli;

/// <summary>Runs <c>openprobation</c> in-process against a test database, capturing its output.</summary>
public sealed class CliRunner(TestDatabase database, FakeTimeProvider clock)
{
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OpenProbationCli.RunAsync(args, database.Settings, output, error, clock);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<(TestDatabase Database, CliRunner Cli)> CreateAsync(DatabaseProvider provider, DateTimeOffset? now = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return (database, new CliRunner(database, new FakeTimeProvider(now ?? AppFixture.Now)));
    }
}
