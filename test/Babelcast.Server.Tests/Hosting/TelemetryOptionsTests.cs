using Babelcast.Server.Hosting;
using Babelcast.Server.Tests.WebSockets;
using Babelcast.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Babelcast.Server.Tests.Hosting;

/// <summary>OTLP export is off unless configured, and a bad configuration stops the start.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("http://127.0.0.1:4317", true)]
    [InlineData("https://collector.example:4318/v1/metrics", true)]
    [InlineData("not a url", false)]
    [InlineData("/v1/metrics", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void Validate_Endpoint_AcceptsOnlyEmptyOrAbsoluteHttp(string? endpoint, bool valid)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { Otlp = { Endpoint = endpoint } });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Validate_ExportIntervalOutOfRange_Fails()
    {
        var options = new TelemetryOptions { Otlp = { Endpoint = "http://127.0.0.1:4317", ExportInterval = TimeSpan.Zero } };

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ExportInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadOtlpEndpoint_FailsNamingTheKey()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BabelcastTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Babelcast:Telemetry:Otlp:Endpoint"] = "collector:4317",
        }));

        Assert.Contains("Babelcast:Telemetry:Otlp:Endpoint", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OtlpEndpointSet_ExporterTakesTheSettings_AndMetricsStillServed()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string?>
        {
            // A closed local port: nothing leaves the machine.
            ["Babelcast:Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9/v1/metrics",
            ["Babelcast:Telemetry:Otlp:Protocol"] = "HttpProtobuf",
            ["Babelcast:Telemetry:Otlp:ExportInterval"] = "00:00:30",
        });
        var services = own.Server.Services;

        var exporter = services.GetRequiredService<IOptionsFactory<OtlpExporterOptions>>().Create(Options.DefaultName);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1/metrics"), exporter.Endpoint);
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, exporter.Protocol);
        Assert.Equal(30_000, services.GetRequiredService<IOptionsMonitor<MetricReaderOptions>>().Get(Options.DefaultName).PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds);
        using var client = own.Server.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode);
    }
}
