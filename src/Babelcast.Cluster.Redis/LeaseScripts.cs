namespace Babelcast.Cluster.Redis;

/// <summary>
/// The lease's Lua scripts. Each runs atomically in Redis, which is what makes "check the owner, then act" safe
/// against another node acting in between.
/// </summary>
internal static class LeaseScripts
{
    /// <summary>KEYS: lease, generation. ARGV: node id, lease ms. Returns the new generation, or 0 when the session is owned.</summary>
    public const string Acquire = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        local generation = redis.call('INCR', KEYS[2])
        redis.call('SET', KEYS[1], ARGV[1] .. '/' .. generation, 'PX', ARGV[2])
        return generation
        """;

    /// <summary>KEYS: lease. ARGV: owner value, lease ms. 1 when renewed, 0 when the lease is no longer ours.</summary>
    public const string Renew = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: lease. ARGV: owner value. 1 when released, 0 when it was not ours any more.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        return 1
        """;

    /// <summary>
    /// KEYS: lease, checkpoint, ingest stream. ARGV: owner value, checkpoint (a stream id, optionally followed by
    /// <c>|seq</c>). Writes the checkpoint and trims the stream before its id only while the lease is ours; 0 when fenced off.
    /// </summary>
    public const string Commit = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('XTRIM', KEYS[3], 'MINID', string.match(ARGV[2], '^[^|]+'))
        return 1
        """;
}
