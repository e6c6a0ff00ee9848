using OpenProbation.Browser.Tests.Infrastructure;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// The staff journeys in Debian Chromium over the "small" demo region, written once and run on SQLite and on
/// PostgreSQL. Each test is one user's visit in a fresh browser context; every page it reaches is checked with
/// axe-core. The parts of this class live in one file per area (SignIn, Caseload, …); the log scan runs last.
/// </summary>
public abstract partial class BrowserJourneys(BrowserApp app)
{
    protected BrowserApp App { get; } = app;

    /// <summary>A new browser visit; the caller ends it with <see cref="Journey.FinishAsync"/>.</summary>
    protected Task<Journey> StartAsync(Scripts scripts = Scripts.On) => App.StartJourneyAsync(scripts);
}

[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class BrowserJourneys_Sqlite(SqliteBrowserApp app) : BrowserJourneys(app), IClassFixture<SqliteBrowserApp>;

[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class BrowserJourneys_Postgres(PostgresBrowserApp app) : BrowserJourneys(app), IClassFixture<PostgresBrowserApp>;
