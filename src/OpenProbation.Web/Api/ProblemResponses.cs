using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace OpenProbation.Web;

/// <summary>
/// Turns everything that can go wrong with a request into RFC 7807 problem details. Client mistakes get a 4xx
/// with the field at fault; only our own faults are 500s, and those never echo internals.
/// </summary>
internal static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        ProblemDetails problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Instance = context.Request.Path;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }

    /// <summary>Maps exceptions to problem responses; registered with <c>UseExceptionHandler</c>.</summary>
    public static async Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail, errors) = Classify(error);
        if (status >= 500)
        {
            // The exception type only: messages can carry personal data.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("OpenProbation.Errors")
                .LogError("Unhandled {ExceptionType} on {Method} {Path}", error?.GetType().FullName, context.Request.Method, context.Request.Path);
        }

        await WriteAsync(context, status, title, detail, errors);
    }

    internal static (int Status, string Title, string Detail, IDictionary<string, string[]>? Errors) Classify(Exception? error)
    {
        switch (error)
        {
            case BadHttpRequestException bad when FindJsonException(bad) is { } json:
                var field = JsonPathToField(json.Path);
                return (400, "The request body is not valid", "A field has a value of the wrong type or the JSON is malformed.",
                    new Dictionary<string, string[]> { [field] = [field == "$" ? "The request body is not valid JSON" : "The value is not valid for this field"] });
            case BadHttpRequestException bad when bad.StatusCode == 400 && ParameterName(bad.Message) is { } parameter:
                return (400, "A parameter is not valid", bad.Message,
                    new Dictionary<string, string[]> { [parameter] = ["The value is not valid for this parameter"] });
            case BadHttpRequestException bad:
                return (bad.StatusCode, bad.StatusCode switch
                {
                    413 => "The request body is too large",
                    415 => "Send the body as application/json",
                    _ => "The request is not valid",
                }, bad.Message.Length > 300 ? bad.Message[..300] : bad.Message, null);
            case DbUpdateConcurrencyException:
                return (409, "The record was changed by someone else",
                    "Someone saved a change to this record after you read it. Read it again, then make your change.", null);
            case DbUpdateException:
                return (409, "The change conflicts with existing records",
                    "The record could not be saved because it clashes with another record (for example a code that is already used).", null);
            default:
                return (500, "Something went wrong", "The error has been logged. Try again; if it persists, contact support.", null);
        }
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // "$.dateOfBirth" → "dateOfBirth"; "$.items[0].name" → "items[0].name"; null or "$" → "$" (the whole body).
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // Minimal APIs say: Failed to bind parameter "int page" from "abc".
    private static string? ParameterName(string message)
    {
        const string marker = "parameter \"";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = message.IndexOf('"', start);
        if (end < 0)
        {
            return null;
        }

        var declaration = message[start..end];
        var space = declaration.LastIndexOf(' ');
        return space >= 0 ? declaration[(space + 1)..] : declaration;
    }
}
