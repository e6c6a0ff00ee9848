using OpenProbation.Web;

var app = OpenProbationApp.Build(OpenProbationApp.CreateBuilder(args));
await app.RunAsync();

/// <summary>Entry point, public so the test host can find it.</summary>
public partial class Program;
