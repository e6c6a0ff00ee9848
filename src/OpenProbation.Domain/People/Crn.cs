using System.Diagnostics.CodeAnalysis;

namespace OpenProbation.Domain.People;

/// <summary>
/// Case reference number: one capital letter followed by six digits (e.g. <c>X123456</c>). It identifies a
/// person on probation for life and never changes. Lower-case input is accepted and normalised.
/// </summary>
public readonly record struct Crn
{
    private Crn(string value) => Value = value;

    /// <summary>The normalised seven-character form.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is a letter and six digits (any case, surrounding spaces ignored).</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <summary>Parses a CRN, normalising case and trimming spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Crn crn)
    {
        crn = default;
        if (text is null)
        {
            return false;
        }

        var t = text.Trim();
        if (t.Length != 7 || !char.IsAsciiLetter(t[0]) || !t.AsSpan(1).ContainsOnlyAsciiDigits())
        {
            return false;
        }

        crn = new Crn(char.ToUpperInvariant(t[0]) + t[1..]);
        return true;
    }

    /// <summary>Parses a CRN or throws <see cref="FormatException"/>.</summary>
    public static Crn Parse(string text) =>
        TryParse(text, out var crn) ? crn : throw new FormatException($"'{text}' is not a case reference number (a letter and six digits)");

    /// <summary>
    /// Draws a candidate CRN from <paramref name="random"/>. Uniqueness is the caller's job: the database has a
    /// unique index, and callers draw again on a clash. 26 million values keep clashes rare.
    /// </summary>
    public static Crn Generate(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
#pragma warning disable CA5394 // Not a secret: a reference number only has to be unique.
        var letter = (char)('A' + random.Next(26));
        var number = random.Next(0, 1_000_000);
#pragma warning restore CA5394
        return new Crn(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{letter}{number:D6}"));
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}

/// <summary>Helpers for span checks.</summary>
internal static class SpanChecks
{
    public static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
