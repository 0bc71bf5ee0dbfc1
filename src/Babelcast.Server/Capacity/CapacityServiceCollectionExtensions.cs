using Babelcast.Core.Capacity;
using Babelcast.Engines.PocketSphinx;
using Babelcast.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Babelcast.Server.Capacity;

public static class CapacityServiceCollectionExtensions
{
    /// <summary>Admission of speaking sessions, node-wide load shedding and the order recognition work runs in.</summary>
    public static IServiceCollection AddBabelcastCapacity(this IServiceCollection services)
    {
        services.AddOptions<CapacityOptions>().BindConfiguration(CapacityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoadSheddingOptions>().BindConfiguration(LoadSheddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ILoadShedding, LoadShedder>();
        services.AddOptions<WorkSchedulerOptions>().BindConfiguration(WorkSchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<WorkScheduler>();
        services.TryAddSingleton<SpeakingSessions>();
        services.TryAddSingleton<SpeakerCapacityGate>();
        services.TryAddSingleton<SessionCreationCapacity>();
        // The cheaper final pass a loaded node falls back to; a configured ReducedFinalArguments wins.
        services.PostConfigure<PocketSphinxOptions>(o => o.ReducedFinalArguments ??= EngineServiceCollectionExtensions.ReducedFinalPass);
        services.AddHostedService<CapacityReport>();
        return services;
    }
}
