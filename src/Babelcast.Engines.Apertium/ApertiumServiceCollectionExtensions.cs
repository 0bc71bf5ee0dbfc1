using Babelcast.Core.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Engines.Apertium;

public static class ApertiumServiceCollectionExtensions
{
    /// <summary>Registers the "apertium" <see cref="ITranslator"/> with options from
    /// <c>Babelcast:Translation:Apertium</c>, validated at start-up, and the prewarm service.</summary>
    public static IServiceCollection AddApertiumTranslator(this IServiceCollection services)
    {
        // Binding twice would append every configured list item twice.
        if (services.Any(d => d.ServiceType == typeof(ITranslator) && d.ImplementationType == typeof(ApertiumTranslator)))
        {
            return services;
        }

        services.AddOptions<ApertiumOptions>().BindConfiguration(ApertiumOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApertiumOptions>, ApertiumOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITranslator, ApertiumTranslator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ApertiumPrewarmService>());
        return services;
    }
}
