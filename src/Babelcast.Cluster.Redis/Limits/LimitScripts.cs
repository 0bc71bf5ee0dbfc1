namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// The limits' Lua scripts; each runs atomically in Redis, so that "count, then compare" cannot interleave with
/// another node's. Times come from Redis's own clock (<c>TIME</c>), so the nodes' clocks need not agree.
/// </summary>
internal static class LimitScripts
{
    /// <summary>
    /// KEYS: the window's counter. ARGV: window ms. Counts one request; returns {count in this window, ms until the
    /// window ends}. The first request of a window starts it (the key expires with it).
    /// </summary>
    public const string CountInWindow = """
        local count = redis.call('INCR', KEYS[1])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    /// <summary>
    /// KEYS: the session's listener places (a hash: node id -> "expiresMs|count"). ARGV: node id, cap, this node's
    /// count with the new listener, expiry ms. Sums the other nodes' unexpired counts (deleting expired ones: a dead
    /// node's share); 1 and this node's count written when the total stays within the cap, else 0 and nothing written.
    /// </summary>
    public const string TakeListenerPlace = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local others = 0
        local fields = redis.call('HGETALL', KEYS[1])
        for i = 1, #fields, 2 do
          if fields[i] ~= ARGV[1] then
            local value = fields[i + 1]
            local bar = string.find(value, '|', 1, true)
            local expires = bar and tonumber(string.sub(value, 1, bar - 1))
            if expires and expires >= now then
              others = others + (tonumber(string.sub(value, bar + 1)) or 0)
            else
              redis.call('HDEL', KEYS[1], fields[i])
            end
          end
        end
        if others + tonumber(ARGV[3]) > tonumber(ARGV[2]) then return 0 end
        local ttl = tonumber(ARGV[4])
        redis.call('HSET', KEYS[1], ARGV[1], (now + ttl) .. '|' .. ARGV[3])
        if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
        return 1
        """;

    /// <summary>
    /// KEYS: the session's listener places. ARGV: node id, this node's count, expiry ms. Writes the count with a fresh
    /// expiry (heartbeat, leave), or deletes the node's field at 0.
    /// </summary>
    public const string SetListenerPlaces = """
        if tonumber(ARGV[2]) <= 0 then
          redis.call('HDEL', KEYS[1], ARGV[1])
          return 0
        end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local ttl = tonumber(ARGV[3])
        redis.call('HSET', KEYS[1], ARGV[1], (now + ttl) .. '|' .. ARGV[2])
        if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
        return 1
        """;
}
