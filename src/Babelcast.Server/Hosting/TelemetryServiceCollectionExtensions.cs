using System.Diagnostics.Metrics;
using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Babelcast's instruments (<see cref="BabelcastMetrics"/>) on an OpenTelemetry meter provider that serves
/// <c>GET /metrics</c> in the Prometheus text format and, when configured, pushes OTLP to a collector.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddBabelcastTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<BabelcastMetrics>();

        var metrics = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("babelcast"))
            .WithMetrics(m => m
                .AddMeter(BabelcastMetrics.MeterName)
                .AddPrometheusExporter(o =>
                {
                    // Scrapes show Babelcast's own families only: Prometheus adds job and instance itself, and a
                    // cached response would hide a change made just before the scrape.
                    o.ScopeInfoEnabled = false;
                    o.TargetInfoEnabled = false;
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                }));

        // Every host in a process (tests, the bench) has a meter named "Babelcast"; listen to this host's only.
        services.ConfigureOpenTelemetryMeterProvider((sp, builder) =>
        {
            var factory = sp.GetRequiredService<IMeterFactory>();
            builder.AddView(instrument => instrument.Meter.Scope == factory ? null : MetricStreamConfiguration.Drop);
        });

        // The exporter is added only when configured, so an operator without a collector pays nothing for it.
        var otlp = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.Otlp;
        if (otlp is { Enabled: true })
        {
            metrics.WithMetrics(m => m.AddOtlpExporter());
            services.AddOptions<OtlpExporterOptions>().Configure<IOptions<TelemetryOptions>>((exporter, telemetry) =>
            {
                var o = telemetry.Value.Otlp;
                if (Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var endpoint))
                {
                    exporter.Endpoint = endpoint;
                }

                exporter.Protocol = o.Protocol;
            });
            services.AddOptions<MetricReaderOptions>().Configure<IOptions<TelemetryOptions>>((reader, telemetry) =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)telemetry.Value.Otlp.ExportInterval.TotalMilliseconds);
        }

        return services;
    }
}
