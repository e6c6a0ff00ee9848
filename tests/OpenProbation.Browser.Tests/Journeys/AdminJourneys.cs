using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Fact]
    public async Task An_administrator_reaches_users_teams_and_absences_from_administration()
    {
        await using var journey = await StartAsync();
        await journey.SignInAsync("demo-admin");
        Assert.Equal(["Home", "Team", "Search", "Court outcome", "Administration"], await journey.NavigationAsync());
        await journey.NavigateAsync("Administration", "Administration");
        await journey.ScreenshotAsync("administration");
        foreach (var section in new[] { "Users and roles", "Teams", "Staff absences" })
        {
            await journey.Page.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
            await journey.ArrivedAsync();
            await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await journey.GotoAsync("/admin", "Administration");
        }

        await Expect(journey.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Users and roles" })).ToBeVisibleAsync();
        await journey.FinishAsync();
    }
}
