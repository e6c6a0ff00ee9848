using System.Globalization;
using System.Text;
using CsvHelper;
using OpenProbation.Domain.Common;
using CaseReference = OpenProbation.Domain.People.Crn;

namespace OpenProbation.Web.Features.Transfer;

/// <summary>The problems an import has found. Only the first <see cref="MaxListed"/> are kept: a systematic mistake in a
/// two-million-row file must not produce two million messages.</summary>
internal sealed class CsvProblems
{
    public const int MaxListed = 1000;

    private readonly List<CsvImportProblem> _listed = [];

    public int Count { get; private set; }

    public IReadOnlyList<CsvImportProblem> Listed => _listed;

    public void Add(CsvImportProblem problem)
    {
        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(problem);
        }
    }
}

/// <summary>
/// Reads one import file row by row. Each getter parses a column, reports a problem against the row's line and
/// column when the value is wrong, and returns null then, so a row's problems are all found in one pass.
/// Messages never repeat the value: files hold personal data and problems may be logged.
/// </summary>
internal sealed class CsvRowReader : IDisposable
{
    private static readonly CsvReaderOptions BaseOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        DetectSeparatorHint = false,
        IncludeValuesInExceptions = false,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly CsvReader _reader;
    private readonly CsvProblems _problems;
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _badColumns = new(StringComparer.Ordinal);
    private bool _rowProblem;

    private CsvRowReader(CsvFileSpec spec, CsvReader reader, CsvProblems problems)
    {
        Spec = spec;
        _reader = reader;
        _problems = problems;
    }

    public CsvFileSpec Spec { get; }

    public string File => Spec.Name;

    /// <summary>The line the current row starts on (a quoted field may span lines).</summary>
    public int Line => (int)Math.Min(_reader.LineNumber, int.MaxValue);

    public int Rows { get; private set; }

    /// <summary>True while the current row has no problem.</summary>
    public bool RowValid => !_rowProblem;

    /// <summary>Opens a file and checks its header; null (with a problem reported) when the file is missing.</summary>
    public static async Task<CsvRowReader?> OpenAsync(string directory, CsvFileSpec spec, CsvProblems problems, CancellationToken ct)
    {
        var path = Path.Combine(directory, spec.Name);
        if (!System.IO.File.Exists(path))
        {
            problems.Add(new CsvImportProblem(spec.Name, 0, null, "The file is missing: every file must be present, an empty table as a header row alone"));
            return null;
        }

        var options = BaseOptions with
        {
            OnMalformedRecord = m => problems.Add(new CsvImportProblem(spec.Name, (int)Math.Min(m.LineNumber, int.MaxValue), null, Describe(m.Reason))),
        };
        var result = new CsvRowReader(spec, CsvReader.FromFile(path, options), problems);
        try
        {
            await result._reader.ReadHeaderAsync(ct);
            result.CheckHeader();
        }
        catch (CsvFormatException)
        {
            result.HeaderProblem(null, "The header row cannot be read as CSV");
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    public async Task<bool> ReadAsync(CancellationToken ct)
    {
        _badColumns.Clear();
        _rowProblem = false;
        try
        {
            if (!await _reader.ReadAsync(ct))
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            // Only a record too large to buffer gets here (malformed rows are skipped and reported); the rest of the file is unreadable.
            _problems.Add(new CsvImportProblem(File, (int)Math.Min(e.LineNumber, int.MaxValue), null, "The file cannot be read from here on: a record is too large"));
            return false;
        }

        Rows++;
        return true;
    }

    public void Problem(string? column, string message)
    {
        _rowProblem = true;
        if (column is not null)
        {
            _badColumns.Add(column);
        }

        _problems.Add(new CsvImportProblem(File, Line, column, message));
    }

    /// <summary>Reports the domain's messages, under the column each field is read from; a column already reported is skipped.</summary>
    public void Report(ValidationErrors errors, params string[] ignoredFields)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var column = SnakeCase(field);
            if (ignoredFields.Contains(field, StringComparer.Ordinal) || _badColumns.Contains(column))
            {
                continue;
            }

            foreach (var message in messages)
            {
                Problem(column, message);
            }
        }
    }

    /// <summary>The value, or null for an empty field or a column the header leaves out.</summary>
    public string? Raw(string column)
    {
        if (!_index.TryGetValue(column, out var i))
        {
            return null;
        }

        var value = _reader.GetString(i);
        return value.Length == 0 ? null : value;
    }

    public string? Text(string column, int maxLength)
    {
        var value = Raw(column);
        if (value is not null && value.Length > maxLength)
        {
            Problem(column, $"Must be {maxLength} characters or fewer");
            return null;
        }

        return value;
    }

