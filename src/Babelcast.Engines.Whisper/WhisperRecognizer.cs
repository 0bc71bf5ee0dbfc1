using Babelcast.Core.Capacity;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Recognition;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// One session's Whisper recogniser. Whisper decodes whole stretches of audio, so the phrase is kept here as it grows:
/// partials re-decode it in the background (never blocking the caller) at a pace the CPU and the node's load allow,
/// and show only what two decodes in a row agree on; the final text decodes the finished phrase whole. Audio without
/// speech by the voice-activity detector is never decoded, and known hallucinations are dropped from every result.
/// Owned by one session pipeline at a time.
/// </summary>
internal sealed class WhisperRecognizer(WhisperEngine engine, string language) : ISpeechRecognizer, IPromptedSpeechRecognizer
{
    private readonly LocalAgreement _agreement = new();
    private readonly object _sync = new();
    private short[] _audio = new short[16_000 * 8];
    private int _length;
    private int _generation;
    private Task? _partialTask;
    private long _lastPartialStart;
    private bool _partialStarted;
    private TimeSpan _lastPartialCost;
    private bool _decodeFinalCalled;
    private bool _reduced;
    private string? _prompt;
    private bool _disposed;

    /// <summary>Completes when the partial decode in flight (if any) has finished; for tests.</summary>
    internal Task PartialWork => Volatile.Read(ref _partialTask) ?? Task.CompletedTask;

    public void SetPrompt(string? prompt) => _prompt = string.IsNullOrWhiteSpace(prompt) ? null : prompt.Trim();

    /// <summary>The glossary's terms, as written, become Whisper's initial prompt: it then tends to hear and spell them so.</summary>
    public void ApplyGlossary(SessionGlossary glossary) =>
        SetPrompt(glossary.IsEmpty ? null : string.Join(", ", glossary.Entries.Select(e => e.Term)));

    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_sync)
        {
            _generation++; // A partial decode still running belongs to the last phrase: its result is dropped.
            _length = 0;
            _agreement.Reset();
            _decodeFinalCalled = false;
        }
    }

    public string ProcessChunk(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_sync)
        {
            Append(samples);
            if (ShouldStartPartial())
            {
                StartPartial();
            }

            return _agreement.Agreed;
        }
    }

    public void SelectFinalPass(FinalPass pass) => _reduced = pass == FinalPass.Reduced;

    public async ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReadOnlyMemory<short> audio;
        lock (_sync)
        {
            _generation++;
            if (utterance.IsEmpty && _decodeFinalCalled)
            {
                // The pipeline kept the text of the early final pass; nothing more to decode.
                _length = 0;
                return _agreement.Agreed;
            }

            // Without audio (a node shedding load skips the second decode) Whisper has no streaming text to fall
            // back on, so its one decode of the phrase is the audio it was fed, on the reduced pass.
            audio = utterance.IsEmpty ? _audio.AsSpan(0, _length).ToArray() : utterance;
            _length = 0;
        }

        return await DecodeFinalCoreAsync(audio, utterance.IsEmpty || _reduced, cancellationToken);
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _decodeFinalCalled = true;
        return DecodeFinalCoreAsync(utterance, _reduced, cancellationToken);
    }

    private async ValueTask<string> DecodeFinalCoreAsync(ReadOnlyMemory<short> utterance, bool reduced, CancellationToken cancellationToken)
    {
        if (!SpeechGate.HasSpeech(utterance.Span, engine.VoiceActivity, engine.Options.MinSpeechMs))
        {
            Log.NoSpeech(engine.Logger, utterance.Length / 16.0);
            return string.Empty;
        }

        var request = new DecodeRequest(language, reduced ? DecodePass.Reduced : DecodePass.Accurate, _prompt);
        using (await engine.Gate.EnterFinalAsync(cancellationToken))
        {
            var started = engine.Time.GetTimestamp();
            var segments = await engine.Decoder.DecodeAsync(ToFloat(utterance.Span), request, cancellationToken);
            var text = HallucinationFilter.Clean(segments);
            Log.FinalDecoded(engine.Logger, request.Pass, utterance.Length / 16.0, engine.Time.GetElapsedTime(started).TotalMilliseconds, text);
            return text;
        }
    }

    private bool ShouldStartPartial()
    {
        var options = engine.Options;
        if (options.PartialIntervalMs <= 0 || _partialTask is { IsCompleted: false } || _length < options.PartialMinAudioMs * 16)
        {
            return false;
        }

        var level = engine.Shedding?.Level ?? ShedLevel.Normal;
        if (!ShedPolicy.ListenerPartials(level))
        {
            return false; // The node is far behind: every decode slot goes to final texts.
        }

        var interval = TimeSpan.FromMilliseconds(ShedPolicy.PartialIntervalMs(level, options.PartialIntervalMs));
        var paced = TimeSpan.FromTicks((long)(_lastPartialCost.Ticks * options.PartialCostFactor));
        var wait = interval > paced ? interval : paced;
        return !_partialStarted || engine.Time.GetElapsedTime(_lastPartialStart) >= wait;
    }

    private void StartPartial()
    {
        var audio = _audio.AsSpan(0, _length);
        if (!SpeechGate.HasSpeech(audio, engine.VoiceActivity, engine.Options.MinSpeechMs))
        {
            // Looked at again only after an interval, not on every chunk of a long stretch without speech.
            _lastPartialStart = engine.Time.GetTimestamp();
            _partialStarted = true;
            return;
        }

        if (!engine.Gate.TryEnterPartial())
        {
            return; // Every slot is busy (or a final waits): skip this partial, try again with the next chunk.
        }

        _lastPartialStart = engine.Time.GetTimestamp();
        _partialStarted = true;
        var generation = _generation;
        var samples = ToFloat(audio);
        var request = new DecodeRequest(language, DecodePass.Partial, _prompt);
        _partialTask = Task.Run(() => RunPartialAsync(samples, request, generation));
    }

    private async Task RunPartialAsync(float[] samples, DecodeRequest request, int generation)
    {
        var started = engine.Time.GetTimestamp();
        try
        {
            var segments = await engine.Decoder.DecodeAsync(samples, request, CancellationToken.None);
            var text = HallucinationFilter.Clean(segments);
            lock (_sync)
            {
                _lastPartialCost = engine.Time.GetElapsedTime(started);
                if (generation == _generation)
                {
                    _agreement.Add(text);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.PartialFailed(engine.Logger, e); // A partial is a preview: the final pass decodes the phrase again.
        }
        finally
        {
            engine.Gate.ReleasePartial();
        }
    }

    private void Append(ReadOnlySpan<short> samples)
    {
        if (_length + samples.Length > _audio.Length)
        {
            Array.Resize(ref _audio, Math.Max(_audio.Length * 2, _length + samples.Length));
        }

        samples.CopyTo(_audio.AsSpan(_length));
        _length += samples.Length;
    }

    /// <summary>
    /// PCM16 to the float samples Whisper takes, padded with silence to a second: whisper.cpp skips shorter input,
    /// and the phrase's words are already known to be in it.
    /// </summary>
    private static float[] ToFloat(ReadOnlySpan<short> samples)
    {
        var result = new float[Math.Max(samples.Length, 16_000)];
        for (var i = 0; i < samples.Length; i++)
        {
            result[i] = samples[i] / 32768f;
        }

        return result;
    }

    /// <summary>A partial decode in flight finishes on its own (its slot and whisper state go back to the node) and is dropped.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        lock (_sync)
        {
            _generation++;
        }

        return ValueTask.CompletedTask;
    }
}
