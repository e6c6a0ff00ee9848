using System.Net;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Features.Reports;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Court;

/// <summary>
/// Feedback to sentencers through the API (Crest recommendation 8, PRACTICE.md section 2): each court's orders by outcome,
/// RAR days delivered as the RAR page counts them, unpaid work hours ordered; counts only, leaving out the cases the
/// reader may not see (PRACTICE.md section 7, line 9). Today is Monday 23 November 2026.
/// </summary>
public abstract class CourtFeedbackApiTests(AppFixture app)
{
    private static string Url(string court, string query = "from=2026-01-01&to=2026-11-23") =>
        $"/api/v1/reports/courts/{Uri.EscapeDataString(court)}?{query}";

    [Fact]
    public async Task Each_court_has_its_orders_by_outcome_RAR_days_delivered_and_unpaid_work_hours_ordered()
    {
        var world = await CourtWorld.BuildAsync(app);

        var report = await (await world.Reader.GetAsync("/api/v1/reports/courts?from=2026-01-01&to=2026-11-23")).ReadAsync<CourtsReportDto>();

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 23)), (report.From, report.To));
        var first = Assert.Single(report.Courts, c => c.Court == world.First);
        Assert.Equal(new CourtOutcomesDto(4, 1, 1, 1, 0, 1, 2, 50.0m, 50.0m), first.Outcomes);
        Assert.Equal(new CourtRarDto(1, 0, 10, 2), first.Rar);
        Assert.Equal((1, 100, (int?)null), (first.UnpaidWork.Requirements, first.UnpaidWork.HoursOrdered, first.UnpaidWork.HoursCompleted));
        Assert.Contains("unpaid work sessions are recorded", first.UnpaidWork.HoursCompletedNote, StringComparison.Ordinal);

        var second = Assert.Single(report.Courts, c => c.Court == world.Second);
        Assert.Equal(new CourtOutcomesDto(2, 0, 0, 1, 1, 0, 2, 50.0m, 0m), second.Outcomes);
        Assert.Equal(new CourtRarDto(1, 0, 5, 1), second.Rar);
        Assert.Equal(80, second.UnpaidWork.HoursOrdered);

        // Most orders first.
        Assert.True(report.Courts.ToList().FindIndex(c => c.Court == world.First) < report.Courts.ToList().FindIndex(c => c.Court == world.Second));
    }

    [Fact]
    public async Task One_court_in_detail_gives_its_orders_by_type_and_the_rates_and_an_unknown_court_is_not_found()
    {
        var world = await CourtWorld.BuildAsync(app);

        var court = await (await world.Reader.GetAsync(Url(world.First))).ReadAsync<CourtReportDto>();

        Assert.Equal(world.First, court.Court);
        Assert.Equal((4, 50.0m, 50.0m), (court.Outcomes.Orders, court.Outcomes.CompletionRatePercent, court.Outcomes.BreachRatePercent));
        Assert.Equal([OrderType.CommunityOrder, OrderType.SuspendedSentenceOrder], court.ByOrderType.Select(t => t.Type));
        Assert.Equal(new CourtOutcomesDto(3, 1, 1, 0, 0, 1, 1, 0m, 66.7m), court.ByOrderType[0].Outcomes);
        Assert.Equal(new CourtOutcomesDto(1, 0, 0, 1, 0, 0, 1, 100m, 0m), court.ByOrderType[1].Outcomes);
        Assert.Equal(2, court.Rar.DaysDelivered);

        // The default period is the year to today, which takes in the order from January 2025 only when asked for.
        var defaults = await (await world.Reader.GetAsync($"/api/v1/reports/courts/{Uri.EscapeDataString(world.First)}")).ReadAsync<CourtReportDto>();
        Assert.Equal((new DateOnly(2025, 11, 24), new DateOnly(2026, 11, 23), 4), (defaults.From, defaults.To, defaults.Outcomes.Orders));
        var longer = await (await world.Reader.GetAsync(Url(world.First, "from=2025-01-01"))).ReadAsync<CourtReportDto>();
        Assert.Equal(5, longer.Outcomes.Orders);

        // A period with none of its orders is zeros, not a 404; a court with no order the reader can see is a 404.
        var empty = await (await world.Reader.GetAsync(Url(world.First, "from=2024-01-01&to=2024-12-31"))).ReadAsync<CourtReportDto>();
        Assert.Equal((0, (decimal?)null, (decimal?)null), (empty.Outcomes.Orders, empty.Outcomes.CompletionRatePercent, empty.Outcomes.BreachRatePercent));
        Assert.Empty(empty.ByOrderType);
        var missing = await (await world.Reader.GetAsync(Url("No Such Magistrates' Court"))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Court not found", missing.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_restricted_case_is_not_counted_for_a_reader_who_may_not_see_it_and_is_for_one_who_may()
    {
        var world = await CourtWorld.BuildAsync(app);

        var reader = await (await world.Reader.GetAsync(Url(world.First))).ReadAsync<CourtReportDto>();
        var allowed = await (await world.Allowed.GetAsync(Url(world.First))).ReadAsync<CourtReportDto>();

        Assert.Equal((4, 0, 100), (reader.Outcomes.Orders, reader.Outcomes.Terminated, reader.UnpaidWork.HoursOrdered));
        Assert.Equal((5, 1, 300), (allowed.Outcomes.Orders, allowed.Outcomes.Terminated, allowed.UnpaidWork.HoursOrdered));

        // Counts only: nothing in the answer names a person.
        var json = await (await world.Allowed.GetAsync(Url(world.First))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("crn", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Testperson", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_or_a_date_that_is_not_one_is_refused_on_its_field()
    {
        var client = await app.ClientForAsync(Roles.CourtOfficer);

        var backwards = await (await client.GetAsync("/api/v1/reports/courts?from=2026-11-23&to=2026-01-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from"], backwards.ErrorFields());
        var future = await (await client.GetAsync("/api/v1/reports/courts?from=2027-01-01")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["from"], future.ErrorFields());
        var wrong = await (await client.GetAsync("/api/v1/reports/courts?to=30/11/2026")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["to"], wrong.ErrorFields());

        // Probation officers are not given it.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.ProbationOfficer)).GetAsync("/api/v1/reports/courts")).StatusCode);
    }
}

public sealed class CourtFeedbackApiTests_Sqlite(SqliteApp app) : CourtFeedbackApiTests(app), IClassFixture<SqliteApp>;

public sealed class CourtFeedbackApiTests_Postgres(PostgresApp app) : CourtFeedbackApiTests(app), IClassFixture<PostgresApp>;
