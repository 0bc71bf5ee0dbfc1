using System.Diagnostics.Metrics;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Babelcast.Core.Tests.Diagnostics;

public sealed class BabelcastMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BabelcastMetrics _metrics;

    public BabelcastMetricsTests() => _metrics = new BabelcastMetrics(_services.GetRequiredService<IMeterFactory>());

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Constructor_CreatesEveryInstrumentOnTheBabelcastMeter_WithADescription()
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter))
            {
                published.Add(instrument);
            }
        };
        listener.Start();

        Assert.Equal(BabelcastMetrics.MeterName, _metrics.Meter.Name);
        Assert.Equal(
            [
                BabelcastMetrics.ActiveSessionsInstrument, BabelcastMetrics.AudioDuplicatesInstrument, BabelcastMetrics.ErrorsInstrument, BabelcastMetrics.FanoutInstrument, BabelcastMetrics.ListenersInstrument,
                BabelcastMetrics.PhrasesInstrument, BabelcastMetrics.SchedulerPromotedInstrument, BabelcastMetrics.SchedulerQueuedInstrument,
                BabelcastMetrics.SchedulerWaitInstrument, BabelcastMetrics.ShedLevelInstrument, BabelcastMetrics.StageInstrument, BabelcastMetrics.TranslationFallbacksInstrument, BabelcastMetrics.TranslationsInstrument,
                BabelcastMetrics.MessagesInInstrument, BabelcastMetrics.MessagesOutInstrument,
            ],
            published.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(published, i => Assert.False(string.IsNullOrWhiteSpace(i.Description), i.Name));
    }

    [Fact]
    public void Error_ByCode_CountsEachCodeSeparately()
    {
        using var errors = Collect<long>(BabelcastMetrics.ErrorsInstrument);
        _metrics.Error("SESSION_FULL");
        _metrics.Error("AUTH");
        _metrics.Error("SESSION_FULL");

        Assert.Equal(2, Sum(errors, "code", "SESSION_FULL"));
        Assert.Equal(1, Sum(errors, "code", "AUTH"));
        Assert.Equal(0, Sum(errors, "code", "RATE_LIMIT_EXCEEDED"));
    }

    [Fact]
    public void PhraseAndTranslation_Recorded_PhraseUntaggedTranslationByLanguage()
    {
        using var phrases = Collect<long>(BabelcastMetrics.PhrasesInstrument);
        using var translations = Collect<long>(BabelcastMetrics.TranslationsInstrument);
        _metrics.PhraseRecognised();
        _metrics.TranslationRequested("es");
        _metrics.TranslationRequested("fr");
        _metrics.TranslationRequested("es");

        var phrase = Assert.Single(phrases.GetMeasurementSnapshot());
        Assert.Equal(1, phrase.Value);
        Assert.Empty(phrase.Tags);
        Assert.Equal(2, Sum(translations, "language", "es"));
        Assert.Equal(1, Sum(translations, "language", "fr"));
    }

    [Fact]
    public void StageReached_RecordsSecondsByStage_InSecondsScaleBuckets()
    {
        using var stages = Collect<double>(BabelcastMetrics.StageInstrument);
        _metrics.StageReached("encoded", 0.25);
        _metrics.StageReached("translated", 0.004);

        Assert.Equal("s", stages.Instrument!.Unit);
        var advice = ((Histogram<double>)stages.Instrument).Advice?.HistogramBucketBoundaries;
        Assert.NotNull(advice);
        Assert.Equal(BabelcastMetrics.StageBuckets, advice);
        Assert.Equal(0.005, advice[0]);
        Assert.Equal(10, advice[^1]);
        Assert.True(advice.Zip(advice.Skip(1)).All(p => p.First < p.Second), "bucket boundaries must ascend");
        Assert.Equal(0.25, Assert.Single(stages.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("stage", "encoded"))).Value);
        Assert.Equal(0.004, Assert.Single(stages.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("stage", "translated"))).Value);
    }

    [Fact]
    public void AudienceGauges_ReadTheSourceAtCollection_NothingBeforeOneIsGiven()
    {
        using var sessions = Collect<int>(BabelcastMetrics.ActiveSessionsInstrument);
        using var listeners = Collect<int>(BabelcastMetrics.ListenersInstrument);
        sessions.RecordObservableInstruments();
        listeners.RecordObservableInstruments();
        Assert.Empty(sessions.GetMeasurementSnapshot());
        Assert.Empty(listeners.GetMeasurementSnapshot());

        var audience = new FakeAudience { Sessions = 2, Listeners = { ["es"] = 3, ["fr"] = 1 } };
        _metrics.ObserveAudience(audience);
        sessions.RecordObservableInstruments();
        listeners.RecordObservableInstruments();
        Assert.Equal(2, sessions.LastMeasurement!.Value);
        Assert.Equal(3, Assert.Single(listeners.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("language", "es"))).Value);
        Assert.Equal(1, Assert.Single(listeners.GetMeasurementSnapshot(), m => m.MatchesTags(new KeyValuePair<string, object?>("language", "fr"))).Value);

        audience.Sessions = 5;
        sessions.RecordObservableInstruments();
        Assert.Equal(5, sessions.LastMeasurement!.Value);
    }

    [Fact]
    public async Task Messages_FromManyThreads_NoneLost()
    {
        using var received = Collect<long>(BabelcastMetrics.MessagesInInstrument);
        using var sent = Collect<long>(BabelcastMetrics.MessagesOutInstrument);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                _metrics.MessageReceived(t % 2 == 0 ? "speak" : "listen");
                _metrics.MessageSent("listen");
            }
        })));

        Assert.Equal(40_000, Sum(received, "endpoint", "speak"));
        Assert.Equal(40_000, Sum(received, "endpoint", "listen"));
        Assert.Equal(80_000, Sum(sent, "endpoint", "listen"));
    }

    [Fact]
    public void MessagesSent_ACount_AddsItInOneMeasurement()
    {
        using var sent = Collect<long>(BabelcastMetrics.MessagesOutInstrument);
        _metrics.MessagesSent("listen", 3);
        _metrics.MessageSent("listen");

        Assert.Equal(4, Sum(sent, "endpoint", "listen"));
        Assert.Equal(2, sent.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public void FannedOut_ByKind_RecordsSecondsTaggedWithTheKindName()
    {
        using var fanout = Collect<double>(BabelcastMetrics.FanoutInstrument);
        _metrics.FannedOut(DeliveryKind.Audio, 0.012);
        _metrics.FannedOut(DeliveryKind.PartialCaption, 0.001);
        _metrics.FannedOut(DeliveryKind.Audio, 0.030);

        var byKind = fanout.GetMeasurementSnapshot().ToLookup(m => m.Tags["kind"] as string, m => m.Value);
        Assert.Equal([0.012, 0.030], byKind["Audio"]);
        Assert.Single(byKind["PartialCaption"]);
        Assert.Empty(byKind["Control"]);
    }

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_metrics.Meter, instrument);

    private static long Sum(MetricCollector<long> collector, string tag, string value) =>
        collector.GetMeasurementSnapshot().Where(m => m.MatchesTags(new KeyValuePair<string, object?>(tag, value))).Sum(m => m.Value);

    private sealed class FakeAudience : IAudienceSource
    {
        public int Sessions { get; set; }

        public Dictionary<string, int> Listeners { get; } = [];

        public int ActiveSessions => Sessions;

        public IReadOnlyDictionary<string, int> ListenersByLanguage() => Listeners;
    }
}
