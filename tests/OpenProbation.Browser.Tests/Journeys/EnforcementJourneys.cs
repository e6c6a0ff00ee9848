using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// Issue 6 in the browser: an officer records an unacceptable absence and issues a warning; a second failure after
/// the warning requires breach action, and the breach pack sets out the record.
/// </summary>
public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, 0)]
    [InlineData(Scripts.Off, 1)]
    public async Task A_probation_officer_records_an_absence_and_warns_then_a_second_failure_leads_to_breach_and_the_breach_pack(Scripts scripts, int which)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po").ToHashSet();
        var now = App.Clock.GetUtcNow();
        var (crn, first, second) = await App.WithDbAsync(async db =>
        {
            var orders = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null && a.Order!.Status == OrderStatus.Active && a.Order.Type == OrderType.CommunityOrder
                    && !db.FailuresToComply.Any(f => f.OrderId == a.OrderId))
                .Select(a => new { a.OrderId, a.Order!.PersonId, a.Order.Person!.Crn })
                .ToListAsync();
            var order = orders.Where(o => !hidden.Contains(o.Crn)).OrderByDescending(o => o.Crn, StringComparer.Ordinal).Skip(which).First();
            Appointment Visit(DateTimeOffset at) => new()
            {
                PersonId = order.PersonId, OrderId = order.OrderId, StaffMemberId = staffId, Type = AppointmentType.HomeVisit, StartsAt = at,
                DurationMinutes = 45, IsEnforceable = true, ArrangedBy = "demo-po", ArrangedAt = at.AddDays(-14),
            };
            var a = Visit(now.AddDays(-7));
            var b = Visit(now.AddHours(-2));
            db.Appointments.AddRange(a, b);
            await db.SaveChangesAsync();
            return (order.Crn, a.Id, b.Id);
        });

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");

        async Task RecordAbsenceAsync(int appointmentId, string notes)
        {
            await journey.GotoAsync($"/appointments/{appointmentId}", "Home visit");
            await page.GetByRole(AriaRole.Group, new() { Name = "What happened" }).GetByLabel("Unacceptable absence", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Notes on what happened").FillAsync(notes);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();
            await journey.ArrivedAsync("Contact log");
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Outcome recorded: unacceptable absence" })).ToBeVisibleAsync();
        }

        async Task OnFailurePageAsync()
        {
            await journey.ArrivedAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Failure to comply on");
        }

        async Task<int> FailureOfAsync(int appointmentId) =>
            await App.WithDbAsync(db => db.FailuresToComply.Where(f => f.AppointmentId == appointmentId).Select(f => f.Id).SingleAsync());

        // The first absence: the record shows the decision waiting; the officer warns.
        await RecordAbsenceAsync(first, "Not at home at the arranged time; no answer by phone");
        var firstFailure = await FailureOfAsync(first);
        await journey.GotoAsync($"/people/{crn}", null);
        await page.Locator($"a[href='/people/{crn}/enforcement/{firstFailure}']").ClickAsync();
        await OnFailurePageAsync();
        await Expect(page.GetByText("No warning in the last 12 months on this order")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Your decision" }).GetByLabel("Warning", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await OnFailurePageAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Warning recorded: the person has until" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Withdraw the warning" })).ToBeVisibleAsync();

        // The warning letter was made with the decision: it is sent by post and recorded so.
        await page.GetByRole(AriaRole.Link, new() { Name = "Warning letter", Exact = false }).ClickAsync();
        await journey.ArrivedAsync("Warning letter");
        await Expect(page.GetByText("This is a formal warning about your community order.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "How it was sent" }).GetByLabel("By post", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it as sent" }).ClickAsync();
        await journey.ArrivedAsync("Warning letter");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Recorded as sent on" })).ToBeVisibleAsync();

        // The second: only breach action is open; a proposal goes with it and into the breach pack.
        await RecordAbsenceAsync(second, "Did not attend the home visit; phone switched off");
        var secondFailure = await FailureOfAsync(second);
        await journey.GotoAsync($"/people/{crn}/enforcement/{secondFailure}", null);
        await OnFailurePageAsync();
        await Expect(page.GetByText("breach action is required")).ToBeVisibleAsync();
        var decision = page.GetByRole(AriaRole.Group, new() { Name = "Your decision" });
        await Expect(decision.GetByRole(AriaRole.Radio)).ToHaveCountAsync(1);
        await decision.GetByLabel("Breach action", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Your proposal, for breach or recall").FillAsync("Continue the order with an added curfew requirement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await OnFailurePageAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Breach action recorded" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The breach pack" }).ClickAsync();
        await journey.ArrivedAsync("Breach pack");
        await Expect(page.GetByText("Not at home at the arranged time; no answer by phone")).ToBeVisibleAsync();
        await Expect(page.GetByText("Did not attend the home visit; phone switched off")).ToBeVisibleAsync();
        await Expect(page.GetByText("Continue the order with an added curfew requirement")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Warnings" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("breach-pack");
        await journey.FinishAsync();
    }
}
