using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenProbation.Domain.Common;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>Puts the domain's field messages on a form, next to the fields they are about.</summary>
public static class FormErrors
{
    /// <summary>
    /// Adds each message under <c>prefix.FieldName</c>: the domain's camelCase field <c>dateOfBirth</c> becomes
    /// <c>Input.DateOfBirth</c>. <paramref name="rename"/> maps fields whose form name differs. A field the page
    /// has already put in error keeps its own, more specific message (e.g. "must be a real date").
    /// </summary>
    public static void AddDomainErrors(this ModelStateDictionary state, ValidationErrors errors, string prefix, IReadOnlyDictionary<string, string>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var name = rename?.GetValueOrDefault(field) ?? (field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..]);
            var key = string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
            if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            foreach (var message in messages)
            {
                state.AddModelError(key, message);
            }
        }
    }
}
