namespace OpenProbation.Domain.Common;

/// <summary>Light checks on contact details: enough to catch typing mistakes, not a full RFC parser.</summary>
public static class ContactFormats
{
    /// <summary>One @ with text either side and a dot in the domain, no spaces.</summary>
    public static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 3
            && value.IndexOf('.', at) > at + 1 && !value.Any(char.IsWhiteSpace) && !value.EndsWith('.');
    }

    /// <summary>Digits, spaces, brackets, hyphens and a leading plus; at least 6 digits.</summary>
    public static bool LooksLikePhone(string value) =>
        value.All(c => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+')
        && value.Count(char.IsAsciiDigit) >= 6
        && value.LastIndexOf('+') <= 0;
}
