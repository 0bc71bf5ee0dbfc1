using Babelcast.Core.Recognition;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// One session's recogniser: partials from its own streaming decoder, the final text from the shared second pass (or
/// its cheaper twin while the node sheds load) or, without a second pass, from the streaming decoder as the phrase
/// ends. Owned by one session pipeline at a time; disposing returns the decoder to the pool.
/// </summary>
internal sealed class PocketSphinxRecognizer(DecoderPool streamingPool, PocketSphinxDecoder decoder, SecondPass? secondPass, SecondPass? reducedPass)
    : ISpeechRecognizer
{
    private string _partial = string.Empty;
    private TaskCompletionSource<string>? _earlyFinal;
    private bool _reduced;
    private bool _disposed;

    private SecondPass? FinalPass => _reduced ? reducedPass : secondPass;

    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        decoder.Reset();
        decoder.StartUtterance();
        _partial = string.Empty;
        _earlyFinal = null; // Speech resumed after a tentative end: that early result is not awaited any more.
    }

    public string ProcessChunk(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!decoder.InUtterance)
        {
            StartUtterance();
        }

        if (!samples.IsEmpty)
        {
            decoder.Process(samples, wholeUtterance: false);
            _partial = decoder.Hypothesis();
        }

        return _partial;
    }

    public async ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var streamingText = _partial;
        if (decoder.InUtterance)
        {
            decoder.EndUtterance();
            streamingText = decoder.Hypothesis();
        }

        _partial = string.Empty;
        if (FinalPass is not { } pass)
        {
            _earlyFinal?.TrySetResult(streamingText);
            _earlyFinal = null;
            return streamingText;
        }

        return utterance.IsEmpty
            ? streamingText
            : await pass.DecodeAsync(utterance, streamingText, cancellationToken);
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (FinalPass is { } pass)
        {
            return pass.DecodeAsync(utterance, _partial, cancellationToken);
        }

        // One pass: nothing to decode early; the result is the streaming decoder's when the phrase ends.
        _earlyFinal ??= new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new ValueTask<string>(_earlyFinal.Task.WaitAsync(cancellationToken));
    }

    public void SelectFinalPass(FinalPass pass) => _reduced = pass == Core.Recognition.FinalPass.Reduced;

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _earlyFinal?.TrySetCanceled();
            streamingPool.Return(decoder);
        }

        return ValueTask.CompletedTask;
    }
}
