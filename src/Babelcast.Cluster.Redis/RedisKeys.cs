using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// Key names. Every key of one session carries the session id as a hash tag, so that in Redis Cluster they share a
/// slot and a script may touch them together.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisKey Lease(string sessionId) => $"{prefix}:{{{sessionId}}}:lease";

    public RedisKey Generation(string sessionId) => $"{prefix}:{{{sessionId}}}:generation";

    public RedisKey Checkpoint(string sessionId) => $"{prefix}:{{{sessionId}}}:checkpoint";

    public RedisKey Ingest(string sessionId) => $"{prefix}:{{{sessionId}}}:ingest";
}
