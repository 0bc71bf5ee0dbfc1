using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Translation;
using Babelcast.Testing.Host.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>
/// The premium chain with the real "libretranslate" translator in front, over a real server on loopback: a late, failed,
/// unreachable or wrong-language answer ends in the fallback's translation, within the budget, and is counted.
/// </summary>
public sealed class LibreTranslateFallbackTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    // The budget's timer may fire a millisecond before the stopwatch says the budget is over.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(50);

    private static CancellationToken Ct => CancellationToken.None;

    private TranslationTestServer _server = null!;
    private TranslatorHost _host = null!;
    private readonly StandInTranslator _fallback = new();

    public async Task InitializeAsync()
    {
        _server = await TranslationTestServer.StartAsync(Ct);
        _host = TranslatorHost.Libre(_server.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GoodAnswer_IsUsed()
    {
        _server.Answer = _ => TestAnswer.Translation("Bienvenidos al servicio");

        var result = await Chain(_host).TranslateAsync("Welcome to the service", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("Bienvenidos al servicio"), result);
        Assert.Equal(0, _fallback.Calls);
    }

    [Fact]
    public async Task SlowAnswer_FallsBackWithinTheBudget()
    {
        using var fallbacks = Collector(_host);
        _server.Answer = _ => TestAnswer.Translation("tarde") with { Delay = TimeSpan.FromSeconds(10) };

        var watch = Stopwatch.StartNew();
        var result = await Chain(_host).TranslateAsync("Welcome to the service", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Welcome to the service"), result);
        Assert.InRange(watch.Elapsed, Budget - TimerSlack, Budget + TimeSpan.FromSeconds(3));
        AssertReason(fallbacks, FallbackReason.Timeout);
    }

    [Theory]
    [InlineData(500, "{\"error\":\"internal\"}", FallbackReason.Error)]
    [InlineData(200, "{\"translatedText\":\"\"}", FallbackReason.Empty)]
    [InlineData(200, "{\"translatedText\":\"Bienvenue au service du matin.\"}", FallbackReason.WrongLanguage)]
    public async Task BadAnswer_FallsBack_WithItsReason(int status, string body, string reason)
    {
        using var fallbacks = Collector(_host);
        _server.Answer = _ => new TestAnswer(null, status, Raw: body);

        var result = await Chain(_host).TranslateAsync("Welcome to the morning service", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Welcome to the morning service"), result);
        AssertReason(fallbacks, reason);
    }

    [Fact]
    public async Task ServerGone_FallsBackAtOnce_AsError()
    {
        using var host = TranslatorHost.Libre($"http://127.0.0.1:{FreePort()}/");
        using var fallbacks = Collector(host);

        var watch = Stopwatch.StartNew();
        var result = await Chain(host).TranslateAsync("Welcome", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Welcome"), result);
        Assert.True(watch.Elapsed < Budget, $"took {watch.Elapsed.TotalMilliseconds:0} ms");
        AssertReason(fallbacks, FallbackReason.Error);
    }

    private FallbackTranslator Chain(TranslatorHost host) =>
        new(host.Get("libretranslate"), _fallback, Budget, TimeProvider.System, host.Metrics, NullLogger.Instance);

    private static MetricCollector<long> Collector(TranslatorHost host) =>
        new(host.Services.GetRequiredService<IMeterFactory>(), BabelcastMetrics.MeterName, BabelcastMetrics.TranslationFallbacksInstrument);

    // A port nothing listens on: bound, read and released.
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void AssertReason(MetricCollector<long> fallbacks, string reason)
    {
        var measurement = Assert.Single(fallbacks.GetMeasurementSnapshot());
        Assert.True(measurement.MatchesTags(new KeyValuePair<string, object?>("engine", "libretranslate"), new KeyValuePair<string, object?>("reason", reason)),
            $"tags: {string.Join(", ", measurement.Tags.Select(t => $"{t.Key}={t.Value}"))}");
    }
}
