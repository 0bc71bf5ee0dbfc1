using Babelcast.Core.Audio;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// Cuts a session's audio into phrases: a phrase starts on a voice onset (with pre-roll), closes after
/// <see cref="PipelineOptions.EndSilenceMs"/> of silence, or at <see cref="PipelineOptions.MaxPhraseMs"/> where it is
/// cut at its quietest 100 ms in the second half. Past <see cref="PipelineOptions.SoftMaxPhraseMs"/> a shorter pause
/// (<see cref="PipelineOptions.PauseCutSilenceMs"/>) closes it too, so that unbroken read speech is cut where the speaker
/// breathes rather than at the hard limit, inside a word. No fixed window: a phrase ends as soon as the pause is heard.
/// Single-threaded; one per session.
/// </summary>
public sealed class PhraseSegmenter(PipelineOptions options)
{
    private const int Frame = VoiceActivityDetector.FrameSamples;

    // Weak final consonants fall below the voiced threshold; the final pass hears them if some tail is kept.
    private int TailMs => Math.Min(options.EndSilenceMs, Math.Max(options.FinalPassHeadStartMs, 200));
    private readonly int _softMaxSamples = options.SoftMaxPhraseMs > 0 && options.SoftMaxPhraseMs < options.MaxPhraseMs
        ? options.SoftMaxPhraseMs * 16
        : int.MaxValue;
    private readonly int _pauseCutMs = Math.Min(options.PauseCutSilenceMs, options.EndSilenceMs);

    // In whole frames, so that a head start that is not a multiple of 20 ms still fires (at the next frame).
    private readonly int _headStartFrames = options.FinalPassHeadStartMs > 0
        ? (Math.Min(options.FinalPassHeadStartMs, options.EndSilenceMs - 20) + 19) / 20
        : -1;
    private readonly VoiceActivityDetector _vad = new(options.VoiceActivity);
    private readonly AudioQualityMonitor _quality = new(options.AudioQuality);
    private readonly short[] _frame = new short[Frame];
    private readonly List<short> _preRoll = [];
    private readonly List<short> _phrase = [];
    private readonly List<double> _phraseLevels = [];
    private readonly List<bool> _phraseVoiced = [];
    private readonly List<short> _chunk = [];
    private int _frameFill;
    private long _samplesSeen;

    /// <summary>Audio pushed so far (at 16 kHz) counted from the session's start: phrase times are measured on it.</summary>
    public long SamplesSeen => _samplesSeen;

    /// <summary>Continues a session's media clock (a new owner resuming after a checkpoint); only before the first push.</summary>
    public void StartAt(long samples)
    {
        if (_samplesSeen != 0 || _frameFill != 0)
        {
            throw new InvalidOperationException("The segmenter's clock can only be set before audio is pushed.");
        }

        _samplesSeen = Math.Max(0, samples);
    }
    private bool _inPhrase;
    private long _phraseStartSample;
    private int _silentFrames;
    private int _lastVoicedEnd;
    private int _tentativeVoicedEnd = -1;
    private int _tentativeLength;
    private int _settled;
    private long _firstReceived;
    private long _speechEnd;

    public bool InPhrase => _inPhrase;

