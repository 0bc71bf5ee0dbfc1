using System.Diagnostics.Metrics;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Capacity;

namespace Babelcast.Core.Diagnostics;

/// <summary>
/// Creates every Babelcast instrument, once, on one meter from <see cref="IMeterFactory"/>: names, units and
/// descriptions live here and nowhere else. Instrument names are the Prometheus family names without the suffix the
/// exporter adds (<c>_total</c> on counters), so <c>/metrics</c> shows the names that docs/protocol.md lists.
/// Recording takes tags as single <see cref="KeyValuePair{TKey, TValue}"/>s: no array or LINQ per observation.
/// </summary>
public sealed class BabelcastMetrics
{
    public const string MeterName = "Babelcast";
    public const string PhrasesInstrument = "babelcast_phrases";
    public const string TranslationsInstrument = "babelcast_translations";
    public const string ErrorsInstrument = "babelcast_errors";
    public const string MessagesInInstrument = "babelcast_ws_messages_in";
    public const string MessagesOutInstrument = "babelcast_ws_messages_out";
    public const string StageInstrument = "babelcast_stage_seconds";
    public const string ActiveSessionsInstrument = "babelcast_active_sessions";
    public const string ListenersInstrument = "babelcast_listeners";
    public const string ShedLevelInstrument = "babelcast_shed_level";
    public const string FanoutInstrument = "babelcast_fanout_seconds";
    public const string SchedulerWaitInstrument = "babelcast_scheduler_wait_seconds";
    public const string SchedulerPromotedInstrument = "babelcast_scheduler_promoted";
    public const string SchedulerQueuedInstrument = "babelcast_scheduler_queued";
    public const string AudioDuplicatesInstrument = "babelcast_audio_frames_duplicate";
    public const string TranslationFallbacksInstrument = "babelcast_translation_fallbacks";

    /// <summary>Stage latencies run from a few milliseconds (a cached translation) to seconds (a long phrase).</summary>
    public static readonly IReadOnlyList<double> StageBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

    /// <summary>One message to every listener of a language: well under a millisecond for a few, tens of ms for thousands.</summary>
    public static readonly IReadOnlyList<double> FanoutBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    // Tag values (the DeliveryKind names, ordered by value), so that recording allocates no string.
    private static readonly string[] KindNames = Enum.GetNames<DeliveryKind>();

