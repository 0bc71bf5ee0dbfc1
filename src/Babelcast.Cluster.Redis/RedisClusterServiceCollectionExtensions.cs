using Babelcast.Cluster.Redis.Limits;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Cluster;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Cluster.Redis;

public static class RedisClusterServiceCollectionExtensions
{
    /// <summary>The tag of the server's readiness checks (<c>/healthz</c>), which Redis's check joins.</summary>
    public const string HealthTag = "ready";

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
        services.TryAddSingleton<ISessionWriteFence>(sp => sp.GetRequiredService<RedisSessionLeases>());
        services.AddHostedService<LeaseRenewalService>();
        services.TryAddSingleton<RedisHealthCheck>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "redis", sp => sp.GetRequiredService<RedisHealthCheck>(), HealthStatus.Unhealthy, [HealthTag]));
        return services;
    }

    /// <summary>
    /// Cluster mode on Redis, as one registration: the bus, the ingest, rate limits and the listener cap counted across
    /// nodes, the pipelines seen from the live path (<see cref="ISessionPipelines"/>: announce, end in order) and, on a node that runs pipelines
    /// (<paramref name="runsPipelines"/>: role <c>all</c> or <c>worker</c>), the claim loop with the pipeline runner.
    /// Registered before the embedded defaults, which are added with TryAdd. Needs an <see cref="ILocalDelivery"/>.
    /// </summary>
    public static IServiceCollection AddRedisCluster(this IServiceCollection services, bool runsPipelines)
    {
        services.AddRedisBroadcasting();
        services.AddRedisIngest();
        services.AddRedisSessionLeases();
        services.AddRedisLimits();
        services.AddOptions<SessionClaimOptions>().BindConfiguration(SessionClaimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RedisSessionPlacement>();
        services.TryAddSingleton<RedisSessionPipelines>();
        services.TryAddSingleton<ISessionPipelines>(sp => sp.GetRequiredService<RedisSessionPipelines>());
        if (runsPipelines)
        {
            services.TryAddSingleton<IOwnedSessionRunner, PipelineSessionRunner>();
            services.AddHostedService<SessionClaimService>();
            services.AddHostedService<StandbyWarmupService>();
        }

        return services;
    }

    /// <summary>
    /// A worker's placement: claims announced sessions that no node runs while it has room
    /// (<c>Babelcast:Cluster:Placement</c>), and runs each through the registered <see cref="IOwnedSessionRunner"/>.
    /// </summary>
    public static IServiceCollection AddRedisSessionPlacement(this IServiceCollection services)
    {
        services.AddRedisSessionLeases();
        services.AddOptions<SessionClaimOptions>().BindConfiguration(SessionClaimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RedisSessionPlacement>();
        services.AddHostedService<SessionClaimService>();
        return services;
    }

    /// <summary>
    /// The cluster bus (<c>Babelcast:Cluster:Bus</c> = <c>redis</c>): <see cref="IBroadcaster"/> publishes on a channel
    /// per session, <see cref="ISessionStateBus"/> publishes live state changes there too and keeps the last flags,
    /// <see cref="IListenerPresence"/> sums every node's listener counts, and a hosted service subscribes
    /// this node to the sessions it has connections of. Needs an <see cref="ILocalDelivery"/> (the node's connection store).
    /// </summary>
    public static IServiceCollection AddRedisBroadcasting(this IServiceCollection services)
    {
        services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterNode>();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<IBroadcaster, RedisBroadcaster>();
        services.TryAddSingleton<ISessionStateBus, RedisSessionStateBus>();
        services.TryAddSingleton<RedisListenerPresence>();
        services.TryAddSingleton<IListenerPresence>(sp => sp.GetRequiredService<RedisListenerPresence>());
        services.AddHostedService<RedisGatewayService>();
        return services;
    }

    /// <summary>
    /// Ingest on Redis Streams: replaces the in-process <see cref="IAudioIngest"/> (registered before the embedded
    /// default, which is added with TryAdd). Options: <c>Babelcast:Cluster:Redis</c> and <c>Babelcast:Ingest</c>.
    /// </summary>
    public static IServiceCollection AddRedisIngest(this IServiceCollection services)
    {
        services.AddOptions<RedisClusterOptions>().BindConfiguration(RedisClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisAudioIngest>();
        services.TryAddSingleton<IAudioIngest>(sp => sp.GetRequiredService<RedisAudioIngest>());
        return services;
    }
}