    public void Push(ReadOnlySpan<short> samples, long receivedTimestamp, List<SegmentEvent> events)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(Frame - _frameFill, samples.Length);
            samples[..take].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += take;
            samples = samples[take..];
            if (_frameFill == Frame)
            {
                _frameFill = 0;
                OnFrame(receivedTimestamp, events);
            }
        }
    }

    /// <summary>Closes the phrase in progress (pause, end of session, speaker left).</summary>
    public void Flush(List<SegmentEvent> events)
    {
        if (_inPhrase)
        {
            EndPhrase(_phrase.Count, events, PhraseEndReason.Flush);
        }

        _preRoll.Clear();
    }

    private void OnFrame(long received, List<SegmentEvent> events)
    {
        var vad = _vad.Process(_frame);
        foreach (var issue in _quality.Add(_frame, vad.LevelDbfs))
        {
            events.Add(new SegmentEvent(SegmentEventKind.Quality, []) { Issue = issue });
        }

        _samplesSeen += Frame;
        if (!_inPhrase)
        {
            _preRoll.AddRange(_frame);
            var maxPreRoll = options.PreRollMs * 16;
            if (_preRoll.Count > maxPreRoll)
            {
                _preRoll.RemoveRange(0, _preRoll.Count - maxPreRoll);
            }

            if (vad.Onset)
            {
                StartPhrase([.. _preRoll], null, received, events);
                _preRoll.Clear();
            }

            return;
        }

        _phrase.AddRange(_frame);
        _phraseLevels.Add(vad.LevelDbfs);
        _phraseVoiced.Add(vad.Voiced);
        _chunk.AddRange(_frame);
        if (vad.Voiced)
        {
            _silentFrames = 0;
            _lastVoicedEnd = _phrase.Count;
            _speechEnd = received;
        }
        else
        {
            _silentFrames++;
        }

        if (_chunk.Count >= options.ChunkMs * 16)
        {
            events.Add(new SegmentEvent(SegmentEventKind.Audio, [.. _chunk]));
            _chunk.Clear();
            // After a tentative end with no speech since, the phrase will be exactly the tentative audio.
            Settle(_tentativeVoicedEnd == _lastVoicedEnd ? _tentativeLength : Math.Min(_phrase.Count, _lastVoicedEnd + (TailMs * 16)), events);
        }

        var longPhrasePause = _phrase.Count >= _softMaxSamples && _silentFrames * 20 >= _pauseCutMs;
        if (_silentFrames * 20 >= options.EndSilenceMs || longPhrasePause)
        {
            // If no speech came since the tentative end, the phrase is exactly the audio its final pass already has.
            var holds = _tentativeVoicedEnd == _lastVoicedEnd;
            var reason = _silentFrames * 20 >= options.EndSilenceMs ? PhraseEndReason.Pause : PhraseEndReason.LongPhrasePause;
            EndPhrase(holds ? _tentativeLength : Math.Min(_phrase.Count, _lastVoicedEnd + (TailMs * 16)), events, reason, holds);
        }
        else if (_silentFrames == _headStartFrames)
        {
            // Probably the end of the phrase: the final pass may start on exactly the audio the phrase will have.
            _tentativeVoicedEnd = _lastVoicedEnd;
            _tentativeLength = Math.Min(_phrase.Count, _lastVoicedEnd + (TailMs * 16));
            Settle(_tentativeLength, events);
            events.Add(new SegmentEvent(SegmentEventKind.TentativeEnd, _phrase.GetRange(0, _tentativeLength).ToArray()));
        }
        else if (_phrase.Count >= options.MaxPhraseMs * 16)
        {
            CutAtQuietest(received, events);
        }
    }

    private void StartPhrase(short[] initial, List<bool>? voiced, long received, List<SegmentEvent> events)
    {
        _inPhrase = true;
        _phraseStartSample = _samplesSeen - initial.Length;
        _phrase.Clear();
        _phrase.AddRange(initial);
        _phraseLevels.Clear();
        for (var i = 0; i + Frame <= initial.Length; i += Frame)
        {
            _phraseLevels.Add(Pcm.LevelDbfs(initial.AsSpan(i, Frame)));
        }

        _chunk.Clear();
        _settled = 0;
        _silentFrames = 0;
        // A pre-roll's voiced frames are its last OnsetFrames (the onset run); a cut's remainder keeps its own flags.
        var frames = _phraseLevels.Count;
        var onset = Math.Min(options.VoiceActivity.OnsetFrames, frames);
        _phraseVoiced.Clear();
        _phraseVoiced.AddRange(voiced ?? Enumerable.Range(0, frames).Select(i => i >= frames - onset));
        _lastVoicedEnd = _phrase.Count;
        _firstReceived = received;
        _speechEnd = received;
        events.Add(new SegmentEvent(SegmentEventKind.Start, initial));
    }

    private void EndPhrase(int length, List<SegmentEvent> events, PhraseEndReason reason, bool tentativeHolds = false)
    {
        if (_chunk.Count > 0)
        {
            events.Add(new SegmentEvent(SegmentEventKind.Audio, [.. _chunk]));
            _chunk.Clear();
        }

        Settle(length, events);
        var audio = _phrase.GetRange(0, length).ToArray();
        var voicedFrames = _phraseVoiced.Take(length / Frame).Count(v => v);
        var voicedLevels = _phraseLevels.Take(length / Frame).OrderDescending().Take(Math.Max(1, voicedFrames)).ToList();
        events.Add(new SegmentEvent(SegmentEventKind.End, audio)
        {
            StartMs = _phraseStartSample / 16,
            EndMs = (_phraseStartSample + length) / 16,
            SpeechMs = voicedFrames * 20,
            SpeechLevelDbfs = voicedLevels.Count == 0 ? -120 : voicedLevels.Average(),
            FirstReceivedTimestamp = _firstReceived,
            SpeechEndTimestamp = _speechEnd,
            TentativeHolds = tentativeHolds,
            Reason = reason,
        });
        _tentativeVoicedEnd = -1;
        _inPhrase = false;
        _phrase.Clear();
        _phraseLevels.Clear();
        _phraseVoiced.Clear();
    }

    /// <summary>Gives out the phrase's audio up to <paramref name="length"/> as settled, if it was not yet.</summary>
    private void Settle(int length, List<SegmentEvent> events)
    {
        if (length > _settled)
        {
            events.Add(new SegmentEvent(SegmentEventKind.Settled, _phrase.GetRange(_settled, length - _settled).ToArray()));
            _settled = length;
        }
    }

    private void CutAtQuietest(long received, List<SegmentEvent> events)
    {
        // Search the second half in 100 ms (5-frame) windows for the quietest point to cut at.
        var frames = _phraseLevels.Count;
        var best = frames - 5;
        var bestLevel = double.MaxValue;
        for (var f = frames / 2; f + 5 <= frames; f++)
        {
            var level = 0.0;
            for (var k = 0; k < 5; k++)
            {
                level += _phraseLevels[f + k];
            }

            if (level < bestLevel)
            {
                bestLevel = level;
                best = f;
            }
        }

        var cut = (best + 3) * Frame;
        var remainder = _phrase.GetRange(cut, _phrase.Count - cut).ToArray();
        var remainderVoiced = _phraseVoiced.GetRange(best + 3, _phraseVoiced.Count - best - 3);
        EndPhrase(cut, events, PhraseEndReason.MaxLength);
        StartPhrase(remainder, remainderVoiced, received, events);
    }
}
