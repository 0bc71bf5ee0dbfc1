using Babelcast.Core.Broadcasting;
using Babelcast.Core.Sessions;
using Babelcast.Cluster.Redis.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Live state changes across the cluster: one script writes the flag into the session's state hash and publishes the
/// change on the session's bus channel, so that every node with connections of the session applies it (in order with
/// the other bus messages of this node) and a node that connects to the session later reads the flags it missed.
/// Publishes are fire-and-forget, as the broadcaster's; reads fail open (nothing known: the stored status holds).
/// </summary>
public sealed class RedisSessionStateBus(
    RedisConnection connection, IOptions<RedisClusterOptions> options, TimeProvider time, ILogger<RedisSessionStateBus> logger) : ISessionStateBus
{
    /// <summary>The hash outlives any session (at most a day or two long); the end deletes it earlier.</summary>
    internal static readonly TimeSpan StateTtl = TimeSpan.FromDays(2);

    // KEYS: the state hash. ARGV: field, value, ttl ms, channel, bus message.
    private const string PublishScript = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PUBLISH', ARGV[4], ARGV[5])
        return 1
        """;

    private readonly RedisKeys _keys = new(options.Value.KeyPrefix);

    public void Publish(string sessionId, SessionStateChange change) =>
        connection.Multiplexer.GetDatabase().ScriptEvaluate(
            PublishScript,
            [_keys.State(sessionId)],
            [FieldOf(change.Flag), change.Value ? "1" : "0", (long)StateTtl.TotalMilliseconds, _keys.Bus(sessionId).ToString(), Encode(change)],
            CommandFlags.FireAndForget);

    public async ValueTask<IReadOnlyList<SessionStateChange>> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            // The budget covers connecting too: a join must not wait out the connect timeout while Redis is away.
            return await ReadConnectedAsync(sessionId, cancellationToken).WaitAsync(RedisFallback.Budget, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.StateReadFailed(logger, sessionId, ex);
            return [];
        }
    }

    private async Task<IReadOnlyList<SessionStateChange>> ReadConnectedAsync(string sessionId, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(database, _keys.State(sessionId)).ConfigureAwait(false);
    }

    /// <summary>The flags in the session's state hash, as changes that acknowledge nothing.</summary>
    internal static async Task<IReadOnlyList<SessionStateChange>> ReadAsync(IDatabase database, RedisKey key)
    {
        var fields = await database.HashGetAllAsync(key).ConfigureAwait(false);
        var changes = new List<SessionStateChange>(fields.Length);
        foreach (var field in fields)
        {
            if (FlagOf(field.Name.ToString()) is { } flag)
            {
                changes.Add(new SessionStateChange(flag, field.Value == "1"));
            }
        }

        return changes;
    }

    /// <summary>The bus form of a change: a <see cref="BusOperation.State"/> envelope with one 3-byte frame.</summary>
    internal static byte[] Encode(SessionStateChange change)
    {
        byte[] payload = [(byte)change.Flag, change.Value ? (byte)1 : (byte)0, change.Acknowledge ? (byte)1 : (byte)0];
        return BusEnvelope.Write(BusOperation.State, "", Delivery.Control(new OutboundFrame(payload, IsBinary: true)));
    }

    /// <summary>The change a <see cref="BusOperation.State"/> delivery carries, or null when it is not one.</summary>
    internal static SessionStateChange? Decode(Delivery delivery)
    {
        if (delivery.Frames is not [{ Payload.Length: 3 } frame])
        {
            return null;
        }

        var bytes = frame.Payload.Span;
        var flag = (SessionFlag)bytes[0];
        return Enum.IsDefined(flag) ? new SessionStateChange(flag, bytes[1] == 1, bytes[2] == 1) : null;
    }

    private static string FieldOf(SessionFlag flag) => flag switch
    {
        SessionFlag.Paused => "paused",
        SessionFlag.Held => "held",
        _ => "muted",
    };

    private static SessionFlag? FlagOf(string field) => field switch
    {
        "paused" => SessionFlag.Paused,
        "muted" => SessionFlag.Muted,
        "held" => SessionFlag.Held,
        _ => null,
    };
}
