using Babelcast.Core.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Cluster.Redis;

public static class RedisClusterServiceCollectionExtensions
{
    /// <summary>
    /// Session ownership on Redis (<see cref="ISessionLeases"/>), renewed by a hosted service that releases every
    /// lease on shutdown. Options: <c>Babelcast:Cluster:Redis</c> (<see cref="RedisClusterOptions"/>), validated at start.
    /// </summary>
    public static IServiceCollection AddRedisSessionLeases(this IServiceCollection services)
    {
        services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterNode>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisSessionLeases>();
        services.TryAddSingleton<ISessionLeases>(sp => sp.GetRequiredService<RedisSessionLeases>());
        services.AddHostedService<LeaseRenewalService>();
        return services;
    }
}
