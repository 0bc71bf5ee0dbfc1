using Babelcast.Core.Synthesis;
using Babelcast.Engines.ESpeak.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.ESpeak;

public static class ESpeakServiceCollectionExtensions
{
    /// <summary>
    /// Registers espeak-ng twice: in process as "espeak" (serialised, a few ms per phrase) and as parallel
    /// child processes as "espeak-cli". Neither touches espeak-ng until first used.
    /// </summary>
    public static IServiceCollection AddESpeakSynthesizer(this IServiceCollection services)
    {
        services.AddOptions<ESpeakOptions>().BindConfiguration(ESpeakOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ESpeakOptions>, ESpeakOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechSynthesizer, ESpeakSynthesizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechSynthesizer, ESpeakCliSynthesizer>());
        return services;
    }
}
