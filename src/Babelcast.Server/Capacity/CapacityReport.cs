using Microsoft.Extensions.Options;

namespace Babelcast.Server.Capacity;

/// <summary>Logs the speaking-session limit once at start-up, so that an operator sees where it came from.</summary>
internal sealed class CapacityReport(IOptions<CapacityOptions> options, ILogger<CapacityReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var source = o.MaxSpeakingSessions > 0
            ? "Babelcast:Capacity:MaxSpeakingSessions"
            : $"{o.SpeakingSessionsPerCore} per core x {Environment.ProcessorCount} cores";
        Log.CapacityLimit(logger, o.EffectiveMaxSpeakingSessions, source);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