    private const string KindTag = "kind";
    /// <summary>A streaming chunk waits milliseconds; a final pass behind others, hundreds of them.</summary>
    public static readonly IReadOnlyList<double> SchedulerBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2];

    /// <summary>The <c>work</c> tag of each <see cref="WorkPriority"/>, by its value.</summary>
    private static readonly string[] WorkNames = ["first_final", "final", "streaming", "partial"];

    private const string LanguageTag = "language";
    private const string CodeTag = "code";
    private const string EndpointTag = "endpoint";
    private const string StageTag = "stage";
    private const string WorkTag = "work";

    private readonly Counter<long> _phrases;
    private readonly Counter<long> _translations;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _messagesIn;
    private readonly Counter<long> _messagesOut;
    private readonly Histogram<double> _stages;
    private readonly Histogram<double> _fanout;
    private readonly Histogram<double> _schedulerWaits;
    private readonly Counter<long> _schedulerPromoted;
    private readonly Counter<long> _audioDuplicates;
    private readonly Counter<long> _translationFallbacks;
    private volatile IAudienceSource? _audience;
    private volatile ILoadShedding? _shedding;
    private volatile WorkScheduler? _scheduler;

    public BabelcastMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _phrases = Meter.CreateCounter<long>(PhrasesInstrument, description: "Final phrases recognised");
        _translations = Meter.CreateCounter<long>(TranslationsInstrument, description: "Phrase translations requested, by target language");
        _errors = Meter.CreateCounter<long>(ErrorsInstrument, description: "Errors by code");
        _messagesIn = Meter.CreateCounter<long>(MessagesInInstrument, description: "WebSocket messages received, by endpoint");
        _messagesOut = Meter.CreateCounter<long>(MessagesOutInstrument, description: "WebSocket messages sent, by endpoint");
        _stages = Meter.CreateHistogram(StageInstrument, "s", "Time from the end of speech to each stage of a phrase",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StageBuckets });
        _fanout = Meter.CreateHistogram(FanoutInstrument, "s",
            "Time to hand one message to every listener of a language on this node (idle sockets are written within it), by kind",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FanoutBuckets });
        Meter.CreateObservableGauge(ActiveSessionsInstrument, ObserveSessions, description: "Sessions with a live speaker or listeners on this node");
        Meter.CreateObservableGauge(ListenersInstrument, ObserveListeners, description: "Connected listeners by language");
        Meter.CreateObservableGauge(ShedLevelInstrument, ObserveShedLevel,
            description: "Load shedding level of this node: 0 normal, 1 thinner partials, 2 reduced final pass, 3 streaming text as final");
        _schedulerWaits = Meter.CreateHistogram(SchedulerWaitInstrument, "s", "Time recognition work waited for a slot of the work scheduler, by class of work",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SchedulerBuckets });
        _schedulerPromoted = Meter.CreateCounter<long>(SchedulerPromotedInstrument,
            description: "Recognition work that waited past its class's bound and went ahead of more urgent work, by class of work");
        Meter.CreateObservableGauge(SchedulerQueuedInstrument, ObserveQueued, description: "Recognition work waiting for a slot of the work scheduler, by class of work");
        _audioDuplicates = Meter.CreateCounter<long>(AudioDuplicatesInstrument,
            description: "Numbered speaker frames dropped because the session had them already (resent after a reconnect)");
        _translationFallbacks = Meter.CreateCounter<long>(TranslationFallbacksInstrument,
            description: "Phrases a better translation engine did not translate in time or usably, translated by the fallback instead; by engine and reason");
    }

    /// <summary>The meter every instrument belongs to (disposed with the factory).</summary>
    public Meter Meter { get; }

    /// <summary>Gives the audience gauges their source; until then they report nothing.</summary>
    public void ObserveAudience(IAudienceSource source) => _audience = source;

    /// <summary>Gives the shedding gauge its source; until then it reports nothing.</summary>
    public void ObserveShedding(ILoadShedding shedding) => _shedding = shedding;

    /// <summary>Gives the scheduler gauge its source; until then it reports nothing.</summary>
    public void ObserveScheduler(WorkScheduler scheduler) => _scheduler = scheduler;

    public void SchedulerWaited(WorkPriority work, double seconds) => _schedulerWaits.Record(seconds, WorkTagOf(work));

    public void SchedulerPromoted(WorkPriority work) => _schedulerPromoted.Add(1, WorkTagOf(work));

    public void PhraseRecognised() => _phrases.Add(1);

    public void AudioFrameDuplicate() => _audioDuplicates.Add(1);

    public void TranslationRequested(string language) => _translations.Add(1, new KeyValuePair<string, object?>(LanguageTag, language));

    public void TranslationFellBack(string engine, string reason) =>
        _translationFallbacks.Add(1, new KeyValuePair<string, object?>("engine", engine), new KeyValuePair<string, object?>("reason", reason));

    public void Error(string code) => _errors.Add(1, new KeyValuePair<string, object?>(CodeTag, code));

    public void MessageReceived(string endpoint) => _messagesIn.Add(1, new KeyValuePair<string, object?>(EndpointTag, endpoint));

    public void MessageSent(string endpoint) => MessagesSent(endpoint, 1);

    /// <summary>Counts a connection's writes in one step (a socket's drain), not one measurement per frame.</summary>
    public void MessagesSent(string endpoint, long count) => _messagesOut.Add(count, new KeyValuePair<string, object?>(EndpointTag, endpoint));

    /// <summary>One message handed to every listener of a language (<see cref="FanoutInstrument"/>).</summary>
    public void FannedOut(DeliveryKind kind, double seconds) => _fanout.Record(seconds, new KeyValuePair<string, object?>(KindTag, KindNames[(int)kind]));

    public void StageReached(string stage, double seconds) => _stages.Record(seconds, new KeyValuePair<string, object?>(StageTag, stage));

    private IEnumerable<Measurement<int>> ObserveSessions() =>
        _audience is { } audience ? [new Measurement<int>(audience.ActiveSessions)] : [];

    private IEnumerable<Measurement<int>> ObserveShedLevel() =>
        _shedding is { } shedding ? [new Measurement<int>((int)shedding.Level)] : [];

    private static KeyValuePair<string, object?> WorkTagOf(WorkPriority work) => new(WorkTag, WorkNames[(int)work]);

    private IEnumerable<Measurement<int>> ObserveQueued()
    {
        if (_scheduler is not { } scheduler)
        {
            return [];
        }

        var measurements = new Measurement<int>[WorkNames.Length];
        for (var i = 0; i < WorkNames.Length; i++)
        {
            measurements[i] = new Measurement<int>(scheduler.Queued((WorkPriority)i), WorkTagOf((WorkPriority)i));
        }

        return measurements;
    }

    private IEnumerable<Measurement<int>> ObserveListeners()
    {
        if (_audience is not { } audience)
        {
            return [];
        }

        var counts = audience.ListenersByLanguage();
        var measurements = new List<Measurement<int>>(counts.Count);
        foreach (var (language, count) in counts)
        {
            measurements.Add(new Measurement<int>(count, new KeyValuePair<string, object?>(LanguageTag, language)));
        }

        return measurements;
    }
}
