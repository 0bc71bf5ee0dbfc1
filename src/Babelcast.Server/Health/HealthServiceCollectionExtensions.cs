using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Babelcast.Server.Health;

/// <summary>
/// Readiness (<c>/healthz/ready</c>, and <c>/healthz</c> as before): storage, the three engines, disk space, the installed Bibles (always healthy) and the start-up warm-up (degraded, still 200, until it is done); 503
/// when any check fails. Liveness (<c>/healthz/live</c>): the process answers, no dependency is checked, so that a
/// failing engine gets the instance taken out of rotation rather than restarted.
/// </summary>
public static class HealthServiceCollectionExtensions
{
    public const string Ready = "ready";

    public static IServiceCollection AddBabelcastHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Singletons, so that the engine checks' cached results outlive one request.
        services.TryAddSingleton<StorageHealthCheck>();
        services.TryAddSingleton<RecognizerHealthCheck>();
        services.TryAddSingleton<TranslatorHealthCheck>();
        services.TryAddSingleton<SynthesizerHealthCheck>();
        services.TryAddSingleton<DiskSpaceHealthCheck>();
        services.TryAddSingleton<ScriptureHealthCheck>();
        services.TryAddSingleton<WarmupHealthCheck>();
        services.TryAddSingleton<Hosting.StartupWarmup>();
        services.AddHealthChecks()
            .Add(Check<StorageHealthCheck>("storage"))
            .Add(Check<RecognizerHealthCheck>("recognizer"))
            .Add(Check<TranslatorHealthCheck>("translator"))
            .Add(Check<SynthesizerHealthCheck>("synthesizer"))
            .Add(Check<DiskSpaceHealthCheck>("diskSpace"))
            .Add(Check<ScriptureHealthCheck>("scripture"))
            .Add(Check<WarmupHealthCheck>("warmup"));
        return services;
    }

    public static IEndpointRouteBuilder MapBabelcastHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponseWriter.WriteAsync };
        app.MapHealthChecks("/healthz", ready);
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }

    private static HealthCheckRegistration Check<T>(string name)
        where T : IHealthCheck =>
        new(name, sp => sp.GetRequiredService<T>(), HealthStatus.Unhealthy, [Ready]);
}
