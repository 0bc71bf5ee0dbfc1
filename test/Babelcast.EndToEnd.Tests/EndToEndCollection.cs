namespace Babelcast.EndToEnd.Tests;

/// <summary>All browser tests share one server and one browser and run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "end-to-end";
}
