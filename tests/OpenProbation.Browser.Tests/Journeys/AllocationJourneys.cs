using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    private static int _queued;

    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_manager_allocates_a_new_case_from_the_queue_to_the_first_ranked_officer(Scripts scripts)
    {
        var (orderId, name) = await QueueNewOrderAsync();
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-spo");
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Allocation queue", Exact = true }).ClickAsync();
        await journey.ArrivedAsync("Allocation queue");
        await Expect(journey.Page.GetByText("Arrived today: due today").First).ToBeVisibleAsync();
        await journey.ScreenshotAsync("allocation-queue");

        var link = journey.Page.Locator($"a[href='/allocations/{orderId}']");
        await Expect(link).ToHaveTextAsync($"{name}: allocate");
        await link.ClickAsync();
        await journey.ArrivedAsync("Allocate the case");
        await journey.ExpectPathAsync($"/allocations/{orderId}");
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "Suitable officers, best first" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("allocation-case");
        var first = journey.Page.Locator("#Input_StaffId");
        var officer = (await journey.Page.Locator("label[for='Input_StaffId']").InnerTextAsync()).Trim();
        await first.CheckAsync();
        await journey.Page.GetByLabel("Instructions for the officer (optional)").FillAsync("Induction this week, please");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allocate case" }).ClickAsync();

        await journey.ArrivedAsync("Allocation queue");
        await Expect(journey.Page.GetByText(new Regex($@"{Regex.Escape(name)} \(\w+\) allocated to ")).First).ToBeVisibleAsync();
        await Expect(journey.Page.Locator($"a[href='/allocations/{orderId}']")).ToHaveCountAsync(0);
        Assert.Matches(@"^1\. ", officer);
        await journey.FinishAsync();
    }

    [Fact]
    public async Task Allocating_to_an_officer_on_leave_is_refused_with_the_reason_and_a_manager_overrides_it_with_a_reason()
    {
        var (orderId, name) = await QueueNewOrderAsync();
        var (awayId, away) = await OfficerOnLeaveAsync();
        await using var journey = await StartAsync(Scripts.Off);
        await journey.SignInAsync("demo-spo");
        await journey.GotoAsync($"/allocations/{orderId}", "Allocate the case");
        var choice = journey.Page.Locator($"input[name='Input.StaffId'][value='{awayId}']");
        await Expect(journey.Page.Locator($"label[for='{await choice.GetAttributeAsync("id")}']")).ToContainTextAsync("Needs override");
        await choice.CheckAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allocate case" }).ClickAsync();

        await journey.ArrivedAsync("Allocate the case");
        await Expect(journey.Page.GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^{Regex.Escape(away)} is away .*inside the induction window") })).ToBeVisibleAsync();
        await Expect(choice).ToBeCheckedAsync();

        await journey.Page.GetByLabel("Reason for overriding a rule (only if the officer needs an override)")
            .FillAsync("Only officer free to do the induction before the leave; cover agreed with the team");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allocate case" }).ClickAsync();
        await journey.ArrivedAsync("Allocation queue");
        await Expect(journey.Page.GetByText($"allocated to {away}. The override and its reason are recorded.", new() { Exact = false })).ToBeVisibleAsync();
        Assert.Contains(name, await journey.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Allocations made by overriding a rule" }).ClickAsync();
        await journey.ArrivedAsync("Allocations made by overriding a rule");
        await Expect(journey.Page.GetByRole(AriaRole.Cell, new() { Name = "Away in the induction window" }).First).ToBeVisibleAsync();
        await journey.FinishAsync();
    }

    [Fact]
    public async Task A_manager_reallocates_a_leavers_caseload_from_their_workload()
    {
        var (leaverId, leaver, cases, receiverId) = await LeaverAsync();
        await using var journey = await StartAsync();
        await journey.SignInAsync("demo-spo");
        await journey.GotoAsync($"/team/officers/{leaverId}/workload", "Workload of " + leaver);
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Reallocate cases" }).ClickAsync();
        await journey.ArrivedAsync("Reallocate cases");
        await Expect(journey.Page.GetByText($"Cases to reallocate ({cases})")).ToBeVisibleAsync();
        await Expect(journey.Page.Locator("input[name='Input.EventIds']:checked")).ToHaveCountAsync(cases);

        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Reallocate cases" }).ClickAsync();
        await journey.ArrivedAsync("Reallocate cases");
        await Expect(journey.Page.GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Link, new() { Name = "Choose the officer to reallocate the cases to" })).ToBeVisibleAsync();

        await journey.Page.GetByLabel("Reallocate to").SelectOptionAsync(receiverId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await journey.Page.GetByLabel("Reason for the reallocation").FillAsync("Officer leaving the service");
        await journey.Page.GetByLabel("Handover note for the new officer").FillAsync("All seen this month; two reviews due");
        await journey.Page.GetByLabel("Reason for overriding a rule (only if a case needs an override)")
            .FillAsync("Temporary until the vacancy is filled; reviewed at the next team meeting");
        await journey.ScreenshotAsync("reallocate");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Reallocate cases" }).ClickAsync();

        await journey.ArrivedAsync("Workload of " + leaver);
        await Expect(journey.Page.GetByText(new Regex($@"^{(cases == 1 ? "1 case" : $"{cases} cases")} reallocated from {Regex.Escape(leaver)} to "))).ToBeVisibleAsync();
        Assert.Equal(0, await App.WithDbAsync(db => db.Assignments.CountAsync(a => a.StaffMemberId == leaverId && a.ToDate == null)));
        await journey.FinishAsync();
    }

    /// <summary>
    /// A new order sentenced today for a supervised person no access rule touches, waiting in demo-spo's team's queue.
    /// Each call takes a different person.
    /// </summary>
    private Task<(int OrderId, string Name)> QueueNewOrderAsync()
    {
        var skip = 50 + (Interlocked.Increment(ref _queued) * 7);
        var touched = App.Demo.AccessCases.Select(c => c.Crn).ToList();
        return App.WithDbAsync(async db =>
        {
            var (staffId, _) = await StaffOfAsync("demo-spo");
            var team = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.TeamId).SingleAsync();
            var person = await db.People.AsNoTracking().Where(p => !touched.Contains(p.Crn)).OrderBy(p => p.Id).Skip(skip).FirstAsync();
            var today = App.Today;
            var order = new Order
            {
                PersonId = person.Id,
                Type = OrderType.CommunityOrder,
                Court = "Coventry Magistrates' Court",
                Offence = "Theft from a shop",
                SentenceDate = today,
                StartDate = today,
                Length = 12,
                LengthUnit = LengthUnit.Months,
                ExpectedEndDate = OrderRules.ExpectedEndDate(today, 12, LengthUnit.Months),
                Status = OrderStatus.Active,
                AllocationTeamId = team,
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return (order.Id, $"{person.FirstName} {person.LastName}");
        });
    }

    /// <summary>A probation officer in demo-spo's team, linked to no demo user, given leave inside the induction window.</summary>
    private Task<(int Id, string Name)> OfficerOnLeaveAsync() =>
        App.WithDbAsync(async db =>
        {
            var (staffId, _) = await StaffOfAsync("demo-spo");
            var team = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.TeamId).SingleAsync();
            var linked = await db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value).ToListAsync();
            var officer = await db.Staff.Where(s => s.TeamId == team && s.Grade == StaffGrade.ProbationOfficer && s.EndDate == null && !linked.Contains(s.Id))
                .OrderBy(s => s.Id).FirstAsync();
            db.Absences.Add(new StaffAbsence { StaffMemberId = officer.Id, Type = AbsenceType.AnnualLeave, StartDate = App.Today.AddDays(3), EndDate = App.Today.AddDays(7) });
            await db.SaveChangesAsync();
            return (officer.Id, officer.FullName);
        });

    /// <summary>
    /// The officer in demo-spo's delivery unit, linked to no demo user, holding the most live cases of which none has
    /// an access rule: their whole caseload can move to anyone; and a receiver in the same team, linked to no demo user
    /// either (so the demo users' own caseloads, which other journeys read, stay as they are).
    /// </summary>
    private Task<(int Id, string Name, int Cases, int ReceiverId)> LeaverAsync()
    {
        var touched = App.Demo.AccessCases.Select(c => c.Crn).ToList();
        return App.WithDbAsync(async db =>
        {
            var (staffId, _) = await StaffOfAsync("demo-spo");
            var team = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.TeamId).SingleAsync();
            var linked = await db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value).ToListAsync();
            var held = (await db.Assignments.AsNoTracking()
                    .Where(a => a.ToDate == null && a.StaffMember!.TeamId == team && !linked.Contains(a.StaffMemberId))
                    .Select(a => new { a.StaffMemberId, a.Order!.Status, a.Order.Person!.Crn, a.StaffMember!.FirstName, a.StaffMember.LastName })
                    .ToListAsync())
                .Where(a => a.Status is OrderStatus.Active or OrderStatus.Breached)
                .GroupBy(a => a.StaffMemberId)
                .Where(g => !g.Any(a => touched.Contains(a.Crn)))
                .OrderByDescending(g => g.Count())
                .First();
            var receiver = (await db.Staff.AsNoTracking()
                    .Where(s => s.TeamId == team && s.Id != held.Key && !linked.Contains(s.Id) && s.EndDate == null)
                    .OrderBy(s => s.Id).Select(s => new { s.Id, s.Grade }).ToListAsync())
                .First(s => StaffGrades.CanHoldCases(s.Grade) && s.Grade != StaffGrade.SeniorProbationOfficer);
            return (held.Key, $"{held.First().FirstName} {held.First().LastName}", held.Count(), receiver.Id);
        });
    }
}
