using Babelcast.Audio.Lame;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Engines.Apertium;
using Babelcast.Engines.ESpeak;
using Babelcast.Engines.PocketSphinx;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers every engine this build ships; configuration picks one per stage by name.</summary>
    public static IServiceCollection AddBabelcastEngines(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        services.AddPocketSphinxRecognizer();
        services.AddApertiumTranslator();
        services.AddESpeakSynthesizer();
        services.AddLameEncoder();
        services.TryAddSingleton<EngineSet>();
        services.TryAddSingleton<ILanguageCatalog, LanguageCatalog>();
        services.AddHostedService<EngineWarmupService>();
        return services;
    }
}
