using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenProbation.Browser.Tests.Infrastructure;
using OpenProbation.Domain.Organisation;
using static Microsoft.Playwright.Assertions;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    [Theory]
    [InlineData(Scripts.On)]
    [InlineData(Scripts.Off)]
    public async Task A_manager_goes_from_the_delivery_unit_to_an_officer_and_records_then_ends_a_reduction(Scripts scripts)
    {
        var (officerId, officer) = await OfficerForReductionsAsync();
        await using var journey = await StartAsync(scripts);
        await journey.SignInAsync("demo-spo");
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Delivery unit workload", Exact = true }).ClickAsync();
        await journey.ArrivedAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new Regex("^Delivery unit workload: ") })).ToBeVisibleAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Table, new() { Name = "How capacity is spread" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("delivery-unit-workload");
        await journey.GotoAsync("/team/workload");
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new Regex("^Team workload: ") })).ToBeVisibleAsync();

        await journey.GotoAsync($"/team/officers/{officerId}/workload", "Workload of " + officer);
        var available = await AvailablePointsAsync(journey);
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Record or change reductions for " + officer }).ClickAsync();
        await journey.ArrivedAsync("Reductions");

        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Record reduction" }).ClickAsync();
        await journey.ArrivedAsync("Reductions");
        await Expect(journey.Page.GetByText("There is a problem")).ToBeVisibleAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Link, new() { Name = "Select a type of reduction" })).ToBeVisibleAsync();

        await journey.Page.GetByLabel("Trade-union facility time").CheckAsync();
        await FillDateAsync(journey.Page, "First day", App.Today);
        await journey.Page.GetByLabel("Hours a week").FillAsync("7.4");
        await journey.Page.GetByLabel("Notes (optional)").FillAsync("Branch secretary");
        await journey.ScreenshotAsync("reductions");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Record reduction" }).ClickAsync();
        await journey.ArrivedAsync("Reductions");
        await Expect(journey.Page.GetByText("Trade-union facility time recorded, from ")).ToBeVisibleAsync();

        await journey.GotoAsync($"/team/officers/{officerId}/workload", "Workload of " + officer);
        Assert.True(await AvailablePointsAsync(journey) < available, "The reduction takes points off at once");

        await journey.GotoAsync($"/team/officers/{officerId}/reductions", "Reductions");
        await journey.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change Trade-union facility time") }).First.ClickAsync();
        await journey.ArrivedAsync("Change a reduction");
        await Expect(journey.Page.GetByLabel("Hours a week")).ToHaveValueAsync("7.4");
        var yesterday = App.Today.AddDays(-1);
        // A week's facility time that ended yesterday: it no longer takes anything off today.
        await FillDateAsync(journey.Page, "First day", yesterday.AddDays(-6));
        await FillDateAsync(journey.Page, "Last day (optional)", yesterday);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await journey.ArrivedAsync("Reductions");
        await Expect(journey.Page.GetByText("Trade-union facility time changed, from ")).ToBeVisibleAsync();

        await journey.GotoAsync($"/team/officers/{officerId}/workload", "Workload of " + officer);
        Assert.Equal(available, await AvailablePointsAsync(journey));
        await journey.FinishAsync();
    }

    [Fact]
    public async Task An_officer_challenges_their_workload_figure_and_their_manager_answers_it()
    {
        await using (var officer = await StartAsync(Scripts.Off))
        {
            await officer.SignInAsync("demo-po");
            await officer.GotoAsync("/workload", "My workload");
            await officer.Page.GetByLabel("This is wrong because").FillAsync("Two of my cases need an interpreter at every appointment");
            await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Send to my manager" }).ClickAsync();
            await officer.ArrivedAsync("My workload");
            await Expect(officer.Page.GetByText("Your challenge has been sent to your manager.")).ToBeVisibleAsync();
            await officer.FinishAsync();
        }

        var (poId, po) = await StaffOfAsync("demo-po");
        var challengeId = await App.WithDbAsync(db => db.WorkloadChallenges.Where(c => c.StaffMemberId == poId && c.Answer == null).MaxAsync(c => c.Id));
        await using var manager = await StartAsync();
        await manager.SignInAsync("demo-spo");
        await manager.GotoAsync($"/workload/challenges/{challengeId}", "Challenge to a workload figure");
        await Expect(manager.Page.GetByText("Two of my cases need an interpreter at every appointment")).ToBeVisibleAsync();
        await manager.Page.GetByLabel("Your answer").FillAsync("Agreed: two hours a week recorded as an agreed reduction");
        await manager.Page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await manager.ArrivedAsync("Workload of " + po);
        await Expect(manager.Page.GetByText($"Your answer has been sent to {po}.")).ToBeVisibleAsync();
        await manager.FinishAsync();
    }

    /// <summary>The points the workload page says are available ("29 points used of 2,176 available").</summary>
    private static async Task<int> AvailablePointsAsync(Journey journey)
    {
        var text = await journey.Page.GetByText(new Regex(@"points used of [0-9,]+ available")).First.InnerTextAsync();
        var match = Regex.Match(text, @"of ([0-9,]+) available");
        return int.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The last probation officer in demo-spo's team linked to no demo user (other journeys take the first, and the one
    /// with most cases), so a reduction here changes nobody else's figures.
    /// </summary>
    private Task<(int Id, string Name)> OfficerForReductionsAsync() =>
        App.WithDbAsync(async db =>
        {
            var (staffId, _) = await StaffOfAsync("demo-spo");
            var team = await db.Staff.AsNoTracking().Where(s => s.Id == staffId).Select(s => s.TeamId).SingleAsync();
            var linked = await db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId!.Value).ToListAsync();
            var officer = await db.Staff.AsNoTracking()
                .Where(s => s.TeamId == team && s.Grade == StaffGrade.ProbationOfficer && s.EndDate == null && !linked.Contains(s.Id))
                .OrderByDescending(s => s.Id).FirstAsync();
            return (officer.Id, officer.FullName);
        });
}
