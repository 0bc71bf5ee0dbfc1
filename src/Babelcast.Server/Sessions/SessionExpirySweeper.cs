using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Sessions;

/// <summary>Ends sessions idle longer than IdleTimeout or older than MaxLifetime, every SweepInterval.</summary>
internal sealed class SessionExpirySweeper(
    IServiceProvider services,
    ILiveSessions live,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionExpirySweeper> logger) : BackgroundService
{
    public const string ExpiredReason = "expired";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Log.SweepDone(logger, await SweepAsync(stoppingToken));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed sweep (a locked database) must not stop the next ones.
                    Log.SweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; returns how many sessions it ended.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var manager = scope.ServiceProvider.GetRequiredService<SessionManager>();
        var now = timeProvider.GetUtcNow();
        var ended = 0;
        foreach (var session in await store.ListExpiredAsync(now - options.Value.IdleTimeout, now, cancellationToken))
        {
            var snapshot = live.Snapshot(session.Id);
            if (session.ExpiresAt > now && (snapshot.SpeakerConnected || snapshot.ListenerCount > 0))
            {
                // Idle only by the store's clock while people are connected: keep it, and record that.
                await store.TouchAsync(session.Id, now, cancellationToken);
                continue;
            }

            await manager.EndAsync(session.Id, ExpiredReason, SessionChangeOrigin.Expiry, cancellationToken);
            Log.SessionExpired(logger, session.Id, session.ExpiresAt <= now ? "lifetime" : "idle");
            ended++;
        }

        return ended;
    }
}
