namespace Babelcast.Cluster.Redis;

/// <summary>The ingest stream's Lua scripts (atomic: the closed check and the append cannot interleave).</summary>
internal static class IngestScripts
{
    /// <summary>The writers hash's field with the speaker client's last appended seq (writer ids are hex, never this).</summary>
    public const string ClientSeqField = "client";

    /// <summary>
    /// KEYS: stream, closed, writers. ARGV: kind, wall-clock ms, clock id, raw timestamp, audio, hard cap, wake channel,
    /// writer id, writer seq, client seq (0: none). Returns 1; 0 when this writer's seq was appended already (a retry
    /// after a reply was lost); 2 when the speaker client's seq is not above the session's last one (field
    /// <see cref="ClientSeqField"/> of the writers hash: a frame resent after a reconnect, through any node);
    /// -1 when the session's ingest is closed.
    /// </summary>
    public const string Append = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
        if tonumber(redis.call('HGET', KEYS[3], ARGV[8]) or '0') >= tonumber(ARGV[9]) then return 0 end
        redis.call('HSET', KEYS[3], ARGV[8], ARGV[9])
        local client = tonumber(ARGV[10])
        if client > 0 then
          if tonumber(redis.call('HGET', KEYS[3], 'client') or '0') >= client then return 2 end
          redis.call('HSET', KEYS[3], 'client', ARGV[10])
        end
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
