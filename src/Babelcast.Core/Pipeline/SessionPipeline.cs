using System.Threading.Channels;
using Babelcast.Core.Audio;
using Babelcast.Core.Capacity;
using Babelcast.Core.Cluster;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Core.Recognition;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// One session's pipeline: reads its ingest log in order, segments phrases, recognises them (partials while the
/// speaker talks, a final pass when the phrase closes), and hands final phrases to the <see cref="PhraseProcessor"/>,
/// which runs concurrently so that recognition of the next phrase never waits for synthesis of the last.
/// The stages run under one <see cref="StageSupervisor"/>: a phrase whose work throws is reported and dropped, and the
/// stage goes on with the next phrase. The queues between stages are bounded (<see cref="PipelineOptions.PhraseQueueCapacity"/>)
/// and a full queue makes the stage before it wait, down to the bounded ingest log.
/// </summary>
internal sealed partial class SessionPipeline(
    string sessionId,
    string sourceLanguage,
    bool startPaused,
    long lastSeq,
    PipelineContext context,
    Func<IngestCheckpoint, CancellationToken, ValueTask>? checkpoint = null,
    long startMs = 0) : IDisposable
{
    private readonly PhraseSegmenter _segmenter = new(context.Options);
    private readonly List<SegmentEvent> _events = [];
    private readonly Channel<QueuedPhrase> _phrases = Bounded<QueuedPhrase>(context.Options.PhraseQueueCapacity);
    private readonly Channel<PendingPhrase> _pending = Bounded<PendingPhrase>(context.Options.PhraseQueueCapacity);
    private readonly PartialCaptionPublisher _partials = new(sessionId, sourceLanguage, context);
    private readonly StageSupervisor _stages = new(sessionId, context);
    private readonly List<WaitingLine> _waitingLines = [];
    private ISpeechRecognizer? _recognizer;
    private ISpeechRecognizerFactory? _recognizerFactory;
    private bool _paused = startPaused;
    private string _lastPartial = string.Empty;
    private long _lastSeq = lastSeq;
    private long _currentSeq;
    private long _phraseStartMs;
    private long _lastSpeechTimestamp;
    private Task<string>? _headStart;
    private volatile bool _spoken;
    private long _finalQueuedAt;
    private long _finalStartedAt;

    /// <summary>Audio received before <see cref="_lagExcusedBefore"/> waited <see cref="_rentWait"/> for the recogniser.</summary>
    private long _lagExcusedBefore = long.MinValue;
    private TimeSpan _rentWait;

    /// <summary>The ingest position of the item being handled (null for a log without replay).</summary>
    private string? _position;

    /// <summary>The last seq given to a phrase, so that a restarted pipeline never gives one out twice.</summary>
    public long LastSeq => _lastSeq;

    public bool Paused => _paused;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (startMs > 0)
        {
            _segmenter.StartAt(startMs * 16);
        }

        Log.PipelineStarted(context.Logger, sessionId, sourceLanguage);
        using var link = _stages.Link(cancellationToken);
        var token = _stages.Token;
        var processing = _stages.Start(StageSupervisor.Processing, ProcessPhrasesAsync);
        var finalising = _stages.Start(StageSupervisor.FinalRecognition, FinalisePhrasesAsync);
        var partials = context.Options.TranslatePartials ? _stages.Start(StageSupervisor.Partials, _partials.RunAsync) : Task.CompletedTask;
        try
        {
            try
            {
                await foreach (var item in context.Ingest.ReadAllAsync(sessionId, token))
                {
                    _position = item.Position;
                    if (!await TryHandleAsync(item, token))
                    {
                        break;
                    }
                }

                await TryHandleAsync(IngestItem.Control(IngestKind.Flush, context.Time.GetTimestamp()), token);
            }
            finally
            {
                _pending.Writer.TryComplete();
                await ReleaseRecognizerAsync();
            }

            await finalising;
            _phrases.Writer.TryComplete();
            _partials.Complete();
            await processing;
            await partials;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A stage stopped and cancelled the others: its exception, not the cancellation, is why the run ended.
            await Task.WhenAll(processing, finalising, partials);
            throw;
        }

        Log.PipelineFinished(context.Logger, sessionId, _lastSeq);
    }

    public void Dispose() => _stages.Dispose();

    private static Channel<T> Bounded<T>(int capacity) =>
        Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });

    /// <summary>Handles one ingest item; a recogniser that throws costs the phrase in progress, not the session.</summary>
    private async ValueTask<bool> TryHandleAsync(IngestItem item, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleAsync(item, cancellationToken);
        }
        catch (Exception ex) when (_stages.IsFailure(ex))
        {
            _stages.Report(StageSupervisor.Recognition, _currentSeq, ex);
            await AbandonPhraseAsync();
            return item.Kind != IngestKind.End;
        }
    }

    private async ValueTask<bool> HandleAsync(IngestItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case IngestKind.Audio when !_paused:
                var lag = context.Time.GetElapsedTime(item.ReceivedTimestamp);
                context.Shedding.ReportIngestLag(item.ReceivedTimestamp < _lagExcusedBefore ? lag - _rentWait : lag);

                _events.Clear();
                _segmenter.Push(Pcm.FromLittleEndian(item.Audio.Span), item.ReceivedTimestamp, _events);
                await HandleEventsAsync(cancellationToken);
                if (!_segmenter.InPhrase && _recognizer is not null &&
                    context.Time.GetElapsedTime(_lastSpeechTimestamp) > context.Options.RecognizerIdleRelease)
                {
                    await ReleaseRecognizerAsync();
                }

                return true;
            case IngestKind.Pause:
                _paused = true;
                await FlushAsync(cancellationToken);
                return true;
            case IngestKind.Resume:
                _paused = false;
                return true;
            case IngestKind.Flush:
                await FlushAsync(cancellationToken);
                await ReleaseRecognizerAsync();
                return true;
            case IngestKind.End:
                return false;
            case IngestKind.Text:
                _waitingLines.Add(new WaitingLine(item.Text, item.ReceivedTimestamp));
                await ReleaseLinesAsync(cancellationToken);
                return true;
            case IngestKind.Script:
                AddScripted(item);
                await ReleaseLinesAsync(cancellationToken);
                return true;
            default:
                return true;
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _events.Clear();
        _segmenter.Flush(_events);
        await HandleEventsAsync(cancellationToken);
    }

    private async ValueTask HandleEventsAsync(CancellationToken cancellationToken)
    {
        foreach (var e in _events)
        {
            switch (e.Kind)
            {
                case SegmentEventKind.Start:
                    var recognizer = await RentRecognizerAsync(cancellationToken);

                    // Between utterances, so that a glossary changed during the last phrase applies from this one.
                    recognizer.ApplyGlossary(await context.Processor.Glossaries.GetAsync(sessionId, cancellationToken));
                    recognizer.StartUtterance();
                    _phraseStartMs = e.StartMs;
                    _currentSeq = ++_lastSeq;
                    _headStart = null;
                    _lastPartial = string.Empty;
                    await StreamAsync(e.Samples, cancellationToken);
                    break;
                case SegmentEventKind.Audio when _recognizer is not null:
                    await StreamAsync(e.Samples, cancellationToken);
                    break;
                case SegmentEventKind.Settled when _recognizer is not null && ShedPolicy.SpeculativeFinal(context.Shedding.Level):
                    _recognizer.ProcessSettled(e.Samples);
                    break;
                case SegmentEventKind.End when _recognizer is not null:
                    await EndPhraseAsync(e, cancellationToken);
                    await ReleaseLinesAsync(cancellationToken);
                    break;
                case SegmentEventKind.TentativeEnd when _recognizer is not null && ShedPolicy.SpeculativeFinal(context.Shedding.Level):
                    _recognizer.SelectFinalPass(ShedPolicy.FinalPass(context.Shedding.Level));
                    _headStart = await StartFinalPassAsync(static (r, samples, ct) => r.DecodeFinalAsync(samples, ct), e.Samples, cancellationToken);
                    break;
                case SegmentEventKind.Quality:
                    context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.AudioQualityWarning(e.Issue));
                    break;
            }
        }
    }

    /// <summary>Feeds one chunk to the streaming recogniser in its turn: other sessions' final passes go first, briefly.</summary>
    private async ValueTask StreamAsync(short[] samples, CancellationToken cancellationToken)
    {
        using (await context.Scheduler.EnterAsync(WorkPriority.Streaming, cancellationToken))
        {
            Partial(_recognizer!.ProcessChunk(samples));
        }
    }

    /// <summary>
    /// Starts a final pass once the <see cref="WorkScheduler"/> gives it a slot (the session's first phrase ahead of
    /// other sessions' phrases, all of them ahead of streaming work) and holds the slot until the text is ready.
    /// The loop waits for the slot, not for the text, so that the streaming recogniser is never touched from two threads.
    /// </summary>
    private async ValueTask<Task<string>> StartFinalPassAsync(
        Func<ISpeechRecognizer, ReadOnlyMemory<short>, CancellationToken, ValueTask<string>> pass, ReadOnlyMemory<short> samples, CancellationToken cancellationToken)
    {
        _finalQueuedAt = context.Time.GetTimestamp();
        var lease = await context.Scheduler.EnterAsync(_spoken ? WorkPriority.Final : WorkPriority.FirstPhraseFinal, cancellationToken);
        _finalStartedAt = context.Time.GetTimestamp();
        try
        {
            return HoldAsync(lease, pass(_recognizer!, samples, cancellationToken));
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        static async Task<string> HoldAsync(WorkLease lease, ValueTask<string> running)
        {
            using (lease)
            {
                return await running;
            }
        }
    }

    private void Partial(string hypothesis)
    {
        var text = TextFilter.Clean(hypothesis);
        if (text == _lastPartial)
        {
            return;
        }

        _lastPartial = text;
        var seq = _currentSeq;
        context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(seq, text, false, _phraseStartMs, _phraseStartMs, null));
        if (ShedPolicy.ListenerPartials(context.Shedding.Level))
        {
            _partials.Publish(seq, text, _phraseStartMs);
        }
    }

    /// <summary>
    /// Closes the streaming utterance at once and starts the final pass without waiting for it: the loop goes on
    /// recognising the next phrase while the final text is decoded. Phrases are finalised in order by
    /// <see cref="FinalisePhrasesAsync"/>. A seq is given to every phrase at its start (partials need it), so a phrase
    /// that turns out to have no words leaves a gap in the seqs.
    /// </summary>
    private async ValueTask EndPhraseAsync(SegmentEvent e, CancellationToken cancellationToken)
    {
        var clock = new PhraseClock(context.Time, e.FirstReceivedTimestamp, e.SpeechEndTimestamp);
        clock.Mark("endDetected");
        Task<string> text;
        if (e.TentativeHolds && _headStart is { } early)
        {
            await _recognizer!.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, cancellationToken);
            text = early;
        }
        else
        {
            // Load shedding: a cheaper final pass, or none (the streaming pass's text) on a node far behind.
            var level = context.Shedding.Level;
            _recognizer!.SelectFinalPass(ShedPolicy.FinalPass(level));
            var utterance = ShedPolicy.SecondDecode(level) ? e.Samples : ReadOnlyMemory<short>.Empty;
            text = await StartFinalPassAsync(static (r, samples, ct) => r.EndUtteranceAsync(samples, ct), utterance, cancellationToken);
        }

        _headStart = null;
        clock.Mark("finalQueued", _finalQueuedAt);
        clock.Mark("finalStarted", _finalStartedAt);
        _lastSpeechTimestamp = context.Time.GetTimestamp();
        var hadPartial = _lastPartial.Length > 0;
        _lastPartial = string.Empty;
        await _pending.Writer.WriteAsync(new PendingPhrase(_currentSeq, e, clock, text, hadPartial, Checkpoint()), cancellationToken);
    }

    /// <summary>
    /// Drops the phrase in progress after a recogniser failure. The recogniser is released, so the segmenter's later
    /// events of this phrase are ignored and the next phrase rents a fresh one.
    /// </summary>
    private async ValueTask AbandonPhraseAsync()
    {
        _headStart = null;
        if (_lastPartial.Length > 0)
        {
            _lastPartial = string.Empty;
            ClearPartial(_currentSeq, _phraseStartMs);
        }

        try
        {
            await ReleaseRecognizerAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RecognizerReleaseFailed(context.Logger, sessionId, ex);
        }
    }

    /// <summary>
    /// Rents the recogniser of the session's tier at a phrase's start, or keeps the one it has; a tier change (PATCH)
    /// swaps it at the next phrase. Without a premium recogniser the tier is not even looked up.
    /// </summary>
    private async ValueTask<ISpeechRecognizer> RentRecognizerAsync(CancellationToken cancellationToken)
    {
        var engines = context.Engines;
        var factory = engines.PremiumRecognizer is null ? engines.Recognizer : engines.RecognizerFor(await context.Tiers.GetAsync(sessionId, cancellationToken));
        if (_recognizer is not null && !ReferenceEquals(factory, _recognizerFactory))
        {
            await ReleaseRecognizerAsync();
        }

        if (_recognizer is null)
        {
            var renting = context.Time.GetTimestamp();
            _recognizer = await factory.RentAsync(sourceLanguage, cancellationToken);

            // The backlog of a rent that waited for a decoder to load is start-up, not overload: shedding would not
            // shorten it (six sessions starting at once on two cores queued 3.5 s and shed three levels for good).
            _lagExcusedBefore = context.Time.GetTimestamp();
            _rentWait = context.Time.GetElapsedTime(renting, _lagExcusedBefore);
        }

        _recognizerFactory = factory;
        return _recognizer;
    }

    private async ValueTask ReleaseRecognizerAsync()
    {
        if (_recognizer is { } r)
        {
            _recognizer = null;
            await r.DisposeAsync();
        }
    }
}
