using Babelcast.Core.Pipeline;
using Babelcast.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.HttpTranslation;

public static class HttpTranslationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the "openai" and "libretranslate" translators with options from <c>Babelcast:Translation:OpenAi</c>
    /// and <c>Babelcast:Translation:LibreTranslate</c>, validated at start-up when configuration chooses the engine.
    /// </summary>
    public static IServiceCollection AddHttpTranslators(this IServiceCollection services)
    {
        // Binding twice would append every configured list item twice.
        if (services.Any(d => d.ServiceType == typeof(ITranslator) && d.ImplementationType == typeof(OpenAiTranslator)))
        {
            return services;
        }

        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        services.AddOptions<OpenAiOptions>().BindConfiguration(OpenAiOptions.SectionName).ValidateOnStart();
        services.AddOptions<LibreTranslateOptions>().BindConfiguration(LibreTranslateOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAiOptions>, OpenAiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LibreTranslateOptions>, LibreTranslateOptionsValidator>());
        // The client's own timeout bounds a call; the premium chain's per-phrase budget is enforced above it. The
        // factory's request loggers go: they would write the server's URL into the log.
        services.AddHttpClient(OpenAiTranslator.ClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<OpenAiOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();
        services.AddHttpClient(LibreTranslateTranslator.ClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<LibreTranslateOptions>>().Value.RequestTimeout)
            .RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, OpenAiTranslator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, LibreTranslateTranslator>());
        return services;
    }
}
