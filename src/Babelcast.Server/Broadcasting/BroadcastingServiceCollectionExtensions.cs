using Babelcast.Core.Broadcasting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Broadcasting;

public static class BroadcastingServiceCollectionExtensions
{
    public const string InProcessBus = "inproc";

    private static readonly string[] Buses = [InProcessBus];

    /// <summary>
    /// The broadcast bus named by <c>Babelcast:Cluster:Bus</c>. Each bus is one call that registers
    /// <see cref="IBroadcaster"/> and <see cref="IListenerPresence"/>; an unknown name stops the start, naming the key.
    /// </summary>
    public static IServiceCollection AddBabelcastBroadcasting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        var bus = configuration[ClusterOptions.Section + ":" + nameof(ClusterOptions.Bus)] ?? InProcessBus;
        if (string.Equals(bus, InProcessBus, StringComparison.OrdinalIgnoreCase))
        {
            services.AddInMemoryBroadcasting();
        }
        else
        {
            // Nothing is registered for an unknown bus: whatever resolves it first fails with the same message as the
            // start-up validation, rather than with a missing service.
            services.TryAddSingleton<IBroadcaster>(_ => throw new OptionsValidationException(ClusterOptions.Section, typeof(ClusterOptions), [UnknownBus(bus)]));
            services.TryAddSingleton<IListenerPresence>(_ => throw new OptionsValidationException(ClusterOptions.Section, typeof(ClusterOptions), [UnknownBus(bus)]));
        }

        return services;
    }

    /// <summary>The embedded bus: delivers into this node's connection store (registered by the live path), which also has every listener count.</summary>
    public static IServiceCollection AddInMemoryBroadcasting(this IServiceCollection services)
    {
        services.TryAddSingleton<IBroadcaster, InMemoryBroadcaster>();
        services.TryAddSingleton<IListenerPresence, LocalListenerPresence>();
        return services;
    }

    internal static bool IsKnownBus(string? bus) => Buses.Contains(bus, StringComparer.OrdinalIgnoreCase);

    internal static string UnknownBus(string? bus) =>
        $"{ClusterOptions.Section}:{nameof(ClusterOptions.Bus)} '{bus}' is not a known bus; valid: {string.Join(", ", Buses)}.";
}
