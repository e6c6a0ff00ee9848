using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
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

    /// <summary>The rows of the page's table (or the table with this caption), header row left out.</summary>
    protected static ILocator BodyRows(IPage page, string? caption = null)
    {
        var table = caption is null ? page.GetByRole(AriaRole.Table) : page.GetByRole(AriaRole.Table, new() { Name = caption });
        return table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });
    }

    /// <summary>The staff record a demo user is linked to.</summary>
    protected Task<(int Id, string Name)> StaffOfAsync(string userName) =>
        App.WithDbAsync(async db =>
        {
            var id = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).StaffMemberId!.Value;
            var staff = await db.Staff.AsNoTracking().SingleAsync(s => s.Id == id);
            return (id, staff.FullName);
        });

    /// <summary>The demo cases a user may not see (docs/demo-data.md, restricted cases).</summary>
    protected IReadOnlyList<string> HiddenFrom(string userName) =>
        [.. App.Demo.AccessCases.Where(c => c.Excluded.Contains(userName) || (c.Restricted && !c.Allowed.Contains(userName))).Select(c => c.Crn)];
}

[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class BrowserJourneys_Sqlite(SqliteBrowserApp app) : BrowserJourneys(app), IClassFixture<SqliteBrowserApp>;

[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class BrowserJourneys_Postgres(PostgresBrowserApp app) : BrowserJourneys(app), IClassFixture<PostgresBrowserApp>;
