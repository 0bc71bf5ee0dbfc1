using Babelcast.Core.Recognition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Whisper;

/// <summary>Registration of the Whisper recogniser.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the "whisper" <see cref="ISpeechRecognizerFactory"/> with <see cref="WhisperOptions"/> bound from
    /// "Babelcast:Recognition:Whisper" and validated at start-up (the model file too, when one is configured).
    /// </summary>
    public static IServiceCollection AddWhisperRecognizer(this IServiceCollection services)
    {
        services.AddOptions<WhisperOptions>().BindConfiguration(WhisperOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhisperOptions>, WhisperOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISpeechRecognizerFactory, WhisperRecognizerFactory>());
        return services;
    }
}
