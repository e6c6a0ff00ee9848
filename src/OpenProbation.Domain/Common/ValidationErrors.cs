namespace OpenProbation.Domain.Common;

/// <summary>
/// Field-level messages gathered while checking input against the rules. Keys are the field names a
/// client sends (camelCase), so a form or an API client can put each message next to its field.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no rule was broken.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>The fields that have at least one message.</summary>
    public IEnumerable<string> Fields => _errors.Keys;

    /// <summary>
    /// The named rule of the record the input ran into (e.g. <c>rar-maximum-days</c>), when the refusal is one: the
    /// input is well formed but the record forbids it, which an API answers 409 with the rule, not 400.
    /// </summary>
    public string? Rule { get; private set; }

    /// <summary>Records a refusal by a named rule of the record against a field (<see cref="Rule"/>; the first one named stays).</summary>
    public ValidationErrors Refuse(string field, string rule, string message)
    {
        Rule ??= rule;
        return Add(field, message);
    }

    /// <summary>Records a message against a field.</summary>
    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
        return this;
    }

    /// <summary>Requires a non-blank value of at most <paramref name="maxLength"/> characters.</summary>
    public ValidationErrors Required(string field, string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"Enter {label}");
        }

        return MaxLength(field, value, maxLength, label);
    }

    /// <summary>
    /// Allows a missing value, but not one longer than <paramref name="maxLength"/> characters, nor one holding
    /// control characters other than tabs and line breaks (PostgreSQL cannot store NUL; SQLite would, so the two
    /// databases must not be left to decide).
    /// </summary>
    public ValidationErrors MaxLength(string field, string? value, int maxLength, string label)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{Capitalise(label)} must be {maxLength} characters or fewer");
        }
        else if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            Add(field, $"{Capitalise(label)} must not contain control characters");
        }

        return this;
    }

    /// <summary>Requires a value to be present.</summary>
    public ValidationErrors Present<T>(string field, T? value, string message)
        where T : struct
    {
        if (value is null)
        {
            Add(field, message);
        }

        return this;
    }

    /// <summary>Requires an enum value to be one of the named members (numbers in JSON or a query string could smuggle others in).</summary>
    public ValidationErrors Defined<T>(string field, T? value, string label, bool required = true)
        where T : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"Select {label}");
            }
        }
        else if (!Enum.IsDefined(value.Value))
        {
            Add(field, $"Select a valid {WithoutArticle(label)}");
        }

        return this;
    }

    /// <summary>Merges the messages of another set under a field prefix.</summary>
    public ValidationErrors Merge(ValidationErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Rule ??= other.Rule;
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }

        return this;
    }

    /// <summary>A copy with each field renamed by <paramref name="rename"/>; fields renamed alike pool their messages.</summary>
    public ValidationErrors Renamed(Func<string, string> rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        var renamed = new ValidationErrors { Rule = Rule };
        foreach (var (field, messages) in _errors)
        {
            foreach (var message in messages)
            {
                renamed.Add(rename(field), message);
            }
        }

        return renamed;
    }

    /// <summary>The messages by field, in the shape RFC 7807 validation problems use.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    // Labels read "a gender" so that "Select a gender" works; "Select a valid a gender" would not.
    private static string WithoutArticle(string label) =>
        label.StartsWith("a ", StringComparison.Ordinal) ? label[2..]
        : label.StartsWith("an ", StringComparison.Ordinal) ? label[3..]
        : label;

    private static string Capitalise(string label) =>
        label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
