using System.Threading.Channels;
using Babelcast.Core.Audio;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Core.Recognition;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// One session's pipeline: reads its ingest log in order, segments phrases, recognises them (partials while the
/// speaker talks, a final pass when the phrase closes), and hands final phrases to the <see cref="PhraseProcessor"/>,
/// which runs concurrently so that recognition of the next phrase never waits for synthesis of the last.
/// </summary>
internal sealed class SessionPipeline(
    string sessionId,
    string sourceLanguage,
    bool startPaused,
    long lastSeq,
    PipelineContext context)
{
    private readonly PhraseSegmenter _segmenter = new(context.Options);
    private readonly List<SegmentEvent> _events = [];
    private readonly Channel<RecognizedPhrase> _phrases = Channel.CreateUnbounded<RecognizedPhrase>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<PendingPhrase> _pending = Channel.CreateUnbounded<PendingPhrase>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PartialCaptionPublisher _partials = new(sessionId, sourceLanguage, context);
    private ISpeechRecognizer? _recognizer;
    private bool _paused = startPaused;
    private string _lastPartial = string.Empty;
    private long _lastSeq = lastSeq;
    private long _currentSeq;
    private long _phraseStartMs;
    private long _lastSpeechTimestamp;
    private Task<string>? _headStart;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.PipelineStarted(context.Logger, sessionId, sourceLanguage);
        var processing = Task.Run(() => ProcessPhrasesAsync(cancellationToken), cancellationToken);
        var finalising = Task.Run(() => FinalisePhrasesAsync(cancellationToken), cancellationToken);
        var partials = context.Options.TranslatePartials ? Task.Run(() => _partials.RunAsync(cancellationToken), cancellationToken) : Task.CompletedTask;
        try
        {
            await foreach (var item in context.Ingest.ReadAllAsync(sessionId, cancellationToken))
            {
                if (!await HandleAsync(item, cancellationToken))
                {
                    break;
                }
            }

            await FlushAsync(cancellationToken);
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
        Log.PipelineFinished(context.Logger, sessionId, _lastSeq);
    }

    private async ValueTask<bool> HandleAsync(IngestItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case IngestKind.Audio when !_paused:
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
                    _recognizer ??= await context.Engines.Recognizer.RentAsync(sourceLanguage, cancellationToken);
                    _recognizer.StartUtterance();
                    _phraseStartMs = e.StartMs;
                    _currentSeq = ++_lastSeq;
                    _headStart = null;
                    _lastPartial = string.Empty;
                    Partial(_recognizer.ProcessChunk(e.Samples));
                    break;
                case SegmentEventKind.Audio when _recognizer is not null:
                    Partial(_recognizer.ProcessChunk(e.Samples));
                    break;
                case SegmentEventKind.End when _recognizer is not null:
                    await EndPhraseAsync(e, cancellationToken);
                    break;
                case SegmentEventKind.TentativeEnd when _recognizer is not null:
                    _headStart = _recognizer.DecodeFinalAsync(e.Samples, cancellationToken).AsTask();
                    break;
                case SegmentEventKind.Quality:
                    context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.AudioQualityWarning(e.Issue));
                    break;
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
        _partials.Publish(seq, text, _phraseStartMs);
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
            text = _recognizer!.EndUtteranceAsync(e.Samples, cancellationToken).AsTask();
        }

        _headStart = null;
        _lastSpeechTimestamp = context.Time.GetTimestamp();
        var hadPartial = _lastPartial.Length > 0;
        _lastPartial = string.Empty;
        await _pending.Writer.WriteAsync(new PendingPhrase(_currentSeq, e, clock, text, hadPartial), cancellationToken);
    }

    private async Task FinalisePhrasesAsync(CancellationToken cancellationToken)
    {
        await foreach (var (seq, e, clock, textTask, hadPartial) in _pending.Reader.ReadAllAsync(cancellationToken))
        {
            var raw = await textTask;
            clock.Mark("recognised");
            var text = e.SpeechMs >= context.Options.MinSpeechMs ? TextFilter.Clean(raw) : string.Empty;
            if (text.Length == 0)
            {
                Log.PhraseDiscarded(context.Logger, sessionId);
                if (hadPartial)
                {
                    context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(seq, string.Empty, false, e.StartMs, e.StartMs, null));
                    _partials.Publish(seq, string.Empty, e.StartMs);
                }

                continue;
            }

            context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(seq, text, true, e.StartMs, e.EndMs, clock));
            var prosody = ProsodyEstimator.Estimate(e.SpeechLevelDbfs, TextFilter.WordCount(text), e.SpeechMs);
            await _phrases.Writer.WriteAsync(new RecognizedPhrase(sessionId, sourceLanguage, seq, text, e.StartMs, e.EndMs, prosody, clock), cancellationToken);
        }
    }

    private sealed record PendingPhrase(long Seq, SegmentEvent Segment, PhraseClock Clock, Task<string> Text, bool HadPartial);

    private async Task ProcessPhrasesAsync(CancellationToken cancellationToken)
    {
        await foreach (var phrase in _phrases.Reader.ReadAllAsync(cancellationToken))
        {
            await context.Processor.ProcessAsync(phrase, cancellationToken);
        }
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
