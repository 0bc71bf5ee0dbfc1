using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Keeps a worker a hot standby: the translators and voices of every language listened to in any live session of the
/// cluster are readied before the worker ever claims the session, so that the first captions after a takeover load
/// nothing. Without it the cluster bench measured a standby's first French caption 6.0 s after the owner was killed,
/// against 2.7 s for its first transcript. Follows listener joins (presence changes) and rescans the live sessions
/// every <see cref="SessionClaimOptions.StandbyRescanInterval"/>, since Pub/Sub can drop a message and a worker that
/// starts late has seen none.
/// </summary>
public sealed class StandbyWarmupService(
    RedisConnection connection,
    RedisListenerPresence presence,
    ISessionStore sessions,
    ISessionWarmup warmup,
    IOptions<RedisClusterOptions> redis,
    IOptions<SessionClaimOptions> options,
    TimeProvider time,
    ILogger<StandbyWarmupService> logger) : BackgroundService
{
    private readonly RedisKeys _keys = new(redis.Value.KeyPrefix);
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly WakeSignal _wake = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = await connection.GetSubscriberAsync(stoppingToken).ConfigureAwait(false);
        var pattern = _keys.PresenceChangedPattern;
        await subscriber.SubscribeAsync(pattern, (channel, _) =>
        {
            if (_keys.TrySessionOf(channel, out var sessionId))
            {
                _changed[sessionId] = 0;
                _wake.Set();
            }
        }).ConfigureAwait(false);
        var lastScan = long.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var rescan = lastScan == long.MinValue || time.GetElapsedTime(lastScan) >= options.Value.StandbyRescanInterval;
                try
                {
                    await PassAsync(rescan, stoppingToken).ConfigureAwait(false);
                    if (rescan)
                    {
                        lastScan = time.GetTimestamp();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Redis or the store failed: a standby that cannot look is merely colder, since a claim warms what it needs anyway.
                    Log.StandbyWarmupFailed(logger, ex);
                }

                await _wake.WaitAsync(options.Value.StandbyRescanInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await subscriber.UnsubscribeAsync(pattern).ConfigureAwait(false);
        }
    }

    private async Task PassAsync(bool rescan, CancellationToken cancellationToken)
    {
        List<string> ids;
        if (rescan)
        {
            var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var live = await database.SetMembersAsync(_keys.ActiveSessions).WaitAsync(cancellationToken).ConfigureAwait(false);
            ids = live.Select(v => v.ToString()).ToList();
            foreach (var gone in _sources.Keys.Except(ids, StringComparer.Ordinal).ToList())
            {
                _sources.Remove(gone);
            }
        }
        else
        {
            ids = _changed.Keys.ToList();
        }

        foreach (var sessionId in ids)
        {
            _changed.TryRemove(sessionId, out _);
            if (await SourceLanguageAsync(sessionId, cancellationToken).ConfigureAwait(false) is { } source
                && (await presence.ReadFreshAsync(sessionId, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                warmup.WarmTranslations(sessionId, source);
            }
        }
    }

    private async Task<string?> SourceLanguageAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_sources.TryGetValue(sessionId, out var cached))
        {
            return cached;
        }

        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Status == SessionStatus.Ended)
        {
            return null;
        }

        _sources[sessionId] = session.SourceLanguage;
        return session.SourceLanguage;
    }
}
