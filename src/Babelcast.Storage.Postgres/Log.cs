using Microsoft.Extensions.Logging;

namespace Babelcast.Storage.Postgres;

internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Opening PostgreSQL database {Database} on {Host}:{Port}")]
    public static partial void OpeningDatabase(this ILogger logger, string? database, string? host, int port);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "PostgreSQL schema is at version {Version}")]
    public static partial void SchemaReady(this ILogger logger, int version);
}
