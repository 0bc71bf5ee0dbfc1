namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// Tests that compare the process's CPU time between two runs: another test decoding in the same process would be
/// counted as theirs, so xUnit runs them alone, after every parallel collection has finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "solo";
}
