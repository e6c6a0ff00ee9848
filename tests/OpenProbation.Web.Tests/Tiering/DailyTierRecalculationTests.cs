using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Features.Tiering;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Tiering;

/// <summary>
/// The daily run: once per day per database (however many nodes), and it applies the changes time brings, such as
/// a layer 3 assessment passing 55 weeks. Its own fixture, because it moves the clock.
/// </summary>
public abstract class DailyTierRecalculationTests(AppFixture app)
{
    [Fact]
    public async Task The_run_claims_each_day_once_and_an_assessment_passing_55_weeks_moves_the_change_level()
    {
        var client = await app.ClientForAsync(Roles.ProbationOfficer);
        var order = await TestData.CreatePersonWithOrderAsync(client);
        (await client.PostJsonAsync($"/api/v1/orders/{order.Id}/requirements", new { type = "Rar", rarMaxDays = 20 })).EnsureSuccessStatusCode();

        // Assessed 55 weeks less two days ago: still valid today and tomorrow, no longer in two days.
        var assessedOn = app.Today.AddDays(-(55 * 7) + 2);
        (await client.PostJsonAsync($"/api/v1/people/{order.Crn}/assessments", new
        {
            assessedOn = assessedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            layer = "Layer3",
            rosh = "Medium",
            ogrsPercent = 5,
        })).EnsureSuccessStatusCode();
        var before = await (await client.GetAsync($"/api/v1/people/{order.Crn}/tier")).ReadAsync<PersonTierDto>();
        Assert.Equal("C1", before.Current!.Tier);

        var job = app.Services.GetRequiredService<DailyTierRecalculation>();
        Assert.True(await job.RunIfDueAsync(CancellationToken.None));
        Assert.False(await job.RunIfDueAsync(CancellationToken.None));

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await job.RunIfDueAsync(CancellationToken.None));

        var after = await (await client.GetAsync($"/api/v1/people/{order.Crn}/tier")).ReadAsync<PersonTierDto>();
        Assert.Equal(("C2", TierChangeDirection.Upgrade, CaseTiers.Daily), (after.Current!.Tier, after.Current.Direction, after.Current.Trigger));
        Assert.Contains(after.Current.Working, w => w.Input == "No valid assessment");
        var run = await app.WithDbAsync(db => db.ScheduledRuns.AsNoTracking().SingleAsync(r => r.Name == DailyTierRecalculation.JobName));
        Assert.Equal(app.Today, run.LastRunOn);
        Assert.NotNull(run.FinishedAt);
    }
}

public sealed class DailyTierRecalculationTests_Sqlite(SqliteApp app) : DailyTierRecalculationTests(app), IClassFixture<SqliteApp>;

public sealed class DailyTierRecalculationTests_Postgres(PostgresApp app) : DailyTierRecalculationTests(app), IClassFixture<PostgresApp>;
