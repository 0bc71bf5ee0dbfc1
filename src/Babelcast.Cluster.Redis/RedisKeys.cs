using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Key names. Every key of one session carries the session id as a hash tag, so that in Redis Cluster they share a
/// slot and a script may touch them together.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>Sessions that have a speaker and need a worker (a set).</summary>
    public RedisKey ActiveSessions => $"{prefix}:active-sessions";

    /// <summary>Announcements of sessions that need a worker, so that workers claim at once instead of at their next scan.</summary>
    public RedisChannel Announcements => RedisChannel.Literal($"{prefix}:announcements");

    /// <summary>The session's broadcast channel: every node with connections of the session subscribes to it.</summary>
    public RedisChannel Bus(string sessionId) => RedisChannel.Literal($"{prefix}:{{{sessionId}}}:bus");

    /// <summary>Listener counts of the session per node (a hash: node id -> "expires|lang=count,...").</summary>
    public RedisKey Presence(string sessionId) => $"{prefix}:{{{sessionId}}}:presence";

    /// <summary>Published when a node's listener counts of the session change.</summary>
    public RedisChannel PresenceChanged(string sessionId) => RedisChannel.Literal($"{prefix}:{{{sessionId}}}:presence-changed");

    /// <summary>Every session's <see cref="PresenceChanged"/> channel, for a subscriber that follows all sessions.</summary>
    public RedisChannel PresenceChangedPattern => RedisChannel.Pattern($"{prefix}:{{*}}:presence-changed");

    /// <summary>The session id inside a per-session channel's name (between the hash-tag braces).</summary>
    public bool TrySessionOf(RedisChannel channel, out string sessionId)
    {
        var name = channel.ToString();
        var open = prefix.Length + 2;
        var close = name.IndexOf('}', open);
        sessionId = close > open && name.StartsWith(prefix + ":{", StringComparison.Ordinal) ? name[open..close] : string.Empty;
        return sessionId.Length > 0;
    }

    /// <summary>The session's live flags as last published (a hash: "paused"/"muted" -> "0"/"1"), for nodes that join later.</summary>
    public RedisKey State(string sessionId) => $"{prefix}:{{{sessionId}}}:state";

    public RedisKey Lease(string sessionId) => $"{prefix}:{{{sessionId}}}:lease";

    public RedisKey Generation(string sessionId) => $"{prefix}:{{{sessionId}}}:generation";

    public RedisKey Checkpoint(string sessionId) => $"{prefix}:{{{sessionId}}}:checkpoint";

    public RedisKey Ingest(string sessionId) => $"{prefix}:{{{sessionId}}}:ingest";

    /// <summary>
    /// The last seq appended by each writer (a hash), so that a retried append is not appended twice; and, in field
    /// "client", the speaker client's last appended frame number, so that a resent frame is not appended twice either.
    /// </summary>
    public RedisKey IngestWriters(string sessionId) => $"{prefix}:{{{sessionId}}}:ingest-writers";

    /// <summary>Set once the session's ingest is completed: later appends are refused.</summary>
    public RedisKey IngestClosed(string sessionId) => $"{prefix}:{{{sessionId}}}:ingest-closed";

    /// <summary>Published after every append, so that a reader waits on a message rather than polling.</summary>
    public RedisChannel IngestWake(string sessionId) => RedisChannel.Literal($"{prefix}:{{{sessionId}}}:ingest-wake");

    /// <summary>The reader publishes "writer:seq" of the last entries it took, so that writers on any node free capacity.</summary>
    public RedisChannel IngestConsumed(string sessionId) => RedisChannel.Literal($"{prefix}:{{{sessionId}}}:ingest-consumed");

    /// <summary>Set (with an expiry) once a worker has finished the session's log, i.e. delivered its last phrase.</summary>
    public RedisKey Finished(string sessionId) => $"{prefix}:{{{sessionId}}}:finished";

    /// <summary>Published when a worker has finished the session's log, so that the node ending the session stops waiting.</summary>
    public RedisChannel FinishedChannel(string sessionId) => RedisChannel.Literal($"{prefix}:{{{sessionId}}}:finished");
}
