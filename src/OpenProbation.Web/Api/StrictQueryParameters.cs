using System.Globalization;
using OpenProbation.Domain.Common;

namespace OpenProbation.Web;

/// <summary>
/// Holds query parameters to the forms the API documents. The framework's binder also takes enum numbers and
/// comma lists (which combine into another member: <c>grade=ProbationOfficer,ProbationServiceOfficer</c> would
/// mean trainees) and dates in US order; here enums must be a member's name and dates must be yyyy-MM-dd.
/// Applied to every API endpoint, so a new one is covered without thinking about it.
/// </summary>
internal static class StrictQueryParameters
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .Select(p => (p.Name, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Name is not null && (p.Type.IsEnum || p.Type == typeof(DateOnly)))
            .ToArray();
        if (checks.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            var errors = new ValidationErrors();
            foreach (var (name, type) in checks)
            {
                if (!query.TryGetValue(name!, out var values))
                {
                    continue;
                }

                if (values.Count != 1)
                {
                    errors.Add(name!, "Give this parameter once");
                }
                else if (type.IsEnum && !Enum.GetNames(type).Contains(values[0], StringComparer.Ordinal))
                {
                    errors.Add(name!, $"Use one of {string.Join(", ", Enum.GetNames(type))}");
                }
                else if (type == typeof(DateOnly)
                    && !DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(name!, "Enter a date as yyyy-MM-dd, like 2026-03-31");
                }
            }

            return errors.IsValid ? next(invocation) : ValueTask.FromResult<object?>(ApiResults.Invalid(errors));
        };
    }
}
