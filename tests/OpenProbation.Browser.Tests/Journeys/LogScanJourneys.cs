using OpenProbation.Browser.Tests.Infrastructure;

namespace OpenProbation.Browser.Tests.Journeys;

public abstract partial class BrowserJourneys
{
    /// <summary>No personal data in logs (docs/architecture.md): after every journey, the log names nobody.</summary>
    [Fact]
    [RunsLast]
    public async Task After_the_journeys_no_log_line_holds_a_demo_persons_name_or_CRN()
    {
        var lines = App.Log.Lines;
        // The capture works: the host's own Information lines are there.
        Assert.Contains(lines, l => l.StartsWith("Information Microsoft.Hosting.Lifetime", StringComparison.Ordinal));

        var people = await App.PeopleAsync();
        Assert.True(people.Count >= 1200, "The demo region and the people the court journeys added");
        var hits = new PersonalDataScanner(people).Find(lines);
        Assert.True(hits.Count == 0, $"{hits.Count} log lines hold personal data:\n" + string.Join("\n", hits.Take(20)));
    }
}
