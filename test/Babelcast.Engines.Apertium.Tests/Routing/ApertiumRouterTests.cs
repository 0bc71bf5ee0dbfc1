using Babelcast.Engines.Apertium.Routing;

namespace Babelcast.Engines.Apertium.Tests.Routing;

public sealed class ApertiumRouterTests
{
    private static readonly ApertiumRouter Router = new(
        new[] { "eng-spa", "eng-cat", "en-eo", "es-pt", "es-fr", "cat-fra", "cat-eng", "es-oc" }
            .Select(n => (Name: n, Pair: ModeCatalog.Parse(n)!.Value))
            .ToDictionary(m => ModeCatalog.Key(m.Pair.Source, m.Pair.Target), m => new ApertiumMode(m.Name, m.Pair.Source, m.Pair.Target, m.Name)),
        ["ca", "es"]);

    [Fact]
    public void FindRoute_DirectPair_IsOneStep()
    {
        Assert.Equal(["eng-spa"], Router.FindRoute("en", "es")!.Select(m => m.Name));
    }

    [Fact]
    public void FindRoute_BothPivotsPossible_PrefersCatalan()
    {
        Assert.Equal(["eng-cat", "cat-fra"], Router.FindRoute("en", "fr")!.Select(m => m.Name));
    }

    [Fact]
    public void FindRoute_OnlySpanishPivot_UsesSpanish()
    {
        Assert.Equal(["eng-spa", "es-pt"], Router.FindRoute("en", "pt")!.Select(m => m.Name));
    }

    [Fact]
    public void FindRoute_Unreachable_IsNull()
    {
        Assert.Null(Router.FindRoute("eo", "fr"));
        Assert.Null(Router.FindRoute("en", "de"));
    }

    [Fact]
    public void GetTargets_English_ListsDirectAndPivotTargetsButNotItself()
    {
        Assert.Equal(["ca", "eo", "es", "fr", "oc", "pt"], Router.GetTargets("en"));
    }
}
