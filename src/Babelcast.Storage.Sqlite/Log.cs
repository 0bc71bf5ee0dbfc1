using Microsoft.Extensions.Logging;

namespace Babelcast.Storage.Sqlite;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Opening SQLite database {Path}")]
    public static partial void OpeningDatabase(this ILogger logger, string path);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied SQLite migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "SQLite schema is at version {Version}")]
    public static partial void SchemaReady(this ILogger logger, int version);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "SQLite journal mode is {Mode}, not WAL; concurrent readers will block writers")]
    public static partial void NotWal(this ILogger logger, string mode);
}
