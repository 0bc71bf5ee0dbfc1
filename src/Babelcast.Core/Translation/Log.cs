using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Translation;

internal static partial class Log
{
    [LoggerMessage(4600, LogLevel.Warning, "Translation engine {Engine} into {Language}: {Reason}; the phrase falls back to {Fallback}")]
    public static partial void FellBack(ILogger logger, string engine, string language, string reason, string fallback);

    [LoggerMessage(4601, LogLevel.Warning, "Translation engine {Engine} into {Language} threw; the phrase falls back to {Fallback}")]
    public static partial void EngineThrew(ILogger logger, string engine, string language, string fallback, Exception exception);
}
