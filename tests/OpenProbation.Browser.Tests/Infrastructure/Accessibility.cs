using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenProbation.Browser.Tests.Infrastructure;

/// <summary>axe-core over a page with the WCAG 2.0, 2.1 and 2.2 A and AA rules.</summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails with every violation: rule, what it asks, and the elements at fault.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        });
        var report = Describe(result.Violations);
        Assert.True(report.Length == 0, $"axe-core found accessibility violations on {page.Url}:\n{report}");
    }

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(' ').AppendLine(v.HelpUrl);
            foreach (var node in v.Nodes)
            {
                text.Append("    at ").Append(string.Join(" ", node.Target?.ToString() ?? "?")).Append("  ").AppendLine(node.Html);
            }
        }

        return text.ToString();
    }
}
