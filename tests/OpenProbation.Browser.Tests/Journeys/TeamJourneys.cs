using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_senior_probation_officer_opens_an_officers_caseload_from_the_team_page(Scripts scripts)
    {
        var (_, officer) = await StaffOfAsync("demo-po");
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-spo");
        await journey.NavigateAsync("Team", "Team: " + await TeamNameOfAsync("demo-spo"));
        await journey.ExpectPathAsync("/team");
        var staff = BodyRows(journey.Page, "Staff and caseloads");
        Assert.True(await staff.CountAsync() >= 8, "A demo team has an SPO, a case administrator and 8–12 case holders");
        await journey.ScreenshotAsync("team");

        var row = staff.Filter(new() { Has = journey.Page.GetByRole(AriaRole.Link, new() { Name = officer, Exact = true }) });
        var people = int.Parse((await row.GetByRole(AriaRole.Cell).Nth(3).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await row.GetByRole(AriaRole.Link, new() { Name = officer, Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Caseload");
        await Expect(journey.Page.GetByText("Caseload of " + officer)).ToBeVisibleAsync();
        await Expect(journey.Page.GetByText(new Regex($@"^{people} people, \d+ orders?\.")) ).ToBeVisibleAsync();
        await Expect(BodyRows(journey.Page)).ToHaveCountAsync(people);

        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Back to team" }).ClickAsync();
        await journey.ArrivedAsync();
        await journey.ExpectPathAsync("/team");
        await journey.FinishAsync();
    }

    private Task<string> TeamNameOfAsync(string userName) =>
        App.WithDbAsync(db =>
        {
            var staffId = db.Users.Single(u => u.UserName == userName).StaffMemberId;
            var teamId = db.Staff.Single(s => s.Id == staffId).TeamId;
            return Task.FromResult(db.Teams.Single(t => t.Id == teamId).Name);
        });
}
