using System.Globalization;

namespace OpenProbation.Domain.Tests.Common;

/// <summary>Dates for table rows: attributes cannot hold a <see cref="DateOnly"/>, so rows carry ISO strings.</summary>
internal static class TestDates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Maybe(string? iso) => iso is null ? null : D(iso);
}
