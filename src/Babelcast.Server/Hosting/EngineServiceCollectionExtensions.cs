using Babelcast.Audio.Lame;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Engines.Apertium;
using Babelcast.Engines.ESpeak;
using Babelcast.Engines.HttpTranslation;
using Babelcast.Engines.PocketSphinx;
using Babelcast.Engines.Whisper;
using Babelcast.Server.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Hosting;

public static class EngineServiceCollectionExtensions
{
    public const string FastFinalPass = "-fwdflat no -bestpath yes -bestpathlw 8.5 -maxhmmpf 10000";

    /// <summary>
    /// The cheaper final pass a node falls back to while it sheds load: the pruned search that was the default before
    /// (about 30 % WER on the 12 clips against 20 %, at roughly half the CPU; docs/benchmarks.md).
    /// </summary>
    public const string ReducedFinalPass = "-fwdflat no -bestpath no -maxhmmpf 3000 -maxwpf 10";

    /// <summary>Registers every engine this build ships; configuration picks one per stage by name.</summary>
    public static IServiceCollection AddBabelcastEngines(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        // A lattice best-path search with a language weight tuned on the 12 clips, under a loose HMM cap: the most
        // accurate setting measured (20.3 % WER per clip, 24.8 % through the pipeline, against 24.8 / 25.5 % for the
        // engine's default and 30.1 / 28.8 % for the pruned pass it replaces) and cheaper than the engine's default;
        // docs/benchmarks.md, "Final pass settings". Registered before the engine binds its configuration section,
        // so a configured FinalArguments still wins.
        services.Configure<PocketSphinxOptions>(o => o.FinalArguments = FastFinalPass);
        services.AddPocketSphinxRecognizer();
        // Always listed, inert until Babelcast:Recognition:Whisper:ModelPath is set (then its file is checked at start).
        services.AddWhisperRecognizer();
        services.AddOptions<WhisperOptions>().PostConfigure<IConfiguration>((o, c) => o.ModelPath = WhisperModelPath.Resolve(o.ModelPath, c));
        services.AddApertiumTranslator();
        services.AddHttpTranslators();
        services.AddESpeakSynthesizer();
        services.AddLameEncoder();
        services.TryAddSingleton<EngineSet>();
        services.TryAddSingleton<StartupWarmup>();
        services.TryAddSingleton<ILanguageCatalog, LanguageCatalog>();
        services.AddOptions<WarmupOptions>().BindConfiguration(WarmupOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WarmupOptions>, WarmupOptionsValidator>());
        services.AddHostedService<EngineWarmupService>();
        return services;
    }
}
