using System.Globalization;

namespace OpenProbation.Domain.Contacts;

/// <summary>Small helpers for the sentences the contact rules write.</summary>
internal static class Wording
{
    /// <summary>"an office interview", "a RAR session"; capitalised to start a sentence.</summary>
    public static string Article(string phrase, bool capital = false)
    {
        var article = phrase.Length > 0 && "aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an" : "a";
        return $"{(capital ? char.ToUpperInvariant(article[0]) + article[1..] : article)} {phrase}";
    }

    /// <summary>"Tuesday 3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"10:00".</summary>
    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>"1 member of staff", "2 members of staff".</summary>
    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
