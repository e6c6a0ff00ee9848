using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Risk;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// Issue 6 in the browser: an officer writes a sentence plan with the person and agrees it; agreeing is refused until
/// the officer has met the person face to face on the order.
/// </summary>
public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, 0)]
    [InlineData(Scripts.Off, 1)]
    public async Task A_probation_officer_writes_a_sentence_plan_with_the_person_and_agrees_it_only_after_meeting_them(Scripts scripts, int which)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po").ToHashSet();
        var now = App.Today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var (crn, orderId) = await App.WithDbAsync(async db =>
        {
            var orders = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null && a.Order!.Status == OrderStatus.Active && a.Order.Type == OrderType.CommunityOrder
                    && !db.SentencePlans.Any(p => p.OrderId == a.OrderId)
                    && !db.RiskAssessments.Any(r => r.PersonId == a.Order.PersonId && (r.Rosh == RoshLevel.High || r.Rosh == RoshLevel.VeryHigh)))
                .Select(a => new { a.OrderId, a.Order!.PersonId, a.Order.Person!.Crn })
                .ToListAsync();
            var order = orders.Where(o => !hidden.Contains(o.Crn)).OrderBy(o => o.Crn, StringComparer.Ordinal).Skip(which).First();

            // The person has not yet been met face to face on this order: their held visits and interviews are set aside for the journey.
            await db.Appointments.Where(a => a.OrderId == order.OrderId && a.Outcome != null
                    && a.Type != AppointmentType.Telephone && a.Type != AppointmentType.Video)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.OrderId, (int?)null));
            return (order.Crn, order.OrderId);
        });

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");
        await journey.GotoAsync($"/people/{crn}", null);
        await page.Locator($"a[href='/people/{crn}/orders/{orderId}/sentence-plan']").ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the sentence plan" }).ClickAsync();
        await journey.ArrivedAsync("Write the sentence plan");

        await page.GetByLabel("Their goals").FillAsync("Keep my flat and get back into work");
        await page.GetByLabel("What they disagree with").FillAsync("That I need the alcohol group");
        var objective = page.GetByRole(AriaRole.Group, new() { Name = "Objective 1 (leave empty if not needed)" });
        await objective.GetByLabel("Assessed need it addresses").SelectOptionAsync(new SelectOptionValue { Label = "Accommodation" });
        await objective.GetByLabel("Objective", new() { Exact = true }).FillAsync("Keep the tenancy");
        await objective.GetByLabel("Outcome agreed with the person").FillAsync("Rent arrears cleared and tenancy kept");
        var action = page.GetByRole(AriaRole.Group, new() { Name = "Objective 1, action 1 (leave empty if not needed)" });
        await action.GetByLabel("What is to be done").FillAsync("Attend the money advice sessions");
        await action.GetByLabel("Who does it").SelectOptionAsync(new SelectOptionValue { Label = "Provider" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();

        // The provider's name is missing: asked for, with everything typed kept.
        await journey.ArrivedAsync("Write the sentence plan");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Enter the name of the provider or person who does it" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Their goals")).ToHaveValueAsync("Keep my flat and get back into work");
        await page.GetByRole(AriaRole.Group, new() { Name = "Objective 1, action 1" }).GetByLabel("Name of the provider or person").FillAsync("Citizens Advice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await Expect(page.GetByText("Citizens Advice")).ToBeVisibleAsync();

        // Not yet met face to face on this order: refused, with the reason.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First).ToContainTextAsync("has met them face to face on this order");
        await journey.ScreenshotAsync("sentence-plan-refused");

        await App.WithDbAsync(async db =>
        {
            var personId = await db.Orders.Where(o => o.Id == orderId).Select(o => o.PersonId).SingleAsync();
            db.Appointments.Add(new Appointment
            {
                PersonId = personId, OrderId = orderId, StaffMemberId = staffId, Type = AppointmentType.HomeVisit, StartsAt = new DateTimeOffset(now.AddHours(-1)),
                DurationMinutes = 45, IsEnforceable = true, Outcome = AppointmentOutcome.AttendedComplied, OutcomeNotes = "Plan talked through at home",
                OutcomeRecordedBy = "demo-po", OutcomeRecordedAt = new DateTimeOffset(now), ArrangedBy = "demo-po", ArrangedAt = new DateTimeOffset(now.AddDays(-7)),
            });
            return await db.SaveChangesAsync();
        });
        await journey.GotoAsync($"/people/{crn}/orders/{orderId}/sentence-plan", "Sentence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Plan agreed with the person" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review the plan" })).ToBeVisibleAsync();
        await journey.FinishAsync();
    }
}
