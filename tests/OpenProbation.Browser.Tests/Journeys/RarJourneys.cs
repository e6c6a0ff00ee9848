using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Orders;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// Issue 6 in the browser: an officer records RAR sessions (two on one day count once) and completes the RAR on fewer
/// days than the court allowed, asked for the rationale and the progress first.
/// </summary>
public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, 0)]
    [InlineData(Scripts.Off, 1)]
    public async Task A_probation_officer_records_RAR_sessions_and_completes_the_RAR_on_fewer_days_with_a_rationale(Scripts scripts, int which)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po").ToHashSet();
        var (crn, requirementId) = await App.WithDbAsync(async db =>
        {
            var orders = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null && a.Order!.Status == OrderStatus.Active
                    && (a.Order.Type == OrderType.CommunityOrder || a.Order.Type == OrderType.SuspendedSentenceOrder)
                    && !a.Order.Requirements.Any(r => r.Type == RequirementType.Rar))
                .Select(a => new { a.OrderId, a.Order!.Person!.Crn, a.Order.StartDate })
                .ToListAsync();
            var order = orders.Where(o => !hidden.Contains(o.Crn)).OrderBy(o => o.Crn, StringComparer.Ordinal).Skip(which).First();
            var rar = new Requirement { OrderId = order.OrderId, Type = RequirementType.Rar, RarMaxDays = 10, Status = RequirementStatus.Active, StartDate = order.StartDate };
            db.Requirements.Add(rar);
            await db.SaveChangesAsync();
            return (order.Crn, rar.Id);
        });
        var day = NextWorkingDay(App.Today.AddDays(-8));

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.GotoAsync($"/people/{crn}", null);
        await page.Locator($"a[href='/people/{crn}/requirements/{requirementId}/rar']").ClickAsync();
        await journey.ArrivedAsync("Rehabilitation activity requirement");

        // Two sessions on the same day, recorded from the RAR page: the form starts with the RAR chosen.
        foreach (var time in new[] { "10:00", "14:00" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a session that has happened" }).ClickAsync();
            await journey.ArrivedAsync("Record a contact");
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Type of appointment" }).GetByLabel("RAR session", new() { Exact = true })).ToBeCheckedAsync();
            await Expect(page.GetByLabel("RAR requirement (when it counts towards one)")).ToHaveValueAsync(requirementId.ToString(CultureInfo.InvariantCulture));
            await FillDateAsync(page, "Date", day);
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
            await page.GetByLabel("How long it lasts, in minutes").FillAsync("90");
            await page.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Attended and complied", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
            await journey.ArrivedAsync("Contact log");
            await journey.GotoAsync($"/people/{crn}/requirements/{requirementId}/rar", "Rehabilitation activity requirement");
        }

        var sessions = BodyRows(page, "Each session and what it did for the count, earliest first");
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(sessions.Nth(0).GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("A RAR day delivered");
        await Expect(sessions.Nth(1).GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Another session on a day already counted: the day counts once");
        await Expect(page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Days delivered" })).ToContainTextAsync("1 day");
        await journey.ScreenshotAsync("rar-days");

        // Completing on 1 day of 10: the rationale and the progress are asked for, and the outcome typed is kept.
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Complete the RAR" }) });
        await FillDateAsync(page, "Date completed", App.Today);
        await form.GetByLabel("Outcome against the outcomes agreed in the sentence plan").FillAsync("Agreed outcome met: tenancy secured");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the RAR" }).ClickAsync();
        await journey.ArrivedAsync("Rehabilitation activity requirement");
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The RAR is completed on 1 day of the 10 the court allowed: give the rationale, in at least 20 characters" })).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Outcome against the outcomes agreed in the sentence plan")).ToHaveValueAsync("Agreed outcome met: tenancy secured");

        await form.GetByLabel("Why it is complete on fewer days than the maximum").FillAsync("The agreed outcome was met early with the housing provider");
        await form.GetByLabel("Progress made").FillAsync("Settled in the flat, rent paid on time since the first session");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the RAR" }).ClickAsync();
        await journey.ArrivedAsync("Rehabilitation activity requirement");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "RAR completed on 1 day of 10" })).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Progress made" })).ToContainTextAsync("Settled in the flat");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete the RAR" })).ToHaveCountAsync(0);
        await journey.FinishAsync();
    }
}
