using Microsoft.Extensions.Logging;
using OpenProbation.Browser.Tests.Infrastructure;

namespace OpenProbation.Browser.Tests;

/// <summary>The log scan the browser journeys end with can fail: it finds a CRN or a name wherever it is in a line.</summary>
public sealed class LogScanTests
{
    private static readonly PersonalDataScanner Scanner = new([("X123456", "Amira", "Okafor"), ("Y654321", "Tom", "Smith")]);

    [Theory]
    [InlineData("Information OpenProbation.Web: Viewed case X123456 ", "CRN X123456")]
    [InlineData("Warning App: request /people/x123456 failed", "CRN X123456")]
    [InlineData("Error App: saving AMIRA OKAFOR failed ", "the name of X123456")]
    [InlineData("Information App: Person=Smith, Tom", "the name of Y654321")]
    public void The_scan_flags_a_line_with_a_CRN_or_a_first_and_last_name(string line, string what)
    {
        var hit = Assert.Single(Scanner.Find(["Information Microsoft.Hosting.Lifetime: Application started", line]));
        Assert.StartsWith(what + ": ", hit, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scan_passes_lines_without_personal_data()
    {
        Assert.Empty(Scanner.Find(["Information App: 1200 people generated", "Warning App: Okafor team meeting", "Error App: DbUpdateException"]));
    }

    [Fact]
    public void The_capture_keeps_message_properties_and_exceptions()
    {
        using var capture = new LogCapture();
        var logger = capture.CreateLogger("OpenProbation.Test");
        KeyValuePair<string, object?>[] state = [new("Crn", "X123456")];
        var exception = new InvalidOperationException("Saving Tom Smith failed");
        logger.Log(LogLevel.Information, default, state, null, (_, _) => "Opened a case");
        logger.Log(LogLevel.Error, default, "state", exception, (_, _) => "Save failed");

        var hits = Scanner.Find(capture.Lines);
        Assert.Equal(2, hits.Count);
        Assert.StartsWith("CRN X123456: Information OpenProbation.Test: Opened a case", hits[0], StringComparison.Ordinal);
        Assert.StartsWith("the name of Y654321: Error OpenProbation.Test: Save failed", hits[1], StringComparison.Ordinal);
    }
}
