using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>Log messages of the PocketSphinx recogniser (event ids 3000-3099).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "PocketSphinx available for English with the model in {ModelDirectory}")]
    public static partial void Available(ILogger logger, string modelDirectory);

    [LoggerMessage(3001, LogLevel.Warning, "PocketSphinx unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(3002, LogLevel.Information, "Created {Pool} decoder {Count} of at most {Capacity} in {ElapsedMs:F0} ms")]
    public static partial void DecoderCreated(ILogger logger, string pool, int count, int capacity, double elapsedMs);

    [LoggerMessage(3003, LogLevel.Error, "Could not create a {Pool} decoder")]
    public static partial void DecoderCreationFailed(ILogger logger, string pool, Exception exception);

    [LoggerMessage(3004, LogLevel.Debug, "All {Capacity} {Pool} decoders are in use; waiting for one")]
    public static partial void PoolExhausted(ILogger logger, string pool, int capacity);

    [LoggerMessage(3005, LogLevel.Debug, "Second pass decoded {AudioMs:F0} ms of audio in {ElapsedMs:F0} ms: \"{Text}\"")]
    public static partial void SecondPassDecoded(ILogger logger, double audioMs, double elapsedMs, string text);

    [LoggerMessage(3006, LogLevel.Warning, "Second pass failed; using the streaming text")]
    public static partial void SecondPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(3007, LogLevel.Warning, "Could not reset a returned {Pool} decoder; discarding it")]
    public static partial void ResetFailed(ILogger logger, string pool, Exception exception);

    [LoggerMessage(3008, LogLevel.Information, "Warm {Pool} decoder ready ({Idle} idle, target {Target})")]
    public static partial void WarmDecoderReady(ILogger logger, string pool, int idle, int target);

    [LoggerMessage(3009, LogLevel.Debug, "No warm {Pool} decoder created: all {Capacity} are in use")]
    public static partial void WarmPoolFull(ILogger logger, string pool, int capacity);

    [LoggerMessage(3010, LogLevel.Debug, "No idle incremental final-pass decoder; this phrase is decoded whole when it ends")]
    public static partial void IncrementalPassUnavailable(ILogger logger);

    [LoggerMessage(3011, LogLevel.Debug, "Incremental final pass finished a phrase of {AudioMs:F0} ms {ElapsedMs:F0} ms after its end: \"{Text}\"")]
    public static partial void IncrementalPassFinished(ILogger logger, double audioMs, double elapsedMs, string text);

    [LoggerMessage(3012, LogLevel.Warning, "Incremental final pass failed; the phrase is decoded whole")]
    public static partial void IncrementalPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(3020, LogLevel.Information, "Glossary {Key} compiled: {Words} words, {Pronounced} pronounced by espeak-ng, in {ElapsedMs:F0} ms")]
    public static partial void GlossaryCompiled(ILogger logger, string key, int words, int pronounced, double elapsedMs);

    [LoggerMessage(3021, LogLevel.Warning, "espeak-ng gave {Lines} pronunciations for {Words} glossary words; only dictionary words are used")]
    public static partial void GlossaryPronunciationMismatch(ILogger logger, int words, int lines);

    [LoggerMessage(3022, LogLevel.Warning, "espeak-ng could not pronounce glossary words; only dictionary words are used")]
    public static partial void GlossaryPronunciationFailed(ILogger logger, Exception exception);

    [LoggerMessage(3023, LogLevel.Debug, "Decoder built the search of glossary {Key} ({Added} words added) in {ElapsedMs:F0} ms")]
    public static partial void GlossarySearchBuilt(ILogger logger, string key, int added, double elapsedMs);

    [LoggerMessage(3024, LogLevel.Warning, "Glossary {Key} could not be applied to a decoder ({Reason}); the phrase is recognised without it")]
    public static partial void GlossaryNotApplied(ILogger logger, string key, string reason);
}
