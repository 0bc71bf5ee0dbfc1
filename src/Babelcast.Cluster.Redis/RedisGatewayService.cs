using System.Threading.Channels;
using Babelcast.Core.Broadcasting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// A gateway's side of the cluster bus: subscribed to exactly the sessions that have connections on this node
/// (subscribing when the first arrives, unsubscribing when the last leaves), delivering what arrives into the local
/// connections in order (live state changes too, after catching up from the state hash on subscribing), and
/// publishing this node's listener counts (on every change and on a heartbeat). One loop
/// applies all changes, so that a session's subscribe and unsubscribe never race.
/// </summary>
public sealed class RedisGatewayService(
    RedisConnection connection,
    ILocalDelivery local,
    ClusterNode node,
    IOptions<RedisClusterOptions> options,
    TimeProvider time,
    ILogger<RedisGatewayService> logger) : BackgroundService
{
    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);
    private readonly TimeSpan _heartbeat = options.Value.PresenceHeartbeat;
    private readonly Dictionary<string, ChannelMessageQueue> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WakeSignal _wake = new();
    private volatile bool _restored;

    /// <summary>Sessions this node is subscribed to right now.</summary>
    public int Subscriptions { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        local.ConnectionsChanged += OnConnectionsChanged;
        var multiplexer = await Task.Run(() => connection.Multiplexer, stoppingToken).ConfigureAwait(false);
        multiplexer.ConnectionRestored += OnConnectionRestored;
        try
        {
            var beat = time.GetTimestamp() - (long)(_heartbeat.TotalSeconds * time.TimestampFrequency);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetElapsedTime(beat) >= _heartbeat)
                {
                    beat = time.GetTimestamp();
                    foreach (var sessionId in local.SessionIds.Union(_subscriptions.Keys).ToArray())
                    {
                        await ApplyAsync(sessionId, stoppingToken).ConfigureAwait(false);
                    }
                }

                while (_changes.Reader.TryRead(out var sessionId))
                {
                    await ApplyAsync(sessionId, stoppingToken).ConfigureAwait(false);
                }

                if (_restored)
                {
                    _restored = false;
                    foreach (var sessionId in _subscriptions.Keys)
                    {
                        local.Resync(sessionId);
                    }

                    Log.BusRestored(logger, _subscriptions.Count);
                }

                await _wake.WaitAsync(_heartbeat, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            local.ConnectionsChanged -= OnConnectionsChanged;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
            await LeaveAsync().ConfigureAwait(false);
        }
    }

    private void OnConnectionsChanged(string sessionId)
    {
        _changes.Writer.TryWrite(sessionId);
        _wake.Set();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            _restored = true;
            _wake.Set();
        }
    }

    private async Task ApplyAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            var counts = local.ListenerCounts(sessionId);
            var connected = local.SessionIds.Contains(sessionId, StringComparer.Ordinal);
            var subscriber = connection.Multiplexer.GetSubscriber();
            if (connected && !_subscriptions.ContainsKey(sessionId))
            {
                var queue = await subscriber.SubscribeAsync(_keys.Bus(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
                _subscriptions[sessionId] = queue;
                try
                {
                    await CatchUpAsync(sessionId, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // OnMessage handles one message at a time, in the order Redis sent them; what arrived while the
                    // state was read waits in the queue, so a newer change is applied after the hash, never before.
                    queue.OnMessage(message => Deliver(sessionId, message.Message));
                }
            }
            else if (!connected && _subscriptions.Remove(sessionId, out var queue))
            {
                await queue.UnsubscribeAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            Subscriptions = _subscriptions.Count;
            var database = connection.Multiplexer.GetDatabase();
            var key = _keys.Presence(sessionId);
            if (counts.Count > 0)
            {
                var expires = time.GetUtcNow().Add(_heartbeat * 3).ToUnixTimeMilliseconds();
                await database.HashSetAsync(key, node.Id, PresenceValue.Write(expires, counts)).WaitAsync(cancellationToken).ConfigureAwait(false);
                await database.KeyExpireAsync(key, _heartbeat * 10).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await database.HashDeleteAsync(key, node.Id).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            await subscriber.PublishAsync(_keys.PresenceChanged(sessionId), node.Id).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.GatewayUpdateFailed(logger, sessionId, ex);
        }
    }

    /// <summary>A live state change published before the subscription took effect reached this node only in the state hash.</summary>
    private async Task CatchUpAsync(string sessionId, CancellationToken cancellationToken)
    {
        var known = await RedisSessionStateBus.ReadAsync(connection.Multiplexer.GetDatabase(), _keys.State(sessionId))
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in known)
        {
            local.ApplyState(sessionId, change);
        }
    }

    private void Deliver(string sessionId, RedisValue message)
    {
        if (BusEnvelope.Read((byte[])message!) is not var (operation, language, delivery))
        {
            Log.BusMessageDropped(logger, sessionId);
            return;
        }

        switch (operation)
        {
            case BusOperation.Speaker:
                local.DeliverToSpeaker(sessionId, delivery.Frames[0]);
                break;
            case BusOperation.Listeners:
                local.DeliverToListeners(sessionId, language, delivery);
                break;
            case BusOperation.AllListeners:
                local.DeliverToAllListeners(sessionId, delivery);
                break;
            case BusOperation.End:
                local.EndSession(sessionId, delivery.Frames[0]);
                break;
            case BusOperation.RevokeOperator:
                local.RevokeOperator(sessionId, language, delivery.Frames[0]);
                break;
            case BusOperation.State when RedisSessionStateBus.Decode(delivery) is { } change:
                local.ApplyState(sessionId, change);
                break;
            default:
                Log.BusMessageDropped(logger, sessionId);
                break;
        }
    }

    /// <summary>A graceful stop takes this node's listeners out of the counts at once instead of after their expiry.</summary>
    private async Task LeaveAsync()
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
        foreach (var (sessionId, queue) in _subscriptions)
        {
            try
            {
                var database = connection.Multiplexer.GetDatabase();
                await database.HashDeleteAsync(_keys.Presence(sessionId), node.Id).WaitAsync(budget.Token).ConfigureAwait(false);
                await connection.Multiplexer.GetSubscriber().PublishAsync(_keys.PresenceChanged(sessionId), node.Id).WaitAsync(budget.Token).ConfigureAwait(false);
                await queue.UnsubscribeAsync().WaitAsync(budget.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
            {
                Log.GatewayUpdateFailed(logger, sessionId, ex);
            }
        }

        _subscriptions.Clear();
        Subscriptions = 0;
    }
}
