using Babelcast.Core.Scripture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Babelcast.Scripture.Sword;

public static class SwordServiceCollectionExtensions
{
    /// <summary>Registers the "sword" <see cref="IBibleLibrary"/> with options from <c>Babelcast:Scripture:Sword</c>.</summary>
    public static IServiceCollection AddSwordBibleLibrary(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IBibleLibrary) && d.ImplementationType == typeof(SwordBibleLibrary)))
        {
            return services;
        }

        services.AddOptions<SwordOptions>().BindConfiguration(SwordOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SwordOptions>, SwordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBibleLibrary, SwordBibleLibrary>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SwordStartupLogService>());
        return services;
    }
}
