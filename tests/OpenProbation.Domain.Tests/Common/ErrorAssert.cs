using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Tests.Common;

/// <summary>Assertions that show every message when they fail, so a broken rule explains itself.</summary>
internal static class ErrorAssert
{
    /// <summary>No rule was broken.</summary>
    public static void Valid(ValidationErrors errors)
    {
        Assert.Empty(errors.ToDictionary());
        Assert.True(errors.IsValid);
    }

    /// <summary>Exactly these fields (camelCase, as a client sends them) have messages, and no others.</summary>
    public static void Fields(ValidationErrors errors, params string[] fields)
    {
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Fields.Order(StringComparer.Ordinal));
        Assert.Equal(fields.Length == 0, errors.IsValid);
    }

    /// <summary>Only <paramref name="field"/> has messages, and it has exactly one; returns it.</summary>
    public static string Single(ValidationErrors errors, string field)
    {
        Fields(errors, field);
        return Assert.Single(errors.ToDictionary()[field]);
    }

    /// <summary>The messages recorded against <paramref name="field"/>.</summary>
    public static string[] Messages(ValidationErrors errors, string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? messages : [];
}
