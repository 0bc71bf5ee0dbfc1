using Babelcast.Core.Recognition;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// One session's recogniser: partials from its own streaming decoder, the final text from the shared
/// second pass. Owned by one session pipeline at a time; disposing returns the decoder to the pool.
/// </summary>
internal sealed class PocketSphinxRecognizer(DecoderPool streamingPool, PocketSphinxDecoder decoder, SecondPass secondPass)
    : ISpeechRecognizer
{
    private string partial = string.Empty;
    private bool disposed;

    public void StartUtterance()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        decoder.Reset();
        decoder.StartUtterance();
        partial = string.Empty;
    }

    public string ProcessChunk(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!decoder.InUtterance)
        {
            StartUtterance();
        }

        if (!samples.IsEmpty)
        {
            decoder.Process(samples, wholeUtterance: false);
            partial = decoder.Hypothesis();
        }

        return partial;
    }

    public async ValueTask<string> EndUtteranceAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var streamingText = partial;
        if (decoder.InUtterance)
        {
            decoder.EndUtterance();
            streamingText = decoder.Hypothesis();
        }

        partial = string.Empty;
        return utterance.IsEmpty
            ? streamingText
            : await secondPass.DecodeAsync(utterance, streamingText, cancellationToken);
    }

    public ValueTask<string> DecodeFinalAsync(ReadOnlyMemory<short> utterance, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return secondPass.DecodeAsync(utterance, partial, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            streamingPool.Return(decoder);
        }

        return ValueTask.CompletedTask;
    }
}
