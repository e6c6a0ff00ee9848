using System.Net;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Court;

/// <summary>
/// The court pages added for Crest recommendations 8 and 9: the RAR proposal helper (PRACTICE.md section 2, guideline by
/// OGRS) and feedback to sentencers, counts only and without the cases the reader may not see.
/// </summary>
public abstract class CourtPageTests(PagesAppFixture app)
{
    [Fact]
    public async Task The_RAR_proposal_page_shows_the_guideline_asks_for_a_reason_outside_it_and_keeps_what_was_typed()
    {
        var (session, _) = await app.SignedInAsync(Roles.ProbationOfficer);
        const string page = "/court/rar-proposal";

        var (blank, blankHtml) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("25&#x2013;49%", blankHtml, StringComparison.Ordinal);
        Assert.Contains("Exceptional circumstances only", blankHtml, StringComparison.Ordinal);

        var (_, refused) = await session.PostAsync(page,
            [new("Input.OgrsPercent", "47"), new("Input.SexualOffence", "no"), new("Input.ProposedDays", "20"), new("Input.Reason", "")], formPage: page);
        Assert.Contains("There is a problem", refused, StringComparison.Ordinal);
        Assert.Contains("outside the guideline of 1 to 15", refused, StringComparison.Ordinal);
        Assert.Contains("Guideline: 1 to 15 days, low intensity", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"20\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"no\" checked", refused, StringComparison.Ordinal);

        var (_, accepted) = await session.PostAsync(page,
            [new("Input.OgrsPercent", "47"), new("Input.SexualOffence", "no"), new("Input.ProposedDays", "12"), new("Input.Reason", "")], formPage: page);
        Assert.DoesNotContain("There is a problem", accepted, StringComparison.Ordinal);
        Assert.Contains("Within the guideline", accepted, StringComparison.Ordinal);
        Assert.Contains("12 days", accepted, StringComparison.Ordinal);

        var (_, sexual) = await session.PostAsync(page, [new("Input.OgrsPercent", ""), new("Input.SexualOffence", "yes")], formPage: page);
        Assert.Contains("Guideline: no OGRS band for a sexual offence", sexual, StringComparison.Ordinal);
        Assert.Contains("A proposal here needs a reason", sexual, StringComparison.Ordinal);

        var (_, typo) = await session.PostAsync(page, [new("Input.OgrsPercent", "forty"), new("Input.SexualOffence", "")], formPage: page);
        Assert.Contains("The OGRS score must be a whole number", typo, StringComparison.Ordinal);
        Assert.Contains("Say whether the offence is a sexual offence", typo, StringComparison.Ordinal);
        Assert.Contains("value=\"forty\"", typo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_to_sentencers_shows_each_court_and_one_in_detail_counts_only_without_restricted_cases()
    {
        var world = await CourtWorld.BuildAsync(app);
        var session = await app.SignInAsync(world.ReaderName);

        var (_, court) = await session.GetAsync("/court");
        Assert.Contains("href=\"/court/rar-proposal\"", court, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/courts\"", court, StringComparison.Ordinal);

        var (list, html) = await session.GetAsync("/reports/courts?from=1/1/2026&to=23/11/2026");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(world.First.Replace("'", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Contains(world.Second, html, StringComparison.Ordinal);
        Assert.Contains("2 of 10", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Testperson", html, StringComparison.Ordinal);

        // The same table as CSV, counts only.
        var (csv, csvText) = await session.GetAsync("/reports/courts?handler=Csv&from=2026-01-01&to=2026-11-23");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("court,sentencedFrom,sentencedTo,orders,", csvText, StringComparison.Ordinal);
        Assert.Contains($"\n{world.First},2026-01-01,2026-11-23,4,1,1,1,0,1,50,50,1,10,2,1,100\n", csvText, StringComparison.Ordinal);
        Assert.Contains($"\n{world.Second},2026-01-01,2026-11-23,2,0,0,1,1,0,50,0,1,5,1,1,80\n", csvText, StringComparison.Ordinal);

        var detail = $"/reports/courts/detail?name={Uri.EscapeDataString(world.First)}&from=2026-01-01&to=2026-11-23";
        var (one, oneHtml) = await session.GetAsync(detail);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains("50% (1 completed of 2 ended)", oneHtml, StringComparison.Ordinal);
        Assert.Contains("66.7%", oneHtml, StringComparison.Ordinal);
        Assert.Contains("2 of the 10 days allowed", oneHtml, StringComparison.Ordinal);
        Assert.Contains("100, on 1 requirement", oneHtml, StringComparison.Ordinal);
        Assert.Contains("Not yet recorded", oneHtml, StringComparison.Ordinal);

        // The reader allowed on the restricted case sees it counted.
        var allowed = await app.SignInAsync(world.AllowedName);
        var (_, allowedHtml) = await allowed.GetAsync(detail);
        Assert.Contains("300, on 2 requirements", allowedHtml, StringComparison.Ordinal);

        // Mistakes are shown with what was typed; a court the reader can see no order of is not found.
        var (_, wrong) = await session.GetAsync("/reports/courts?from=31/2/2026&to=23/11/2026");
        Assert.Contains("There is a problem", wrong, StringComparison.Ordinal);
        Assert.Contains("The first sentence date must be a real date", wrong, StringComparison.Ordinal);
        Assert.Contains("value=\"31/2/2026\"", wrong, StringComparison.Ordinal);
        var (_, backwards) = await session.GetAsync("/reports/courts?from=23/11/2026&to=1/1/2026");
        Assert.Contains("must be on or before the last", backwards, StringComparison.Ordinal);
        var (missing, _) = await session.GetAsync("/reports/courts/detail?name=No%20Such%20Court");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class CourtPageTests_Sqlite(SqlitePagesApp app) : CourtPageTests(app), IClassFixture<SqlitePagesApp>;

public sealed class CourtPageTests_Postgres(PostgresPagesApp app) : CourtPageTests(app), IClassFixture<PostgresPagesApp>;
