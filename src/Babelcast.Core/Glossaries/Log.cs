using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Glossaries;

internal static partial class Log
{
    [LoggerMessage(4600, LogLevel.Warning, "Session {SessionId}: its glossaries could not be read; the phrase goes on with the last known ones")]
    public static partial void GlossaryReadFailed(ILogger logger, string sessionId, Exception exception);

    [LoggerMessage(4601, LogLevel.Debug, "Session {SessionId}: glossary of {Terms} terms loaded ({Key})")]
    public static partial void GlossaryLoaded(ILogger logger, string sessionId, int terms, string key);
}
