using Babelcast.Core.Diagnostics;
using Babelcast.Core.Translation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>The HTTP translators as the server registers them, bound from the given settings.</summary>
internal sealed class TranslatorHost : IDisposable
{
    private readonly ServiceProvider _services;

    public TranslatorHost(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<BabelcastMetrics>();
        services.AddHttpTranslators();
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public BabelcastMetrics Metrics => _services.GetRequiredService<BabelcastMetrics>();

    public ITranslator Get(string name) => _services.GetServices<ITranslator>().Single(t => t.Name == name);

    public static TranslatorHost OpenAi(string baseUrl, IDictionary<string, string?>? more = null) => new(With(more, new()
    {
        ["Babelcast:Engines:Premium:Translation"] = "openai",
        ["Babelcast:Translation:OpenAi:BaseUrl"] = baseUrl,
        ["Babelcast:Translation:OpenAi:Model"] = "test-model",
    }));

    public static TranslatorHost Libre(string baseUrl, IDictionary<string, string?>? more = null) => new(With(more, new()
    {
        ["Babelcast:Engines:Premium:Translation"] = "libretranslate",
        ["Babelcast:Translation:LibreTranslate:BaseUrl"] = baseUrl,
    }));

    public void Dispose() => _services.Dispose();

    private static Dictionary<string, string?> With(IDictionary<string, string?>? more, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
