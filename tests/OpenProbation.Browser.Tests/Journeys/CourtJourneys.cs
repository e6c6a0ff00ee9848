using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, "Ashdown-Browser")]
    [InlineData(Scripts.Off, "Birchall-Browser")]
    public async Task A_court_officer_records_a_court_outcome_correcting_validation_errors_and_sees_the_order_on_the_record(Scripts scripts, string lastName)
    {
        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-court");
        await journey.NavigateAsync("Court outcome", "Record a court outcome");

        // Find the person first: nobody of this name yet.
        await page.GetByLabel("CRN, name or date of birth").FillAsync("Morgan " + lastName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Record a court outcome");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "0 people found" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a new person" }).ClickAsync();
        await journey.ArrivedAsync("Add a new person");

        // Without a date of birth: the error summary, the field's own error, and everything typed kept.
        await page.GetByLabel("First name").FillAsync("Morgan");
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByRole(AriaRole.Group, new() { Name = "Gender" }).GetByLabel("Female").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.ArrivedAsync("Add a new person");
        await ExpectFieldErrorAsync(journey, "Date of birth", new Regex("date of birth", RegexOptions.IgnoreCase));
        await Expect(page.GetByLabel("First name")).ToHaveValueAsync("Morgan");
        await Expect(page.GetByLabel("Last name")).ToHaveValueAsync(lastName);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Gender" }).GetByLabel("Female")).ToBeCheckedAsync();

        var born = App.Today.AddYears(-31);
        await FillDateAsync(page, "Date of birth", born);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.ArrivedAsync("Record the sentence");
        var crn = Regex.Match(journey.PathAndQuery, "^/court/([A-Z][0-9]{6})/order$").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(crn), "Expected /court/{crn}/order, was " + journey.PathAndQuery);
        await Expect(page.GetByText($"Morgan {lastName}, {crn}")).ToBeVisibleAsync();

        // The sentence without its date: refused, with what was typed kept.
        await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Community order" });
        await page.GetByLabel("Sentencing court").FillAsync("Stafford Crown Court");
        await page.GetByLabel("Main offence").FillAsync("Criminal damage");
        await page.GetByLabel("Length", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Length in", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Months" });
        var requirement = page.GetByRole(AriaRole.Group, new() { Name = "Requirement 1" });
        await requirement.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Unpaid work" });
        await requirement.GetByLabel("Unpaid work hours (unpaid work only)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save court outcome" }).ClickAsync();
        await journey.ArrivedAsync("Record the sentence");
        await ExpectFieldErrorAsync(journey, "Sentence date", new Regex("sentence date", RegexOptions.IgnoreCase));
        await Expect(page.GetByLabel("Sentencing court")).ToHaveValueAsync("Stafford Crown Court");
        await Expect(page.GetByLabel("Main offence")).ToHaveValueAsync("Criminal damage");
        await Expect(page.GetByLabel("Length", new() { Exact = true })).ToHaveValueAsync("12");
        await Expect(requirement.GetByLabel("Unpaid work hours (unpaid work only)")).ToHaveValueAsync("120");
        await journey.ScreenshotAsync("court-outcome-errors");

        var sentenced = App.Today.AddDays(-3);
        await FillDateAsync(page, "Sentence date", sentenced);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save court outcome" }).ClickAsync();
        await journey.ArrivedAsync($"Morgan {lastName}");
        await journey.ExpectPathAsync("/people/" + crn);
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Court outcome recorded: community order with 1 requirement" })).ToBeVisibleAsync();
        var card = page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = $"Community order, sentenced {Web.Features.Govuk.Wording.Date(sentenced)}" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.GetByText("Stafford Crown Court", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Requirements" }).GetByRole(AriaRole.Cell, new() { Name = "Unpaid work", Exact = true })).ToBeVisibleAsync();
        await journey.FinishAsync();
    }

    /// <summary>The GOV.UK error summary links to the field, which carries the same error.</summary>
    private static async Task ExpectFieldErrorAsync(Journey journey, string group, Regex message)
    {
        var page = journey.Page;
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = message })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = group })).ToHaveAccessibleDescriptionAsync(new Regex(@"Error:[\s\S]*" + message, RegexOptions.IgnoreCase));
    }

    private static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
