using System.Diagnostics;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Translation;
using Babelcast.Testing.Host.Translation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using System.Diagnostics.Metrics;

namespace Babelcast.Engines.HttpTranslation.Tests;

/// <summary>
/// The premium chain (<see cref="FallbackTranslator"/>) over the real "openai" translator and a real server on
/// loopback: failures, implausible answers and slow answers end in the fallback's translation, within the budget.
/// </summary>
public sealed class FallbackOverHttpTests : IAsyncLifetime
{
    // Long enough that a good answer on a loaded machine is never late; the slow answers are far beyond it.
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
        _host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GoodAnswer_IsUsed_AndNothingFallsBack()
    {
        using var fallbacks = Collector();

        var result = await Chain().TranslateAsync("Welcome to the service", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok(TranslationTestServer.Pseudo("es", "Welcome to the service")), result);
        Assert.Equal(0, _fallback.Calls);
        Assert.Empty(fallbacks.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SlowAnswer_FallsBackWithinTheBudget()
    {
        using var fallbacks = Collector();
        _server.Answer = c => TestAnswer.Translation("late") with { Delay = TimeSpan.FromSeconds(10) };

        var watch = Stopwatch.StartNew();
        var result = await Chain().TranslateAsync("Welcome to the service", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Welcome to the service"), result);
        Assert.InRange(watch.Elapsed, Budget - TimerSlack, Budget + TimeSpan.FromSeconds(3));
        AssertReason(fallbacks, FallbackReason.Timeout);
    }

    [Fact]
    public async Task SlowStream_FallsBackWithinTheBudget()
    {
        using var fallbacks = Collector();
        _server.Answer = _ => TestAnswer.Translation("uno dos tres cuatro cinco seis") with { ChunkDelay = TimeSpan.FromSeconds(1) };

        var watch = Stopwatch.StartNew();
        var result = await Chain().TranslateAsync("one two three four five six", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN one two three four five six"), result);
        Assert.InRange(watch.Elapsed, Budget - TimerSlack, Budget + TimeSpan.FromSeconds(3));
        AssertReason(fallbacks, FallbackReason.Timeout);
    }

    [Fact]
    public async Task ServerError_FallsBack_AsError()
    {
        using var fallbacks = Collector();
        _server.Answer = _ => TestAnswer.Error(503);

        var result = await Chain().TranslateAsync("Welcome", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Welcome"), result);
        AssertReason(fallbacks, FallbackReason.Error);
    }

    [Theory]
    [InlineData("", FallbackReason.Empty)]
    [InlineData("   ", FallbackReason.Empty)]
    [InlineData("Please stand for the reading.", FallbackReason.Unchanged)]
    [InlineData("PLEASE stand for the reading", FallbackReason.Unchanged)]
    [InlineData("Here is the translation: Por favor, pónganse de pie.", FallbackReason.Echo)]
    [InlineData("Translation: Por favor, pónganse de pie.", FallbackReason.Echo)]
    [InlineData("Glossary (keep these terms exactly as written): Babelcast.", FallbackReason.Echo)]
    [InlineData("请起立诵读经文。", FallbackReason.Garbage)]
    [InlineData("Por favor \uFFFD\uFFFD\uFFFD", FallbackReason.Garbage)]
    [InlineData("Veuillez vous lever pour la lecture, s'il vous plaît.", FallbackReason.WrongLanguage)]
    public async Task ImplausibleAnswer_FallsBack_WithItsReason(string answer, string reason)
    {
        using var fallbacks = Collector();
        _server.Answer = _ => TestAnswer.Translation(answer) with { ForceJson = true };

        var result = await Chain().TranslateAsync("Please stand for the reading.", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Please stand for the reading."), result);
        AssertReason(fallbacks, reason);
    }

    [Fact]
    public async Task RunawayAnswer_FallsBack_AsGarbage()
    {
        using var fallbacks = Collector();
        _server.Answer = _ => TestAnswer.Translation(string.Join(' ', Enumerable.Repeat("hola", 60)));

        var result = await Chain().TranslateAsync("Hello there", "en", "es", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Hello there"), result);
        AssertReason(fallbacks, FallbackReason.Garbage);
    }

    [Fact]
    public async Task SlowLanguage_DoesNotDelayAnother()
    {
        _server.Answer = c => c.Target == "fr" ? TestAnswer.Translation("trop tard") with { Delay = TimeSpan.FromSeconds(30) } : TestAnswer.Translation("Hola amigos");
        // A budget a loaded machine's first request (connection, JIT) cannot miss; French's answer is far beyond it.
        var budget = TimeSpan.FromSeconds(5);
        var chain = Chain(budget);
        await chain.TranslateAsync("Warm up", "en", "es", Ct);

        var watch = Stopwatch.StartNew();
        var french = chain.TranslateAsync("Hello friends", "en", "fr", Ct).AsTask();
        var spanish = await chain.TranslateAsync("Hello friends", "en", "es", Ct);
        var spanishAt = watch.Elapsed;

        Assert.Equal(TranslationResult.Ok("Hola amigos"), spanish);
        Assert.False(french.IsCompleted);
        Assert.True(spanishAt < budget, $"Spanish took {spanishAt.TotalMilliseconds:0} ms");
        Assert.Equal(TranslationResult.Ok("STANDIN Hello friends"), await french);
    }

    [Fact]
    public async Task LanguageThePrimaryLacks_GoesStraightToTheFallback()
    {
        using var host = TranslatorHost.OpenAi(_server.OpenAiBaseUrl, new Dictionary<string, string?> { ["Babelcast:Translation:OpenAi:Languages:0"] = "es" });
        var chain = new FallbackTranslator(host.Get("openai"), _fallback, Budget, TimeProvider.System, _host.Metrics, NullLogger.Instance);

        var result = await chain.TranslateAsync("Hello", "en", "de", Ct);

        Assert.Equal(TranslationResult.Ok("STANDIN Hello"), result);
        Assert.Empty(_server.Calls);
    }

    private FallbackTranslator Chain(TimeSpan? budget = null) =>
        new(_host.Get("openai"), _fallback, budget ?? Budget, TimeProvider.System, _host.Metrics, NullLogger.Instance);

    private MetricCollector<long> Collector() =>
        new(_host.Services.GetRequiredService<IMeterFactory>(), BabelcastMetrics.MeterName, BabelcastMetrics.TranslationFallbacksInstrument);

    private static void AssertReason(MetricCollector<long> fallbacks, string reason)
    {
        var measurement = Assert.Single(fallbacks.GetMeasurementSnapshot());
        Assert.True(measurement.MatchesTags(new KeyValuePair<string, object?>("engine", "openai"), new KeyValuePair<string, object?>("reason", reason)),
            $"tags: {string.Join(", ", measurement.Tags.Select(t => $"{t.Key}={t.Value}"))}");
    }
}
