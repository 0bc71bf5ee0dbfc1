namespace Babelcast.Server.Tests.Fuzz;

/// <summary>The fuzz tests share one server and its control session; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzServerFixture>
{
    public const string Name = "Fuzz";
}
