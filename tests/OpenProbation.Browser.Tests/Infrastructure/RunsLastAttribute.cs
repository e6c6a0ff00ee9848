using Xunit.Abstractions;
using Xunit.Sdk;

namespace OpenProbation.Browser.Tests.Infrastructure;

/// <summary>A test that checks what the others left behind (the log scan) runs after them.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

/// <summary>Runs a class's tests by name, with those marked <see cref="RunsLastAttribute"/> at the end.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "OpenProbation.Browser.Tests.Infrastructure.RunsLastOrderer";
    public const string AssemblyName = "OpenProbation.Browser.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any())
            .ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal)
            .ThenBy(t => t.DisplayName, StringComparer.Ordinal);
}
