using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenProbation.Browser.Tests.Infrastructure;

/// <summary>Every line the application logs while the browser drives it: level, category, message, properties, exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The properties too: a value kept out of the message text still reaches a structured log store.
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {properties} {exception}");
        }
    }
}

/// <summary>Finds personal data (a person's CRN, or their first and last name together) in log lines.</summary>
public sealed class PersonalDataScanner
{
    private readonly List<(string Needle, string What)> _needles = [];

    public PersonalDataScanner(IEnumerable<(string Crn, string FirstName, string LastName)> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        foreach (var (crn, first, last) in people)
        {
            _needles.Add((crn, $"CRN {crn}"));
            _needles.Add(($"{first} {last}", $"the name of {crn}"));
            _needles.Add(($"{last}, {first}", $"the name of {crn}"));
        }
    }

    /// <summary>Each offending line with what it gives away.</summary>
    public IReadOnlyList<string> Find(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var hits = new List<string>();
        foreach (var line in lines)
        {
            foreach (var (needle, what) in _needles)
            {
                if (line.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add($"{what}: {line}");
                }
            }
        }

        return hits;
    }
}
