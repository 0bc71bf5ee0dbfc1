using Babelcast.Core.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>Registration of the PocketSphinx recogniser.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the "pocketsphinx" <see cref="ISpeechRecognizerFactory"/> with <see cref="PocketSphinxOptions"/>
    /// bound from "Babelcast:Recognition:PocketSphinx" and validated at start-up.
    /// </summary>
    public static IServiceCollection AddPocketSphinxRecognizer(this IServiceCollection services)
    {
        services.AddOptions<PocketSphinxOptions>().BindConfiguration(PocketSphinxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PocketSphinxOptions>, PocketSphinxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechRecognizerFactory, PocketSphinxRecognizerFactory>());
        return services;
    }
}
