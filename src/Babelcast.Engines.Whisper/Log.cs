using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.Whisper;

/// <summary>Log messages of the Whisper recogniser (event ids 3500-3599).</summary>
internal static partial class Log
{
    [LoggerMessage(3500, LogLevel.Information, "Whisper available for {Languages} with the model {Path} ({Mebibytes:F1} MiB, {Layers} encoder layers)")]
    public static partial void Available(ILogger logger, string languages, string path, double mebibytes, int layers);

    [LoggerMessage(3501, LogLevel.Warning, "Whisper unavailable: {Reason}")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(3502, LogLevel.Information, "Whisper model {Path} loaded in {ElapsedMs:F0} ms")]
    public static partial void ModelLoaded(ILogger logger, string path, double elapsedMs);

    [LoggerMessage(3503, LogLevel.Debug, "Whisper state for {Pass} decodes in {Language} created in {ElapsedMs:F0} ms")]
    public static partial void StateCreated(ILogger logger, DecodePass pass, string language, double elapsedMs);

    [LoggerMessage(3504, LogLevel.Debug, "Whisper {Pass} pass decoded {AudioMs:F0} ms of audio in {ElapsedMs:F0} ms: \"{Text}\"")]
    public static partial void FinalDecoded(ILogger logger, DecodePass pass, double audioMs, double elapsedMs, string text);

    [LoggerMessage(3505, LogLevel.Debug, "No speech in {AudioMs:F0} ms of phrase audio by the voice-activity detector; not decoded")]
    public static partial void NoSpeech(ILogger logger, double audioMs);

    [LoggerMessage(3506, LogLevel.Warning, "A Whisper partial decode failed; the phrase's final pass decodes it again")]
    public static partial void PartialFailed(ILogger logger, Exception exception);

    [LoggerMessage(3507, LogLevel.Error, "The Whisper model {Path} could not be loaded")]
    public static partial void LoadFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(3508, LogLevel.Debug, "Whisper is not configured (Babelcast:Recognition:Whisper:ModelPath is unset)")]
    public static partial void NotConfigured(ILogger logger);
}
