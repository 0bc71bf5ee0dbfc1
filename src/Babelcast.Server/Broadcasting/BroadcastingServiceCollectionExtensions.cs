using Babelcast.Cluster.Redis;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Sessions;
using Babelcast.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Broadcasting;

public static class BroadcastingServiceCollectionExtensions
{
    public const string InProcessBus = "inproc";
    public const string RedisBus = "redis";
    public const string AllRole = "all";
    public const string GatewayRole = "gateway";
    public const string WorkerRole = "worker";

    private static readonly string[] Buses = [InProcessBus, RedisBus];
    private static readonly string[] Roles = [AllRole, GatewayRole, WorkerRole];

    /// <summary>
    /// The broadcast bus named by <c>Babelcast:Cluster:Bus</c>, registered before the live path's embedded defaults
    /// (which use TryAdd). Each bus is one call: <c>inproc</c> registers the in-memory bus and runs pipelines here;
    /// <c>redis</c> registers the cluster (bus, ingest, placement; the claim loop unless the role is <c>gateway</c>).
    /// An unknown name stops the start, naming the key.
    /// </summary>
    public static IServiceCollection AddBabelcastBroadcasting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton<ILocalDelivery, NodeDelivery>();
        services.TryAddSingleton<NodeRole>();
        services.TryAddSingleton<Core.Cluster.ISessionWarmup, NodeSessionWarmup>();
        var bus = configuration[ClusterOptions.Section + ":" + nameof(ClusterOptions.Bus)] ?? InProcessBus;
        var role = configuration[ClusterOptions.Section + ":" + nameof(ClusterOptions.Role)] ?? AllRole;
        if (string.Equals(bus, InProcessBus, StringComparison.OrdinalIgnoreCase))
        {
            services.AddInMemoryBroadcasting();
        }
        else if (string.Equals(bus, RedisBus, StringComparison.OrdinalIgnoreCase) && IsKnownRole(role))
        {
            services.AddRedisCluster(runsPipelines: !string.Equals(role, GatewayRole, StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            // Nothing is registered for an unknown bus or role: whatever resolves it first fails with the same message
            // as the start-up validation, rather than with a missing service.
            var error = IsKnownBus(bus) ? UnknownRole(role) : UnknownBus(bus);
            services.TryAddSingleton<IBroadcaster>(_ => throw new OptionsValidationException(ClusterOptions.Section, typeof(ClusterOptions), [error]));
            services.TryAddSingleton<IListenerPresence>(_ => throw new OptionsValidationException(ClusterOptions.Section, typeof(ClusterOptions), [error]));
            services.TryAddSingleton<ISessionStateBus>(_ => throw new OptionsValidationException(ClusterOptions.Section, typeof(ClusterOptions), [error]));
        }

        return services;
    }

    /// <summary>
    /// The embedded bus: delivers into this node's connection store (registered by the live path), which also has every
    /// listener count; state changes apply to this node's runtimes at once; pipelines run on this node.
    /// </summary>
    public static IServiceCollection AddInMemoryBroadcasting(this IServiceCollection services)
    {
        services.TryAddSingleton<IBroadcaster, InMemoryBroadcaster>();
        services.TryAddSingleton<ISessionStateBus, InProcessSessionStateBus>();
        services.TryAddSingleton<IListenerPresence, LocalListenerPresence>();
        services.TryAddSingleton<ISessionPipelines>(sp => sp.GetRequiredService<PipelineHost>());
        return services;
    }

    internal static bool IsKnownBus(string? bus) => Buses.Contains(bus, StringComparer.OrdinalIgnoreCase);

    internal static bool IsKnownRole(string? role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    internal static string UnknownBus(string? bus) =>
        $"{ClusterOptions.Section}:{nameof(ClusterOptions.Bus)} '{bus}' is not a known bus; valid: {string.Join(", ", Buses)}.";

    internal static string UnknownRole(string? role) =>
        $"{ClusterOptions.Section}:{nameof(ClusterOptions.Role)} '{role}' is not a known role; valid: {string.Join(", ", Roles)}.";
}
