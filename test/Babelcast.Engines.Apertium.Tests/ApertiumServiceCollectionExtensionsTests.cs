using Babelcast.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Apertium.Tests;

public sealed class ApertiumServiceCollectionExtensionsTests
{
    [Fact]
    public void AddApertiumTranslator_CalledTwice_RegistersOneBoundTranslator()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Babelcast:Translation:Apertium:CacheSize"] = "5",
            ["Babelcast:Translation:Apertium:RequestTimeout"] = "00:00:02",
            ["Babelcast:Translation:Apertium:PivotLanguages:0"] = "es",
        });

        var translator = Assert.Single(provider.GetServices<ITranslator>());
        var options = provider.GetRequiredService<IOptions<ApertiumOptions>>().Value;

        Assert.Equal("apertium", translator.Name);
        Assert.Equal(5, options.CacheSize);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RequestTimeout);
        Assert.Equal(["es"], options.PivotLanguages);
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(["eng-spa", "es-fr"], ((ApertiumTranslator)translator).GetRoute("en", "fr"));
    }

    [Fact]
    public void AddApertiumTranslator_MissingModesDirectory_FailsValidation()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Babelcast:Translation:Apertium:ModesDirectory"] = "/nonexistent/apertium/modes",
            ["Babelcast:Translation:Apertium:RequestTimeout"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApertiumOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("/nonexistent/apertium/modes", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RequestTimeout", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddApertiumTranslator().AddApertiumTranslator();
        return services.BuildServiceProvider();
    }
}
