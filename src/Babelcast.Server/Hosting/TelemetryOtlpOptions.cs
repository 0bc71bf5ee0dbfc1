using OpenTelemetry.Exporter;

namespace Babelcast.Server.Hosting;

/// <summary>OTLP metrics export (section "Babelcast:Telemetry:Otlp").</summary>
public sealed class TelemetryOtlpOptions
{
    /// <summary>The collector's absolute http(s) URL; empty = no OTLP export. For HttpProtobuf give the full path (…/v1/metrics).</summary>
    public string? Endpoint { get; set; }

    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}
