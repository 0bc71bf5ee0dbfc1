using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary>Deletes phrase audio older than the configured retention (default 24 h).</summary>
internal sealed partial class AudioRetentionService(IPhraseAudioStore audio, IOptions<PipelineOptions> options, TimeProvider time, ILogger<AudioRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.AudioRetention;
        var interval = TimeSpan.FromTicks(Math.Clamp(retention.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(10).Ticks));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            var deleted = await audio.DeleteOlderThanAsync(time.GetUtcNow() - retention, stoppingToken);
            if (deleted > 0)
            {
                RetentionDeleted(logger, deleted);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(5100, LogLevel.Information, "Retention deleted {Count} phrase audio files")]
    private static partial void RetentionDeleted(ILogger logger, int count);
}
