using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Capacity;

internal static partial class Log
{
    [LoggerMessage(4500, LogLevel.Warning, "Node overloaded (pressure {Pressure:F2}): shedding raised to {Level}")]
    public static partial void LevelRaised(ILogger logger, ShedLevel level, double pressure);

    [LoggerMessage(4501, LogLevel.Information, "Load eased: shedding lowered to {Level}")]
    public static partial void LevelLowered(ILogger logger, ShedLevel level);
}
