using Microsoft.AspNetCore.Mvc.ModelBinding;
using OpenProbation.Domain.Common;

namespace OpenProbation.Web.Features.Govuk;

/// <summary>Puts the domain's field messages on a form, next to the fields they are about.</summary>
public static class FormErrors
{
    /// <summary>
    /// Adds each message under <c>prefix.FieldName</c>: the domain's camelCase field <c>dateOfBirth</c> becomes
    /// <c>Input.DateOfBirth</c>. <paramref name="rename"/> maps fields whose form name differs.
    /// </summary>
    public static void AddDomainErrors(this ModelStateDictionary state, ValidationErrors errors, string prefix, IReadOnlyDictionary<string, string>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var name = rename?.GetValueOrDefault(field) ?? (field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..]);
            var key = string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
            foreach (var message in messages)
            {
                // The same message twice (e.g. from two rules) is shown once.
                if (!state.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
                {
                    state.AddModelError(key, message);
                }
            }
        }
    }
}
