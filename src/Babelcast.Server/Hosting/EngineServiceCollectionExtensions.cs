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
    public const string FastFinalPass = "-fwdflat no -bestpath no -maxhmmpf 3000 -maxwpf 10";

    /// <summary>Registers every engine this build ships; configuration picks one per stage by name.</summary>
    public static IServiceCollection AddBabelcastEngines(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        // The server favours latency: a pruned final pass (28.8 % WER through the pipeline, first audio at ~0.65 s
        // p50) instead of the engine's accurate default (25.5 % WER, ~1.3 s); see docs/benchmarks.md. Registered
        // before the engine binds its configuration section, so a configured FinalArguments still wins.
        services.Configure<PocketSphinxOptions>(o => o.FinalArguments = FastFinalPass);
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
