using Xunit.Abstractions;
using Xunit.Sdk;

namespace Babelcast.EndToEnd.Tests;

/// <summary>Runs a class's tests in <see cref="StepAttribute"/> order (xunit's default order is not declaration order).</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string TypeName = "Babelcast.EndToEnd.Tests.StepOrderer";

    public const string AssemblyName = "Babelcast.EndToEnd.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => Order(t)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Order(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First();
}
