using Babelcast.Core.Recognition;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// One session's recogniser: partials from its own streaming decoder, the final text from the shared
/// second pass. Owned by one session pipeline at a time; disposing returns the decoder to the pool.
/// </summary>
internal sealed class PocketSphinxRecognizer(DecoderPool streamingPool, PocketSphinxDecoder decoder, SecondPass secondPass)
    : ISpeechRecognizer
{
    private string _partial = string.Empty;
    private bool _disposed;

    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        decoder.Reset();
        decoder.StartUtterance();
        _partial = string.Empty;
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
        return utterance.IsEmpty
            ? streamingText
            : await secondPass.DecodeAsync(utterance, streamingText, cancellationToken);
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return secondPass.DecodeAsync(utterance, _partial, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            streamingPool.Return(decoder);
        }

        return ValueTask.CompletedTask;
    }
}
