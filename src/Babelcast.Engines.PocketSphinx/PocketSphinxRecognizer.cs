using Babelcast.Core.Glossaries;
using Babelcast.Core.Recognition;
using Babelcast.Engines.PocketSphinx.Glossaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// One session's recogniser: partials from its own streaming decoder, the final text from the shared second pass (or
/// its cheaper twin while the node sheds load) or, without a second pass, from the streaming decoder as the phrase
/// ends. Owned by one session pipeline at a time; disposing returns the decoder to the pool.
/// Once the incremental final pass has text for a phrase, the partials are its text and the streaming decoder rests
/// for the rest of the phrase: decoding the same audio twice was 30 % of the recogniser's CPU, the final pass's
/// hypothesis is the more accurate of the two, and it trails the live edge only by the 200 ms the segmenter holds back.
/// </summary>
internal sealed class PocketSphinxRecognizer(
    DecoderPool streamingPool,
    PocketSphinxDecoder decoder,
    SecondPass? secondPass,
    SecondPass? reducedPass,
    IncrementalPass? incremental = null,
    GlossaryCompiler? glossaries = null,
    ILogger? logger = null)
    : ISpeechRecognizer
{
    /// <summary>
    /// How far the final pass's audio may trail the streamed audio before the streaming decoder takes over again: a
    /// pause holding a tentative end (up to 350 ms) plus the segmenter's tail, with room; further behind means the
    /// settled audio stopped (the node shed load mid-phrase).
    /// </summary>
    private const int MaxFollowLagSamples = 24000;

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private DecoderGlossary? _glossary;
    private string _partial = string.Empty;
    private string _partialPrefix = string.Empty;
    private int _streamed;
    private Follow _follow;
    private TaskCompletionSource<string>? _earlyFinal;
    private bool _reduced;
    private bool _disposed;

    /// <summary>Samples given to the streaming decoder since it was rented (tests check that it rests).</summary>
    internal long StreamingSamples { get; private set; }

    private SecondPass? FinalPass => _reduced ? reducedPass : secondPass;

    /// <summary>Completes when the incremental final pass has done the work queued so far.</summary>
    internal Task IncrementalWork => incremental?.PendingWork ?? Task.CompletedTask;

    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        decoder.Reset();
        decoder.StartUtterance();
        _partial = string.Empty;
        _partialPrefix = string.Empty;
        _streamed = 0;
        _follow = Follow.Streaming;
        incremental?.Release();
        _earlyFinal = null; // Speech resumed after a tentative end: that early result is not awaited any more.
    }

    public string ProcessChunk(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!decoder.InUtterance)
        {
            StartUtterance();
        }

        if (samples.IsEmpty)
        {
            return _partial;
        }

        _streamed += samples.Length;
        if (FollowsFinalPass() is { } text)
        {
            _partial = text;
            return _partial;
        }

        decoder.Process(samples, wholeUtterance: false);
        StreamingSamples += samples.Length;
        _partial = Join(_partialPrefix, decoder.Hypothesis());
        return _partial;
    }

    /// <summary>The final pass's newest text while the partials follow it, or null while the streaming decoder decodes.</summary>
    private string? FollowsFinalPass()
    {
        if (_follow == Follow.Resumed)
        {
            return null;
        }

        var text = _reduced ? null : incremental?.Hypothesis;
        if (_follow == Follow.Streaming)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            _follow = Follow.FinalPass;
        }

        if (text is not null && _streamed - incremental!.SettledSamples <= MaxFollowLagSamples)
        {
            return text.Length > 0 ? text : _partial;
        }

        // The final pass stopped getting audio: the streaming decoder goes on from here, after the words so far.
        _follow = Follow.Resumed;
        _partialPrefix = _partial;
        decoder.Reset();
        decoder.StartUtterance();
        return null;
    }

    private static string Join(string prefix, string text) =>
        prefix.Length == 0 ? text : text.Length == 0 ? prefix : $"{prefix} {text}";

    public void ProcessSettled(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_reduced && secondPass is not null)
        {
            incremental?.Append(samples);
        }
    }

    public async ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var streamingText = _partial;
        if (decoder.InUtterance)
        {
            decoder.EndUtterance();
            if (_follow != Follow.FinalPass)
            {
                streamingText = Join(_partialPrefix, decoder.Hypothesis());
            }
        }

        _partial = string.Empty;
        _partialPrefix = string.Empty;
        var early = _reduced || utterance.IsEmpty ? null : incremental?.TryFinish(utterance);
        incremental?.Release();
        if (FinalPass is not { } pass)
        {
            _earlyFinal?.TrySetResult(streamingText);
            _earlyFinal = null;
            return streamingText;
        }

        if (utterance.IsEmpty)
        {
            return streamingText;
        }

        return early is not null
            ? await FinishOrDecodeAsync(early, pass, utterance, streamingText, _glossary, cancellationToken)
            : await pass.DecodeAsync(utterance, streamingText, _glossary, cancellationToken);
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (FinalPass is { } pass)
        {
            var early = _reduced ? null : incremental?.TryFinish(utterance);
            return early is not null
                ? FinishOrDecodeAsync(early, pass, utterance, _partial, _glossary, cancellationToken)
                : pass.DecodeAsync(utterance, _partial, _glossary, cancellationToken);
        }

        // One pass: nothing to decode early; the result is the streaming decoder's when the phrase ends.
        _earlyFinal ??= new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new ValueTask<string>(_earlyFinal.Task.WaitAsync(cancellationToken));
    }

    /// <summary>The incremental pass's text, or (if its native work failed) the phrase decoded whole.</summary>
    private static async ValueTask<string> FinishOrDecodeAsync(
        Task<string?> early, SecondPass pass, ReadOnlyMemory<short> utterance, string fallback, DecoderGlossary? glossary, CancellationToken cancellationToken) =>
        await early.WaitAsync(cancellationToken) ?? await pass.DecodeAsync(utterance, fallback, glossary, cancellationToken);

    /// <summary>
    /// Compiles the glossary once per key (espeak-ng pronunciations, the glossary model) and switches this session's
    /// streaming decoder to its search; the final passes switch their decoders as they take each phrase.
    /// </summary>
    public void ApplyGlossary(SessionGlossary glossary)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (glossaries is null || (glossary.RecognitionKey.Length == 0 && _glossary is null) || glossary.RecognitionKey == _glossary?.Key)
        {
            return;
        }

        _glossary = glossaries.Compile(glossary);
        if (incremental is not null)
        {
            incremental.Glossary = _glossary;
        }

        decoder.TryUseGlossary(_glossary, _logger);
    }

    /// <summary>
    /// The reduced pass only once its decoder is loaded: the first time a node sheds load is when it can least afford a
    /// model load on a phrase's path (it was the first session's slow phrase, with the start-up warm-up still running),
    /// so until then the phrase takes the warm accurate pass, incremental result included.
    /// </summary>
    public void SelectFinalPass(FinalPass pass) =>
        _reduced = pass == Core.Recognition.FinalPass.Reduced && (ReferenceEquals(reducedPass, secondPass) || reducedPass?.ReadyOrWarming() != false);

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _earlyFinal?.TrySetCanceled();
            incremental?.Release();

            // The next session that rents this decoder starts on the default search.
            decoder.TryUseGlossary(null, _logger);
            streamingPool.Return(decoder);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Where the partials of the current phrase come from.</summary>
    private enum Follow
    {
        /// <summary>The streaming decoder (the phrase is young, or there is no incremental final pass).</summary>
        Streaming,

        /// <summary>The incremental final pass; the streaming decoder rests.</summary>
        FinalPass,

        /// <summary>The streaming decoder again, after the final pass fell behind, for the rest of the phrase.</summary>
        Resumed,
    }
}
