namespace Babelcast.Server.Tests;

/// <summary>
/// Tests that start several server processes (cluster nodes, the bench against a built server) and measure how they
/// behave in time: they need both cores, so xUnit runs them alone, after every parallel collection has finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "solo";
}