    public string? RequiredText(string column, int maxLength)
    {
        var value = Text(column, maxLength);
        if (string.IsNullOrWhiteSpace(value) && !_badColumns.Contains(column))
        {
            Missing(column);
            return null;
        }

        return value;
    }

    /// <summary>A region, unit, team or staff code: trimmed and upper case, as the organisation API stores codes.</summary>
    public string? Code(string column) => RequiredText(column, FieldLimits.Code)?.Trim().ToUpperInvariant();

    /// <summary>A case reference number in its normalised form.</summary>
    public string? Crn(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            Missing(column);
            return null;
        }

        if (!CaseReference.TryParse(value, out var crn))
        {
            Problem(column, "Not a case reference number: a letter and six digits, like X123456");
            return null;
        }

        return crn.Value;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var value = Raw(column);
        if (value is null)
        {
            return Absent<DateOnly>(column, required);
        }

        if (!DateOnly.TryParseExact(value, CsvFormats.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem(column, "Not a date in the form yyyy-MM-dd");
            return null;
        }

        return date;
    }

    public DateTimeOffset? Timestamp(string column)
    {
        var value = Raw(column);
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact.ToUniversalTime();
        }

        // Files from elsewhere may write 2026-11-23T12:00:00Z or leave the offset out; no offset means UTC.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose))
        {
            return loose.ToUniversalTime();
        }

        Problem(column, "Not a date and time in ISO 8601 form, like 2026-11-23T12:00:00.0000000+00:00");
        return null;
    }

    public int? Int(string column, bool required = false)
    {
        var value = Raw(column);
        if (value is null)
        {
            return Absent<int>(column, required);
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Problem(column, "Not a whole number");
            return null;
        }

        return number;
    }

    /// <summary>A whole number of at least 1, such as order_ref.</summary>
    public int? Reference(string column)
    {
        var number = Int(column, required: true);
        if (number is < 1)
        {
            Problem(column, "Must be a whole number of 1 or more");
            return null;
        }

        return number;
    }

    public decimal? Decimal(string column, bool required = false)
    {
        var value = Raw(column);
        if (value is null)
        {
            return Absent<decimal>(column, required);
        }

        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Problem(column, "Not a number (use a full stop for decimals, like 22.5)");
            return null;
        }

        return number;
    }

    public bool? Bool(string column, bool required = false)
    {
        var value = Raw(column);
        if (value is null)
        {
            return Absent<bool>(column, required);
        }

        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Problem(column, "Must be true or false");
        return null;
    }

    /// <summary>An enum by member name (any case); numbers are refused, since member order is not part of the format.</summary>
    public T? Enum<T>(string column, bool required = false)
        where T : struct, Enum
    {
        var value = Raw(column);
        if (value is null)
        {
            return Absent<T>(column, required);
        }

        if (EnumNames<T>.ByName.TryGetValue(value, out var result))
        {
            return result;
        }

        Problem(column, $"Not a known value: use one of {EnumNames<T>.List}");
        return null;
    }

    public void Dispose() => _reader.Dispose();

    private T? Absent<T>(string column, bool required)
        where T : struct
    {
        if (required)
        {
            Missing(column);
        }

        return null;
    }

    private void Missing(string column) => Problem(column, "A value is required");

    /// <summary>Unknown and repeated columns are refused: a misspelt optional column would otherwise be dropped unnoticed.</summary>
    private void CheckHeader()
    {
        var headers = _reader.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            if (name.Length == 0)
            {
                HeaderProblem(null, "The header has a column without a name");
            }
            else if (!Spec.Columns.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                HeaderProblem(name, "Unknown column: check its spelling");
            }
            else if (!_index.TryAdd(name, i))
            {
                HeaderProblem(name, "The column appears more than once in the header");
            }
        }

        foreach (var column in Spec.Columns.Where(c => c.Required && !_index.ContainsKey(c.Name)))
        {
            HeaderProblem(column.Name, "The header lacks this required column");
        }
    }

    private void HeaderProblem(string? column, string message) => _problems.Add(new CsvImportProblem(File, 1, column, message));

    private static string Describe(CsvMalformedReason reason) => reason == CsvMalformedReason.FieldCountMismatch
        ? "The row has a different number of fields from the header"
        : "The row's quotes do not balance: a field holding a comma, quote or line break must be in double quotes, with each inner quote doubled";

    private static string SnakeCase(string field)
    {
        var text = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                text.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName =
            System.Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.OrdinalIgnoreCase);

        public static readonly string List = string.Join(", ", System.Enum.GetNames<T>());
    }
}
