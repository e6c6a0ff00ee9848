using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Risk;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

/// <summary>
/// Issue 6's "done when": a responsible officer runs an order in the browser from induction to breach, with the plan,
/// the RAR and enforcement in one record, each rule enforced and explained on the way.
/// </summary>
public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On, 0)]
    [InlineData(Scripts.Off, 1)]
    public async Task A_responsible_officer_runs_an_order_from_induction_through_plan_and_RAR_to_breach_in_one_record(Scripts scripts, int which)
    {
        var (staffId, _) = await StaffOfAsync("demo-po");
        var hidden = HiddenFrom("demo-po").ToHashSet();
        var today = App.Today;
        var (crn, orderId, rarId) = await App.WithDbAsync(async db =>
        {
            var orders = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffMemberId == staffId && a.ToDate == null && a.Order!.Status == OrderStatus.Active && a.Order.Type == OrderType.CommunityOrder
                    && !db.SentencePlans.Any(p => p.OrderId == a.OrderId) && !db.FailuresToComply.Any(f => f.OrderId == a.OrderId)
                    && !a.Order.Requirements.Any(r => r.Type == RequirementType.Rar)
                    && !db.RiskAssessments.Any(r => r.PersonId == a.Order.PersonId && (r.Rosh == RoshLevel.High || r.Rosh == RoshLevel.VeryHigh)))
                .Select(a => new { a.OrderId, a.Order!.PersonId, a.Order.Person!.Crn, a.Order.StartDate })
                .ToListAsync();
            var order = orders.Where(o => !hidden.Contains(o.Crn)).OrderBy(o => o.OrderId).Skip(which).First();

            // A new start: nobody has met the person face to face on this order yet, and the court gave a RAR of 10 days.
            await db.Appointments.Where(a => a.OrderId == order.OrderId && a.Outcome != null && a.Type != AppointmentType.Telephone && a.Type != AppointmentType.Video)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.OrderId, (int?)null));
            var rar = new Requirement { OrderId = order.OrderId, Type = RequirementType.Rar, RarMaxDays = 10, Status = RequirementStatus.Active, StartDate = order.StartDate };
            db.Requirements.Add(rar);
            await db.SaveChangesAsync();
            return (order.Crn, order.OrderId, rar.Id);
        });

        await using var journey = await StartAsync(scripts);
        var page = journey.Page;
        await journey.SignInAsync("demo-po");

        async Task RecordContactAsync(string startUrl, string? type, DateOnly day, string time, string outcome, string? need, string? notes)
        {
            await journey.GotoAsync(startUrl, "Record a contact");
            if (type is not null)
            {
                await page.GetByRole(AriaRole.Group, new() { Name = "Type of appointment" }).GetByLabel(type, new() { Exact = true }).CheckAsync();
            }

            await page.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync(orderId.ToString(CultureInfo.InvariantCulture));
            await FillDateAsync(page, "Date", day);
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
            await page.GetByLabel("How long it lasts, in minutes").FillAsync("60");
            if (need is not null)
            {
                await page.GetByLabel("Need in the sentence plan it works on (for a RAR activity)").SelectOptionAsync(new SelectOptionValue { Value = need });
            }

            await page.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel(outcome, new() { Exact = true }).CheckAsync();
            if (notes is not null)
            {
                await page.GetByLabel("Notes on what happened").FillAsync(notes);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        }

        // Induction: the officer meets the person at home.
        await journey.GotoAsync($"/people/{crn}", null);
        await RecordContactAsync($"/people/{crn}/contacts/new", "Home visit", today.AddDays(-6), "10:00", "Attended and complied", need: null, notes: null);
        await journey.ArrivedAsync("Contact log");

        // The plan, made with the person: their words, a need with its agreed outcome and an action; agreed after the meeting.
        await journey.GotoAsync($"/people/{crn}/orders/{orderId}/sentence-plan", "Sentence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the sentence plan" }).ClickAsync();
        await journey.ArrivedAsync("Write the sentence plan");
        await page.GetByLabel("Their goals").FillAsync("Keep my flat and stay out of trouble");
        var objective = page.GetByRole(AriaRole.Group, new() { Name = "Objective 1 (leave empty if not needed)" });
        await objective.GetByLabel("Assessed need it addresses").SelectOptionAsync(new SelectOptionValue { Label = "Accommodation" });
        await objective.GetByLabel("Objective", new() { Exact = true }).FillAsync("Keep the tenancy");
        await objective.GetByLabel("Outcome agreed with the person").FillAsync("Rent arrears cleared and tenancy kept");
        var action = page.GetByRole(AriaRole.Group, new() { Name = "Objective 1, action 1 (leave empty if not needed)" });
        await action.GetByLabel("What is to be done").FillAsync("Housing workshop as RAR activity");
        await action.GetByLabel("Who does it").SelectOptionAsync(new SelectOptionValue { Label = "Responsible officer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the plan" }).ClickAsync();
        await journey.ArrivedAsync("Sentence plan");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Plan agreed with the person" })).ToBeVisibleAsync();

        // RAR: an activity must say which need of the plan it works on; the RAR page then shows the day under that need.
        var rarPage = $"/people/{crn}/requirements/{rarId}/rar";
        var recordRar = $"/people/{crn}/contacts/new?requirementId={rarId}";
        await RecordContactAsync(recordRar, type: null, today.AddDays(-5), "10:00", "Attended and complied", need: null, notes: null);
        await journey.ArrivedAsync("Record a contact");
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Choose the need in the sentence plan this RAR activity works on: accommodation" }))
            .ToBeVisibleAsync();
        await page.GetByLabel("Need in the sentence plan it works on (for a RAR activity)").SelectOptionAsync(new SelectOptionValue { Value = "Accommodation" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record contact" }).ClickAsync();
        await journey.ArrivedAsync("Contact log");
        await journey.GotoAsync(rarPage, "Rehabilitation activity requirement");
        var needs = BodyRows(page, "What the activities have done for each need; a day with activities for two needs shows under both but counts once");
        await Expect(needs).ToHaveCountAsync(1);
        await Expect(needs.Nth(0)).ToContainTextAsync("Accommodation");
        await Expect(needs.Nth(0)).ToContainTextAsync("Rent arrears cleared and tenancy kept");
        await Expect(page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Days delivered" })).ToContainTextAsync("1 day");

        // Enforcement: a missed RAR session opens a decision; the officer warns.
        async Task<int> FailureOnAsync(DateOnly day) =>
            await App.WithDbAsync(db => db.FailuresToComply.Where(f => f.OrderId == orderId && f.FailureDate == day).Select(f => f.Id).SingleAsync());

        await RecordContactAsync(recordRar, type: null, today.AddDays(-4), "10:00", "Unacceptable absence", "Accommodation", "Did not attend the housing workshop; no contact");
        await journey.ArrivedAsync("Contact log");
        var firstFailure = await FailureOnAsync(today.AddDays(-4));
        await journey.GotoAsync($"/people/{crn}", null);
        await page.Locator($"a[href='/people/{crn}/enforcement/{firstFailure}']").ClickAsync();
        await journey.ArrivedAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Your decision" }).GetByLabel("Warning", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await journey.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Warning recorded: the person has until" })).ToBeVisibleAsync();

        // A second failure within 12 months of the warning: only breach action is open, and the breach pack is drawn from the record.
        await RecordContactAsync(recordRar, type: null, today, "08:00", "Unacceptable absence", "Accommodation", "Missed the workshop again; phone switched off");
        await journey.ArrivedAsync("Contact log");
        var secondFailure = await FailureOnAsync(today);
        await journey.GotoAsync($"/people/{crn}/enforcement/{secondFailure}", null);
        var decision = page.GetByRole(AriaRole.Group, new() { Name = "Your decision" });
        await Expect(decision.GetByRole(AriaRole.Radio)).ToHaveCountAsync(1);
        await decision.GetByLabel("Breach action", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Your proposal, for breach or recall").FillAsync("Continue the order with more RAR days for accommodation work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await journey.ArrivedAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Breach action recorded" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The breach pack" }).ClickAsync();
        await journey.ArrivedAsync("Breach pack");
        await Expect(page.GetByText("Did not attend the housing workshop; no contact")).ToBeVisibleAsync();
        await Expect(page.GetByText("Missed the workshop again; phone switched off")).ToBeVisibleAsync();
        await Expect(page.GetByText("Continue the order with more RAR days for accommodation work")).ToBeVisibleAsync();

        // One record: the plan, the RAR and the enforcement are all on the person's page.
        await journey.GotoAsync($"/people/{crn}", null);
        await Expect(page.Locator($"a[href='/people/{crn}/orders/{orderId}/sentence-plan']").First).ToBeVisibleAsync();
        await Expect(page.Locator($"a[href='{rarPage}']").First).ToBeVisibleAsync();
        await Expect(page.Locator($"a[href='/people/{crn}/enforcement/{secondFailure}']").First).ToBeVisibleAsync();
        await journey.ScreenshotAsync("order-in-one-record");
        await journey.FinishAsync();
    }
}
