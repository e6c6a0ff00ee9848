using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Tiering;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, 0)]
    [InlineData(Scripts.Off, 1)]
    public async Task An_officer_sees_how_a_tier_was_worked_out_records_an_assessment_and_a_lower_tier_waits_for_the_reason(Scripts scripts, int which)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po");

        // A case of demo-po's tiered B or A on risk of harm alone, so a low-risk assessment is sure to lower it.
        var crn = await App.WithDbAsync(async db =>
        {
            var mine = db.Assignments.Where(a => a.StaffMemberId == staffId && a.ToDate == null).Select(a => a.Order!.PersonId);
            var cases = await db.CaseTiers.AsNoTracking()
                .Where(t => t.Status == CaseTierStatus.Current && mine.Contains(t.PersonId) && (EF.Functions.Like(t.Tier, "A%") || EF.Functions.Like(t.Tier, "B%")))
                .OrderBy(t => t.ProtectPoints).ThenBy(t => t.PersonId)
                .Select(t => t.Person!.Crn).ToListAsync();
            return cases.Where(c => !hidden.Contains(c)).Skip(which).First();
        });

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.GotoAsync($"/people/{crn}/tier", "Tier and risk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How this tier was worked out" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Working of tier") }).GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("^ROSH: ") })).ToBeVisibleAsync();
        if (scripts == Scripts.On)
        {
            await journey.ScreenshotAsync("tier-working");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an assessment", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Record an assessment");
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date completed" });
        await date.GetByLabel("Day").FillAsync(App.Today.Day.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(App.Today.Month.ToString(CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(App.Today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Group, new() { Name = "Assessment" }).GetByLabel(new Regex("^Layer 1")).CheckAsync();
        await page.GetByLabel("Overall ROSH (the highest of the groups)").SelectOptionAsync(new SelectOptionValue { Label = "Low" });
        await page.GetByLabel("RSR (%)").FillAsync("a lot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();

        // Refused with the reason at the top and by the field, and what was typed kept.
        await journey.ArrivedAsync("Record an assessment");
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("RSR must be a number") })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("RSR (%)")).ToHaveValueAsync("a lot");
        await Expect(page.GetByLabel("Overall ROSH (the highest of the groups)")).ToHaveValueAsync("Low");

        await page.GetByLabel("RSR (%)").FillAsync("0.5");
        await page.GetByLabel("OGRS (%)").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await journey.ArrivedAsync("Tier and risk");
        await Expect(page.GetByText(new Regex("It gives a lower tier: record the reason below"))).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"The record now gives a lower tier, D\d\. The tier stays [AB]\d"))).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Reason for lowering the tier") }).FillAsync("Reassessed: no violence in 18 months, stable housing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the reason" }).ClickAsync();
        await journey.ArrivedAsync("Tier and risk");
        await Expect(page.GetByText(new Regex("^(Tier lowered to D\\d, with your reason recorded|Your reason is recorded\\. The tier stays)"))).ToBeVisibleAsync();
        await journey.FinishAsync();
    }
}
