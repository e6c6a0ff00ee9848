namespace OpenProbation.Domain.Common;

/// <summary>Page numbers and sizes for lists. Pages start at 1; a page holds at most <see cref="MaxPageSize"/> rows.</summary>
public readonly record struct Paging
{
    /// <summary>The page size used when none is asked for.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a client may ask for, so a request's work stays bounded.</summary>
    public const int MaxPageSize = 200;

    private Paging(int page, int pageSize)
    {
        Page = page;
        PageSize = pageSize;
    }

    /// <summary>The 1-based page number.</summary>
    public int Page { get; }

    /// <summary>Rows per page.</summary>
    public int PageSize { get; }

    /// <summary>Rows to skip to reach this page.</summary>
    public int Skip => checked((Page - 1) * PageSize);

    /// <summary>Checks a requested page; missing values take the defaults.</summary>
    public static Paging Create(int? page, int? pageSize, ValidationErrors errors)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1 || p > 1_000_000)
        {
            errors.Add("page", "Page must be between 1 and 1000000");
            p = 1;
        }

        if (size < 1 || size > MaxPageSize)
        {
            errors.Add("pageSize", $"Page size must be between 1 and {MaxPageSize}");
            size = DefaultPageSize;
        }

        return new Paging(p, size);
    }
}
