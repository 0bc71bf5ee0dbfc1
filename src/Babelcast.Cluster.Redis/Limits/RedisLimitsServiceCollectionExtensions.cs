using Babelcast.Core.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Cluster.Redis.Limits;

public static class RedisLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Rate limits (<see cref="IFixedWindowCounter"/>), the sign-in lockout (<see cref="IFailureLockout"/>) and the
    /// listener cap (<see cref="IListenerSlots"/>) counted in Redis across nodes. Replaces the embedded registrations
    /// whatever the order (the server registers its rate limits before the bus), failing open to this node's counts
    /// while Redis is unreachable.
    /// </summary>
    public static IServiceCollection AddRedisLimits(this IServiceCollection services)
    {
        services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterNode>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisFixedWindowCounter>();
        services.Replace(ServiceDescriptor.Singleton<IFixedWindowCounter>(sp => sp.GetRequiredService<RedisFixedWindowCounter>()));
        services.TryAddSingleton<RedisFailureLockout>();
        services.Replace(ServiceDescriptor.Singleton<IFailureLockout>(sp => sp.GetRequiredService<RedisFailureLockout>()));
        services.TryAddSingleton<RedisListenerSlots>();
        services.Replace(ServiceDescriptor.Singleton<IListenerSlots>(sp => sp.GetRequiredService<RedisListenerSlots>()));
        services.AddHostedService<ListenerSlotsHeartbeatService>();
        return services;
    }
}
