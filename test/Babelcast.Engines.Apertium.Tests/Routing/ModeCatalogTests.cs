using Babelcast.Engines.Apertium.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Engines.Apertium.Tests.Routing;

public sealed class ModeCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("apertium-modes-").FullName;

    [Theory]
    [InlineData("eng-spa", "en", "es")]
    [InlineData("en-eo", "en", "eo")]
    [InlineData("cat-fra", "ca", "fr")]
    [InlineData("es-pt", "es", "pt")]
    [InlineData("spa-ita", "es", "it")]
    public void Parse_PlainPair_MapsToIso6391(string mode, string source, string target)
    {
        Assert.Equal((source, target), ModeCatalog.Parse(mode));
    }

    [Theory]
    [InlineData("es-pt_BR")]
    [InlineData("eng-cat_valencia")]
    [InlineData("en-eo-bytecode")]
    [InlineData("eco-es-fr")]
    [InlineData("README")]
    public void Parse_VariantOrCompound_IsNull(string mode)
    {
        Assert.Null(ModeCatalog.Parse(mode));
    }

    [Fact]
    public void Discover_ExcludedVariantAndConfigured_FollowOptions()
    {
        foreach (var name in new[] { "eng-spa", "eng-hbs", "es-pt", "es-pt_BR", "eng-cat", "cat-fra" })
        {
            File.WriteAllText(Path.Combine(_directory, name + ".mode"), "cat");
        }

        var options = new ApertiumOptions { ModesDirectory = _directory };
        options.ExcludedModes.Add("cat-fra");
        options.AdditionalModes["es-pt_BR"] = "es|pt-br";

        var modes = ModeCatalog.Discover(options, NullLogger.Instance);

        Assert.Equal(["en|ca", "en|es", "es|pt", "es|pt-BR"], modes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("es-pt_BR", modes["es|pt-BR"].Name);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
