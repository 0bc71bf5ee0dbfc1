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

    /// <summary>
    /// KEYS: a key's lockout record (a hash: failures, lockouts, last failure ms, locked-until ms). ARGV: max failures,
    /// window ms, first lockout ms, max lockout ms, max lockouts. Counts one failure as <c>InProcessFailureLockout</c>
    /// does (a record whose window and lockout are over starts afresh; the limit-th failure locks for a doubling time,
    /// capped); the record expires once neither its window nor its lockout can matter. Returns the ms still locked.
    /// </summary>
    public const string RecordFailure = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local r = redis.call('HMGET', KEYS[1], 'failures', 'lockouts', 'last', 'until')
        local failures = tonumber(r[1]) or 0
        local lockouts = tonumber(r[2]) or 0
        local last = tonumber(r[3])
        local lockedUntil = tonumber(r[4]) or 0
        local window = tonumber(ARGV[2])
        if (last == nil or now - last > window) and now >= lockedUntil then
          failures = 0
          lockouts = 0
        end
        failures = failures + 1
        if failures >= tonumber(ARGV[1]) then
          failures = 0
          lockouts = math.min(lockouts + 1, tonumber(ARGV[5]))
          lockedUntil = now + math.floor(math.min(tonumber(ARGV[3]) * math.pow(2, lockouts - 1), tonumber(ARGV[4])))
        end
        redis.call('HSET', KEYS[1], 'failures', failures, 'lockouts', lockouts, 'last', now, 'until', lockedUntil)
        redis.call('PEXPIRE', KEYS[1], math.max(window, lockedUntil - now) + 1000)
        return math.max(lockedUntil - now, 0)
        """;

    /// <summary>KEYS: a key's lockout record. Returns the ms it is still locked (0: it may try).</summary>
    public const string LockedFor = """
        local lockedUntil = tonumber(redis.call('HGET', KEYS[1], 'until'))
        if not lockedUntil then return 0 end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        return math.max(lockedUntil - now, 0)
        """;
}
