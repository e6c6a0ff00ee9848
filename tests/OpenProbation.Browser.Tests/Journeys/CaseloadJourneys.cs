using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Web.Features.Govuk;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_probation_officer_sorts_and_filters_their_caseload_and_opens_a_record_from_it(Scripts scripts)
    {
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-po");
        await journey.NavigateAsync("My caseload", "My caseload");
        await journey.ExpectPathAsync("/caseload");
        var (_, officer) = await StaffOfAsync("demo-po");
        await Expect(journey.Page.GetByText("Responsible officer " + officer)).ToBeVisibleAsync();

        var rows = BodyRows(journey.Page);
        var count = await rows.CountAsync();
        Assert.True(count > 5, $"demo-po should hold a caseload, has {count}");
        await Expect(journey.Page.GetByText(new Regex($@"^{count} people, \d+ orders?\. Showing {count}\.$"))).ToBeVisibleAsync();
        await journey.ScreenshotAsync("caseload", fullPage: false);

        // Sort by CRN, both ways; the column says which way it is sorted.
        var crnHeader = journey.Page.GetByRole(AriaRole.Columnheader, new() { Name = "CRN" });
        await crnHeader.GetByRole(AriaRole.Link).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        await Expect(crnHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        var crns = await CrnColumnAsync(rows);
        Assert.Equal(crns.Order(StringComparer.Ordinal), crns);
        await crnHeader.GetByRole(AriaRole.Link).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        await Expect(crnHeader).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(crns.OrderDescending(StringComparer.Ordinal), await CrnColumnAsync(rows));

        // Filter by one person's CRN, then by a marker, then clear.
        var crn = crns[count / 2];
        await journey.Page.GetByLabel("Name or CRN").FillAsync(crn);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(crn);
        await Expect(journey.Page.GetByLabel("Name or CRN")).ToHaveValueAsync(crn);

        await journey.Page.GetByLabel("Name or CRN").FillAsync("");
        await journey.Page.GetByLabel("Marker").SelectOptionAsync(new SelectOptionValue { Label = "Domestic abuse" });
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        var withMarker = await rows.CountAsync();
        Assert.InRange(withMarker, 1, count - 1);
        for (var i = 0; i < withMarker; i++)
        {
            await Expect(rows.Nth(i).GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("Domestic abuse");
        }

        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        await journey.ArrivedAsync("My caseload");
        await Expect(rows).ToHaveCountAsync(count);

        // Open a record from the caseload.
        var first = rows.First;
        // The name is the first cell's link; the row also links to the tier and the next appointment.
        var nameLink = first.GetByRole(AriaRole.Cell).First.GetByRole(AriaRole.Link);
        var name = (await nameLink.InnerTextAsync()).Trim();
        var firstCrn = (await first.GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync()).Trim();
        await nameLink.ClickAsync();
        await journey.ArrivedAsync();
        await journey.ExpectPathAsync("/people/" + firstCrn);
        await ExpectPersonRecordAsync(journey, firstCrn, name);
        await journey.ScreenshotAsync("person-record");
        await journey.FinishAsync();
    }

    private static async Task<List<string>> CrnColumnAsync(ILocator rows)
    {
        var crns = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            crns.Add((await rows.Nth(i).GetByRole(AriaRole.Cell).Nth(1).InnerTextAsync()).Trim());
        }

        return crns;
    }

    /// <summary>The person record's heading and sections, checked against the database.</summary>
    private async Task ExpectPersonRecordAsync(Journey journey, string crn, string listedAs)
    {
        var person = await App.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Crn == crn));
        Assert.StartsWith($"{person.LastName}, {person.FirstName}", listedAs, StringComparison.Ordinal);
        var page = journey.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(person.FirstName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(person.LastName);
        await Expect(page.GetByText("CRN: " + crn)).ToBeVisibleAsync();
        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of this record" });
        foreach (var link in new[] { "Summary", "Orders", "Responsible officers", "Timeline" })
        {
            await Expect(sections.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var heading in new[] { "Summary", "Markers", "Addresses", "Orders and requirements", "Responsible officers", "Timeline" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Term).Filter(new() { HasText = "Date of birth" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = Wording.Date(person.DateOfBirth) }).First).ToBeVisibleAsync();
    }
}
