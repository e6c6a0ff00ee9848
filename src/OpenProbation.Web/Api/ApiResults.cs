using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenProbation.Domain.Common;

namespace OpenProbation.Web;

/// <summary>A page of a list, as every list endpoint answers it.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The responses API handlers share.</summary>
internal static class ApiResults
{
    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Check the values you sent");

    /// <summary>
    /// A refusal: 409 with the <c>rule</c> and the field messages when a named rule of the record was broken
    /// (<see cref="ValidationErrors.Rule"/>), otherwise the 400 validation problem.
    /// </summary>
    public static IResult Rejected(ValidationErrors errors) => errors.Rule is { } rule
        ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The record does not allow this",
            detail: string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m)),
            extensions: new Dictionary<string, object?> { ["rule"] = rule, ["errors"] = errors.ToDictionary() })
        : Invalid(errors);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} not found", detail: $"There is no {what.ToLowerInvariant()} with that identifier that you can see.", statusCode: 404);

    public static ProblemHttpResult Refused(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: 409);

    /// <summary>
    /// Reads the version the client last saw from <c>If-Match</c> (an ETag such as <c>"3"</c> or <c>W/"3"</c>).
    /// Updates require it, so nobody overwrites a change they have not seen.
    /// </summary>
    public static (int? Version, IResult? Problem) RequiredVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, TypedResults.Problem(statusCode: 428, title: "Say which version you are changing",
                detail: "Send an If-Match header with the ETag (version) you last read, for example If-Match: \"3\"."));
        }

        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (null, TypedResults.Problem(statusCode: 400, title: "The If-Match header is not valid",
                detail: "If-Match must hold the ETag you last read, for example \"3\"."));
        }

        return (version, null);
    }

    /// <summary>
    /// The problem to answer when an update does not name the version it changes, or names an old one; null when
    /// it names the current version. A change racing in after this check still fails, at save, as a 409.
    /// </summary>
    public static IResult? VersionProblem(HttpRequest request, OpenProbation.Domain.Common.IVersioned current)
    {
        var (version, problem) = RequiredVersion(request);
        return problem ?? (version == current.Version ? null : Stale(current.Version));
    }

    public static IResult Stale(int current) =>
        TypedResults.Problem(statusCode: 412, title: "The record was changed by someone else",
            detail: $"You sent changes to an older version; the record is now at version {current}. Read it again, then make your change.");

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>200 with the body and its ETag.</summary>
    public static IResult OkVersioned<T>(HttpContext context, T body, int version)
    {
        context.Response.Headers.ETag = ETag(version);
        return TypedResults.Ok(body);
    }

    public static string UserName(HttpContext context) => context.User.Identity?.Name ?? "unknown";

}
