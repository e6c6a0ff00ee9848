namespace OpenProbation.Web.Security;

/// <summary>
/// What an API token may do, on top of what its user's role allows: <c>read</c> (GET only) and <c>write</c>
/// (everything the role allows). Tokens made before scopes were split carry <c>api</c>, which means both.
/// </summary>
public static class TokenScopes
{
    public const string Read = "read";

    public const string Write = "write";

    /// <summary>The scope of the first tokens: read and write.</summary>
    public const string Legacy = "api";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    /// <summary>Parses a space- or comma-separated list of scopes; null when one is unknown or none is given.</summary>
    public static string? Normalise(string? text)
    {
        var scopes = (text ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0 || scopes.Any(s => !All.Contains(s)))
        {
            return null;
        }

        return string.Join(' ', All.Where(scopes.Contains));
    }

    internal static bool Allows(IEnumerable<string> scopes, string method)
    {
        var held = scopes.ToHashSet(StringComparer.Ordinal);
        if (held.Contains(Legacy) || held.Contains(Write))
        {
            return true;
        }

        return held.Contains(Read) && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
    }

    /// <summary>Endpoint filter on <c>/api/v1</c>: a token without the scope for this method gets 403.</summary>
    public static async ValueTask<object?> EnforceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.FindFirst("token_id") is not null
            && !Allows(http.User.FindAll("scope").Select(c => c.Value), http.Request.Method))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "This token's scope does not allow this. A token with scope 'read' can only read; create one with 'write' to make changes.");
        }

        return await next(context);
    }
}
