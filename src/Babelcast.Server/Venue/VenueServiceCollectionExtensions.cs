using Babelcast.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Venue;

public static class VenueServiceCollectionExtensions
{
    /// <summary>LAN address detection, join-link origins and the start-up banner of the addresses phones can use.</summary>
    public static IServiceCollection AddBabelcastVenue(this IServiceCollection services)
    {
        services.TryAddSingleton<INetworkInterfaceSource, SystemNetworkInterfaceSource>();
        services.TryAddSingleton<ILanAddresses, SystemLanAddresses>();
        services.TryAddSingleton(static _ => new MachineHostName());
        services.TryAddSingleton<RequestHostTrust>();
        services.TryAddSingleton<JoinOrigins>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
