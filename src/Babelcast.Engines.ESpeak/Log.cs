using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.ESpeak;

internal static partial class Log
{
    [LoggerMessage(3200, LogLevel.Information, "espeak-ng ready at {SampleRate} Hz with {Count} languages: {Languages}")]
    public static partial void Ready(ILogger logger, int sampleRate, int count, string languages);

    [LoggerMessage(3201, LogLevel.Warning, "espeak-ng has no voice '{Voice}' for language '{Language}' (error {Error}); the language is not offered")]
    public static partial void VoiceMissing(ILogger logger, string language, string voice, int error);

    [LoggerMessage(3202, LogLevel.Error, "espeak-ng failed with error {Error} for language '{Language}' ({Length} characters)")]
    public static partial void SynthesisFailed(ILogger logger, int error, string language, int length);

    [LoggerMessage(3203, LogLevel.Debug, "espeak-ng synthesised {Length} characters of '{Language}' into {DurationMs} ms at {Rate} wpm, volume {Volume}")]
    public static partial void Synthesized(ILogger logger, int length, string language, int durationMs, int rate, int volume);

    [LoggerMessage(3210, LogLevel.Debug, "espeak-ng process for '{Language}' exited with {ExitCode}: {Error}")]
    public static partial void CliFailed(ILogger logger, string language, int exitCode, string error);
}
