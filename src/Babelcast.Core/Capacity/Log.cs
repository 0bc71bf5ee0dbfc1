using Microsoft.Extensions.Logging;

namespace Babelcast.Core.Capacity;

internal static partial class Log
{
    [LoggerMessage(4500, LogLevel.Warning, "Node overloaded ({Source} at {Pressure:F2} times its limit): shedding raised to {Level}")]
    public static partial void LevelRaised(ILogger logger, ShedLevel level, double pressure, LoadShedder.PressureSource source);

    [LoggerMessage(4501, LogLevel.Information, "Load eased: shedding lowered to {Level}")]
    public static partial void LevelLowered(ILogger logger, ShedLevel level);

    [LoggerMessage(4510, LogLevel.Information, "Recognition scheduling {Enabled}: {Concurrency} slots, {StreamingSlots} of them for streaming and partial work; streaming waits at most {MaxStreamingWaitMs} ms, later finals {MaxFinalWaitMs} ms before promotion")]
    public static partial void SchedulerReady(ILogger logger, bool enabled, int concurrency, int streamingSlots, int maxStreamingWaitMs, int maxFinalWaitMs);

    [LoggerMessage(4511, LogLevel.Debug, "{Work} work waited {WaitMs:F1} ms for a slot ({Busy} other slots busy)")]
    public static partial void FinalWaited(ILogger logger, WorkPriority work, double waitMs, int busy);

    [LoggerMessage(4512, LogLevel.Debug, "{Work} work waited past its bound ({WaitMs:F1} ms): promoted ahead of more urgent work")]
    public static partial void WorkPromoted(ILogger logger, WorkPriority work, double waitMs);
}
