using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>Reading what a form sent: every field arrives as text, and a hand-edited form can send anything.</summary>
public static class FormValues
{
    /// <summary>The named member of <typeparamref name="T"/>, or null for an empty or unknown value (the domain then says what is missing).</summary>
    public static T? Choice<T>(string? text)
        where T : struct, Enum => Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>The id a select or radio sent, or null for none or for anything that is not one (the page then says to choose).</summary>
    public static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A whole number, or null when empty; text that is not one adds an error against <paramref name="key"/>.</summary>
    public static int? WholeNumber(ModelStateDictionary state, string key, string? text, string label)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(key, $"{label} must be a whole number, like 12");
        return null;
    }

    /// <summary>A decimal number such as 5.25 (a trailing % is allowed), or null when empty; anything else adds an error.</summary>
    public static decimal? Number(ModelStateDictionary state, string key, string? text, string label)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(key, $"{label} must be a number, like 5.25");
        return null;
    }
}
