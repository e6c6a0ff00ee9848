namespace OpenProbation.Cli;

/// <summary>Entry point of <c>openprobation</c>.</summary>
internal static class CliEntryPoint
{
    public static Task<int> Main(string[] args) => OpenProbationCli.RunAsync(args);
}
