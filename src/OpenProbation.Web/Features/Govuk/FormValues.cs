namespace OpenProbation.Web.Features.Govuk;

/// <summary>Reading what a form sent: every field arrives as text, and a hand-edited form can send anything.</summary>
public static class FormValues
{
    /// <summary>The named member of <typeparamref name="T"/>, or null for an empty or unknown value (the domain then says what is missing).</summary>
    public static T? Choice<T>(string? text)
        where T : struct, Enum => Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;
}
