using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Orders;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    /// <summary>
    /// docs/case-access.md: a case a user may not see does not exist for them. demo-po is excluded from the 12th
    /// and 14th demo people; the 14th is made demo-po's case first (an exclusion added after allocation wins at once).
    /// </summary>
    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_restricted_case_stays_invisible_to_an_excluded_officer_and_open_to_an_allowed_one(Scripts scripts)
    {
        var excludedOnly = App.Demo.AccessCases.Single(c => !c.Restricted && c.Excluded.Contains("demo-po")).Crn;
        var restrictedAndExcluded = App.Demo.AccessCases.Single(c => c.Restricted && c.Allowed.Contains("demo-po") && c.Excluded.Contains("demo-po")).Crn;
        var (poStaff, poName) = await StaffOfAsync("demo-po");
        var held = await MakeResponsibleOfficerAsync(excludedOnly, poStaff);
        var visible = held.Except(HiddenFrom("demo-po")).Count();
        Assert.Contains(excludedOnly, held);

        await using (var journey = await StartAsync(scripts))
        {
            await journey.SignInAsync("demo-po");
            foreach (var crn in new[] { excludedOnly, restrictedAndExcluded })
            {
                await journey.GotoAsync("/search?q=" + crn, "Find a person");
                await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "0 people found" })).ToBeVisibleAsync();

                var response = await journey.GotoAsync("/people/" + crn, "Page not found");
                Assert.Equal(404, response!.Status);
                await Expect(journey.Page.GetByText(crn)).ToHaveCountAsync(0);

                await journey.GotoAsync("/caseload?q=" + crn, "My caseload");
                await Expect(journey.Page.GetByText("No cases match the filters.")).ToBeVisibleAsync();
            }

            // Not counted either: the caseload shows every case demo-po holds except the hidden ones.
            await journey.GotoAsync("/caseload", "My caseload");
            await Expect(journey.Page.GetByText(new Regex($@"^{visible} people, "))).ToBeVisibleAsync();
            await journey.FinishAsync();
        }

        await using (var journey = await StartAsync(scripts))
        {
            await journey.SignInAsync("demo-spo");
            await journey.GotoAsync("/search?q=" + restrictedAndExcluded, "Find a person");
            await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "1 person found" })).ToBeVisibleAsync();
            await BodyRows(journey.Page, "Search results").GetByRole(AriaRole.Link).ClickAsync();
            await journey.ArrivedAsync();
            await journey.ExpectPathAsync("/people/" + restrictedAndExcluded);
            await Expect(journey.Page.GetByText("Restricted case")).ToBeVisibleAsync();
            await Expect(journey.Page.GetByText("CRN: " + restrictedAndExcluded)).ToBeVisibleAsync();

            var response = await journey.GotoAsync("/people/" + excludedOnly);
            Assert.Equal(200, response!.Status);

            // The team manager counts demo-po's whole caseload, the case demo-po cannot see included.
            await journey.GotoAsync("/team/officers/" + poStaff, "Caseload");
            await Expect(journey.Page.GetByText("Caseload of " + poName)).ToBeVisibleAsync();
            await Expect(journey.Page.GetByText(new Regex($@"^{held.Count} people, "))).ToBeVisibleAsync();
            await journey.FinishAsync();
        }
    }

    /// <summary>Makes the officer responsible for the person's live order; returns every CRN the officer now holds.</summary>
    private Task<List<string>> MakeResponsibleOfficerAsync(string crn, int staffId) =>
        App.WithDbAsync(async db =>
        {
            var today = App.Today;
            var order = await db.Orders.Where(o => o.Person!.Crn == crn && (o.Status == OrderStatus.Active || o.Status == OrderStatus.Breached))
                .OrderByDescending(o => o.Id).FirstAsync();
            var current = await db.Assignments.Where(a => a.OrderId == order.Id && a.ToDate == null).ToListAsync();
            if (!current.Any(a => a.StaffMemberId == staffId))
            {
                foreach (var a in current)
                {
                    a.ToDate = today.AddDays(-1);
                }

                db.Assignments.Add(new Assignment
                {
                    OrderId = order.Id, StaffMemberId = staffId, FromDate = today, Reason = "Transfer (browser test)", AssignedBy = "demo-spo",
                    CreatedAt = App.Clock.GetUtcNow(),
                });
                await db.SaveChangesAsync();
            }

            return await db.Assignments.Where(a => a.StaffMemberId == staffId && a.ToDate == null)
                .Select(a => a.Order!.Person!.Crn).Distinct().ToListAsync();
        });
}
