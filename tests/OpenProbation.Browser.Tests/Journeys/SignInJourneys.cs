using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    /// <summary>The header's navigation for each demo user: what their role has (Security/Roles.cs).</summary>
    public static TheoryData<string, Scripts, string[]> SignInCases => new()
    {
        { "demo-po", Scripts.On, ["Home", "My caseload", "My diary", "Search"] },
        { "demo-spo", Scripts.On, ["Home", "My caseload", "My diary", "Team", "Search", "Court outcome"] },
        { "demo-court", Scripts.On, ["Home", "Search", "Court outcome"] },
        { "demo-po", Scripts.Off, ["Home", "My caseload", "My diary", "Search"] },
        { "demo-court", Scripts.Off, ["Home", "Search", "Court outcome"] },
    };

    [Theory]
    [MemberData(nameof(SignInCases))]
    public async Task Each_role_signs_in_to_the_home_page_and_the_navigation_shows_what_the_role_has(string userName, Scripts scripts, string[] navigation)
    {
        await using var journey = await StartAsync(scripts);
        await journey.GotoAsync("/", "Sign in to OpenProbation"); // a signed-out visit goes to sign-in
        if (userName == "demo-po")
        {
            await journey.ScreenshotAsync("sign-in");
        }

        await journey.SignInAsync(userName);

        await journey.ExpectPathAsync("/");
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "OpenProbation" })).ToBeVisibleAsync();
        var displayName = await App.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == userName).DisplayName));
        await Expect(journey.Page.GetByText($"Signed in as {displayName}")).ToBeVisibleAsync();
        Assert.Equal(navigation, await journey.NavigationAsync());
        foreach (var task in navigation.Skip(1))
        {
            // The home page offers the same tasks as the navigation.
            await Expect(journey.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = task, Exact = true })).ToBeVisibleAsync();
        }

        if (userName == "demo-spo")
        {
            await journey.ScreenshotAsync("home");
        }

        await journey.FinishAsync();
    }

    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_wrong_password_shows_the_error_summary_and_keeps_the_user_name_typed(Scripts scripts)
    {
        await using var journey = await StartAsync(scripts);
        await journey.GotoAsync("/sign-in", "Sign in to OpenProbation");
        await journey.Page.GetByLabel("User name").FillAsync("demo-po");
        await journey.Page.GetByLabel("Password").FillAsync("not-the-password");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Sign in to OpenProbation");

        var summary = journey.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter a correct user name and password" })).ToBeVisibleAsync();
        await Expect(journey.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Expect(journey.Page.GetByLabel("User name")).ToHaveValueAsync("demo-po");
        await Expect(journey.Page.GetByLabel("Password")).ToHaveValueAsync("");
        await Expect(journey.Page.GetByText("Signed in as")).ToHaveCountAsync(0);

        // The error links to the field it is about.
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(journey.Page.GetByLabel("User name")).ToBeFocusedAsync();

        // Then the right password works, and the failed attempt does not count against the account afterwards.
        await journey.SignInAsync("demo-po");
        await journey.ExpectPathAsync("/");
        await journey.FinishAsync();
    }

    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task Signing_out_ends_the_session(Scripts scripts)
    {
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-spo");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await journey.ArrivedAsync("Sign in to OpenProbation");
        await Expect(journey.Page.GetByText("You have signed out")).ToBeVisibleAsync();
        await Expect(journey.Page.GetByText("Signed in as")).ToHaveCountAsync(0);

        await journey.GotoAsync("/", "Sign in to OpenProbation");
        await Expect(journey.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" })).ToHaveCountAsync(0);
        await journey.FinishAsync();
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_a_page_with_a_violation()
    {
        await using var journey = await StartAsync();
        await journey.Page.SetContentAsync("<!DOCTYPE html><html><head><title>Broken</title></head><body><main><img src='x.png'><input type='text'></main></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoViolationsAsync(journey.Page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang", failure.Message, StringComparison.Ordinal);
        Assert.Contains("img", failure.Message, StringComparison.Ordinal);
    }
}
