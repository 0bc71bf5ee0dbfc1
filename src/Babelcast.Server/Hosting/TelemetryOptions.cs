namespace Babelcast.Server.Hosting;

/// <summary>Metrics export settings (section "Babelcast:Telemetry"); <c>/metrics</c> is always served.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Babelcast:Telemetry";

    /// <summary>Push to an OpenTelemetry collector as well; off while <see cref="TelemetryOtlpOptions.Endpoint"/> is empty.</summary>
    public TelemetryOtlpOptions Otlp { get; set; } = new();
}
