using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.People;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task Search_finds_a_person_by_CRN_name_and_date_of_birth_and_opens_their_record(Scripts scripts)
    {
        var person = await OrdinaryPersonAsync();
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-po");
        await journey.NavigateAsync("Search", "Find a person");

        // An empty search asks for something to search by.
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Find a person");
        await Expect(journey.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" })).ToBeVisibleAsync();

        await SearchAsync(journey, person.Crn);
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "1 person found" })).ToBeVisibleAsync();
        await Expect(BodyRows(journey.Page, "Search results")).ToHaveCountAsync(1);

        await SearchAsync(journey, $"{person.FirstName} {person.LastName}");
        await Expect(ResultLink(journey, person)).ToBeVisibleAsync();
        await journey.ScreenshotAsync("search-results");

        await SearchAsync(journey, person.DateOfBirth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(ResultLink(journey, person)).ToBeVisibleAsync();
        await Expect(BodyRows(journey.Page, "Search results").First.GetByRole(AriaRole.Cell).Nth(2))
            .ToHaveTextAsync(Web.Features.Govuk.Wording.Date(person.DateOfBirth));

        var link = ResultLink(journey, person);
        var listedAs = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await journey.ArrivedAsync();
        await journey.ExpectPathAsync("/people/" + person.Crn);
        await ExpectPersonRecordAsync(journey, person.Crn, listedAs);
        await journey.FinishAsync();
    }

    private static async Task SearchAsync(Journey journey, string text)
    {
        await journey.Page.GetByLabel("CRN, name or date of birth").FillAsync(text);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Find a person");
        await Expect(journey.Page.GetByLabel("CRN, name or date of birth")).ToHaveValueAsync(text);
    }

    private static ILocator ResultLink(Journey journey, Person person) =>
        BodyRows(journey.Page, "Search results").Filter(new() { HasText = person.Crn }).GetByRole(AriaRole.Link);

    /// <summary>A demo person everyone may see, whose name and date of birth each give one page of results.</summary>
    private Task<Person> OrdinaryPersonAsync() =>
        App.WithDbAsync(async db =>
        {
            var hidden = App.Demo.AccessCases.Select(c => c.Crn).ToList();
            var people = await db.People.AsNoTracking().Where(p => !hidden.Contains(p.Crn)).OrderBy(p => p.Id).Take(200).ToListAsync();
            foreach (var p in people)
            {
                var sameName = await db.People.CountAsync(x => x.FirstName == p.FirstName && x.LastName == p.LastName);
                var sameBirthday = await db.People.CountAsync(x => x.DateOfBirth == p.DateOfBirth);
                if (sameName <= 3 && sameBirthday <= 3)
                {
                    return p;
                }
            }

            throw new InvalidOperationException("No suitable demo person");
        });
}
