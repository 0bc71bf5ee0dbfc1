namespace Babelcast.Cluster.Redis;

/// <summary>The ingest stream's Lua scripts (atomic: the closed check and the append cannot interleave).</summary>
internal static class IngestScripts
{
    /// <summary>
    /// KEYS: stream, closed, writers. ARGV: kind, wall-clock ms, clock id, raw timestamp, audio, hard cap, wake channel,
    /// writer id, writer seq. Returns 1; 0 when this writer's seq was appended already (a retry after a reply was lost);
    /// -1 when the session's ingest is closed.
    /// </summary>
    public const string Append = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
        if tonumber(redis.call('HGET', KEYS[3], ARGV[8]) or '0') >= tonumber(ARGV[9]) then return 0 end
        redis.call('HSET', KEYS[3], ARGV[8], ARGV[9])
        redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[6], '*', 'o', ARGV[8], 'g', ARGV[9], 'k', ARGV[1], 'w', ARGV[2], 'c', ARGV[3], 't', ARGV[4], 'a', ARGV[5])
        redis.call('PUBLISH', ARGV[7], '1')
        return 1
        """;

    /// <summary>KEYS: stream, closed. ARGV: wake channel. Appends the end-of-log marker once.</summary>
    public const string Close = """
        if redis.call('SET', KEYS[2], '1', 'NX') == false then return 0 end
        redis.call('XADD', KEYS[1], '*', 'k', 'closed')
        redis.call('PUBLISH', ARGV[1], '1')
        return 1
        """;
}
