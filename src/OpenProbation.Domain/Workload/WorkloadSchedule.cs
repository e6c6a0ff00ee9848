namespace OpenProbation.Domain.Workload;

/// <summary>Weights that change over time: each entry applies from its date until the next, the first also before it.</summary>
/// <typeparam name="T">The weights.</typeparam>
public sealed class WorkloadSchedule<T>
    where T : class
{
    private readonly (DateOnly From, T Weights)[] _entries;

    /// <summary>A schedule of at least one entry, no two on the same day.</summary>
    public WorkloadSchedule(IEnumerable<(DateOnly From, T Weights)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries.OrderBy(e => e.From)];
        if (_entries.Length == 0)
        {
            throw new ArgumentException("A workload schedule needs at least one entry.", nameof(entries));
        }

        if (_entries.Select(e => e.From).Distinct().Count() != _entries.Length)
        {
            throw new ArgumentException("Two workload weights start on the same day.", nameof(entries));
        }
    }

    /// <summary>The entries, earliest first.</summary>
    public IReadOnlyList<(DateOnly From, T Weights)> Entries => _entries;

    /// <summary>The weights in force on <paramref name="date"/>.</summary>
    public T At(DateOnly date)
    {
        var inForce = _entries[0].Weights;
        foreach (var (from, weights) in _entries)
        {
            if (from > date)
            {
                break;
            }

            inForce = weights;
        }

        return inForce;
    }
}

/// <summary>A report an officer has been asked to write, counted by both workload models until written.</summary>
public sealed class ReportRequest : Common.IVersioned
{
    /// <summary>Database identity.</summary>
    public int Id { get; set; }

    /// <summary>The person the report is about.</summary>
    public int PersonId { get; set; }

    /// <summary>The officer writing it.</summary>
    public int StaffMemberId { get; set; }

    /// <summary>Pre-sentence or parole report.</summary>
    public WorkloadReportType Type { get; set; }

    /// <summary>When it is due.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>When it was completed; empty while being written.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Who asked for it.</summary>
    public string RequestedBy { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The person.</summary>
    public People.Person? Person { get; set; }
}
