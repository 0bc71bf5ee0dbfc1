using Babelcast.Core.Audio;
using Babelcast.Core.Cluster;
using Babelcast.Core.Protocol;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// The finishing half: phrases leave the pending queue in the order they were spoken or typed, get their final text,
/// and go to the processor; a checkpoint follows each delivered one.
/// </summary>
internal sealed partial class SessionPipeline
{
    /// <summary>
    /// Queues the typed lines that wait, unless a phrase is being spoken: its seq was given at its start, so a line
    /// numbered after it must not go out before it (a listener skips a seq at or below the last one it got).
    /// </summary>
    private async ValueTask ReleaseLinesAsync(CancellationToken cancellationToken)
    {
        if (_segmenter.InPhrase && _recognizer is not null)
        {
            return;
        }

        foreach (var line in _waitingLines)
        {
            var seq = ++_lastSeq;
            var clock = new PhraseClock(context.Time, line.ReceivedTimestamp, line.ReceivedTimestamp);
            var position = _position is null ? (IngestCheckpoint?)null : new IngestCheckpoint(_position, seq, _segmenter.SamplesSeen / 16);
            await _pending.Writer.WriteAsync(
                new PendingPhrase(seq, null, clock, Task.FromResult(line.Text), false, position) { TypedAtMs = _segmenter.SamplesSeen / 16, Line = line }, cancellationToken);
        }

        _waitingLines.Clear();
    }

    private async Task FinalisePhrasesAsync(CancellationToken cancellationToken)
    {
        await foreach (var pending in _pending.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                await FinaliseAsync(pending, cancellationToken);
            }
            catch (Exception ex) when (_stages.IsFailure(ex))
            {
                _stages.Report(StageSupervisor.FinalRecognition, pending.Seq, ex);
                if (pending is { HadPartial: true, Segment: { } segment })
                {
                    ClearPartial(pending.Seq, segment.StartMs);
                }
            }
        }
    }

    private async Task FinaliseAsync(PendingPhrase pending, CancellationToken cancellationToken)
    {
        var (seq, segment, clock, textTask, hadPartial, position) = pending;
        if (segment is not { } e)
        {
            var glossary = await context.Processor.Glossaries.GetAsync(sessionId, cancellationToken);
            var line = glossary.Canonicalize((await textTask).Trim(), sourceLanguage);
            var origin = pending.Line.Origin;
            context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(
                seq, line, true, pending.TypedAtMs, pending.TypedAtMs, clock, origin, pending.Line.Ready?.Reference, pending.Line.Ready?.Cues));
            var typed = new RecognizedPhrase(sessionId, pending.Line.SourceLanguage ?? sourceLanguage, seq, line, pending.TypedAtMs, pending.TypedAtMs, Synthesis.Prosody.Neutral, clock, origin)
            {
                Ready = pending.Line.Ready,
            };
            if (origin is PhraseOrigin.Typed or PhraseOrigin.Prepared)
            {
                OfferScripture(seq, line);
            }

            await _phrases.Writer.WriteAsync(new QueuedPhrase(typed, position), cancellationToken);
            return;
        }

        var raw = await textTask;
        clock.Mark("recognised");
        context.Shedding.ReportFinalDelay(context.Time.GetElapsedTime(e.SpeechEndTimestamp));
        var text = e.SpeechMs >= context.Options.MinSpeechMs ? TextFilter.Clean(raw) : string.Empty;
        if (text.Length > 0)
        {
            // The glossary's spelling of its terms (the recogniser writes dictionary words in lower case).
            text = (await context.Processor.Glossaries.GetAsync(sessionId, cancellationToken)).Canonicalize(text, sourceLanguage);
        }

        _spoken |= text.Length > 0;
        if (text.Length == 0)
        {
            Log.PhraseDiscarded(context.Logger, sessionId);
            if (hadPartial)
            {
                ClearPartial(seq, e.StartMs);
            }

            return;
        }

        var prosody = ProsodyEstimator.Estimate(e.SpeechLevelDbfs, TextFilter.WordCount(text), e.SpeechMs);
        var followed = await context.Processor.Follower.FollowAsync(sessionId, text, cancellationToken);
        if (followed is { Remainder: true })
        {
            // The rest of a cue that went out with the phrase before: nothing new for the listeners.
            Log.PhraseFollowedRemainder(context.Logger, sessionId, seq);
            if (hadPartial)
            {
                ClearPartial(seq, e.StartMs);
            }

            return;
        }

        var phrase = followed is { } cue
            ? new RecognizedPhrase(sessionId, cue.SourceLanguage, seq, cue.Text, e.StartMs, e.EndMs, prosody, clock, PhraseOrigin.Prepared) { Ready = cue.Ready }
            : new RecognizedPhrase(sessionId, sourceLanguage, seq, text, e.StartMs, e.EndMs, prosody, clock);
        context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(seq, phrase.Text, true, e.StartMs, e.EndMs, clock, phrase.Origin, null, phrase.Ready?.Cues));
        OfferScripture(seq, phrase.Text);
        await _phrases.Writer.WriteAsync(new QueuedPhrase(phrase, position), cancellationToken);
    }

    /// <summary>
    /// Each item's segments (a Bible passage's sentence-sized parts) wait as lines of their own; an item this version
    /// cannot read is dropped with a log entry rather than stopping the session.
    /// </summary>
    private void AddScripted(Ingest.IngestItem item)
    {
        if (ScriptedPhrase.FromBytes(item.Audio.Span) is not { } scripted)
        {
            Log.ScriptedItemUnreadable(context.Logger, sessionId);
            return;
        }

        foreach (var part in scripted.Segments)
        {
            _waitingLines.Add(new WaitingLine(part.Text, item.ReceivedTimestamp, scripted.Origin, part.Ready, scripted.SourceLanguage));
        }
    }

    /// <summary>Offers the speaker each Bible reference in a final text; sending the passage is the operator's decision.</summary>
    private void OfferScripture(long seq, string text)
    {
        foreach (var match in Scripture.ScriptureReferenceParser.FindAll(text))
        {
            context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.ScriptureDetected(seq, match));
        }
    }

    /// <summary>Tells the speaker and the listeners that a phrase they saw partials of has no final text.</summary>
    private void ClearPartial(long seq, long startMs)
    {
        context.Broadcaster.SendToSpeaker(sessionId, SpeakerMessages.Transcript(seq, string.Empty, false, startMs, startMs, null));
        _partials.Publish(seq, string.Empty, startMs);
    }

    /// <summary>Where this phrase's end leaves the session: the item that ended it, its seq, the media time after the item.</summary>
    private IngestCheckpoint? Checkpoint() =>
        _position is null ? null : new IngestCheckpoint(_position, _currentSeq, _segmenter.SamplesSeen / 16);
}
