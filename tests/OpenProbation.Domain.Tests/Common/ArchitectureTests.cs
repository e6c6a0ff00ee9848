using System.Reflection;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.People;

namespace OpenProbation.Domain.Tests.Common;

/// <summary>STYLE.md "Domain": no clock, EF Core or ASP.NET inside the domain project; an architecture test keeps it so.</summary>
public class ArchitectureTests
{
    private static readonly Assembly _domain = typeof(Crn).Assembly;

    public static TheoryData<string> PublicEnums => [.. EnumNames()];

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("System.Net")]
    public void The_domain_references_no_persistence_web_or_network_assembly(string forbidden)
    {
        var names = _domain.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("System.Runtime", names);
        Assert.DoesNotContain(names, n => n == forbidden || n.StartsWith(forbidden + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void The_enum_check_below_sees_the_domain_s_enums()
    {
        var names = EnumNames();

        Assert.Contains(typeof(OrderStatus).FullName, names);
        Assert.Contains(typeof(Gender).FullName, names);
        Assert.True(names.Count >= 10, $"only {names.Count} public enums found");
    }

    /// <summary>
    /// A missing JSON field or an unset column reads as 0; numbering members from 1 means that 0 is never a
    /// real value and <c>Defined</c> validation catches it.
    /// </summary>
    [Theory]
    [MemberData(nameof(PublicEnums))]
    public void Every_public_enum_is_numbered_from_1_so_its_default_is_never_a_member(string enumName)
    {
        var type = _domain.GetType(enumName, throwOnError: true)!;
        var values = Enum.GetValuesAsUnderlyingType(type).Cast<object>().Select(Convert.ToInt64).Order().ToList();

        Assert.False(Enum.IsDefined(type, 0), $"{type.Name} defines a member with the value 0");
        Assert.Equal(LongRange(1, values.Count), values);
    }

    private static List<string> EnumNames() =>
        [.. _domain.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    private static List<long> LongRange(int start, int count) => [.. Enumerable.Range(start, count).Select(i => (long)i)];
}
