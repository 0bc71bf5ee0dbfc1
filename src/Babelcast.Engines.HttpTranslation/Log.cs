using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.HttpTranslation;

/// <summary>Log messages of the HTTP translators (event ids 1800-1899). URLs and keys are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1800, LogLevel.Warning, "Translation server ({Engine}) answered HTTP {Status}")]
    public static partial void HttpStatus(ILogger logger, string engine, int status);

    [LoggerMessage(1801, LogLevel.Warning, "Translation server ({Engine}) sent an answer of the wrong shape")]
    public static partial void Malformed(ILogger logger, string engine);

    [LoggerMessage(1802, LogLevel.Warning, "Translation server ({Engine}) unreachable: {Error}")]
    public static partial void Unreachable(ILogger logger, string engine, string error);
}
