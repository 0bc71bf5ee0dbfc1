using Babelcast.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// Rate-limit windows counted in Redis, so that a client gets each limit once across all nodes: one key per limit,
/// partition and window (<c>{prefix}:limit:{limit}:{partition}</c>), counted and started by one script. While Redis is
/// unreachable the counts are this node's own (<see cref="RedisFallback"/>).
/// </summary>
public sealed class RedisFixedWindowCounter : IFixedWindowCounter
{
    private readonly RedisConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _prefix;
    private readonly InProcessFixedWindowCounter _local;
    private readonly RedisFallback _fallback;

    public RedisFixedWindowCounter(RedisConnection connection, IOptions<RedisClusterOptions> options, TimeProvider time, ILogger<RedisFixedWindowCounter> logger)
    {
        _connection = connection;
        _time = time;
        _prefix = options.Value.KeyPrefix + ":limit:";
        _local = new InProcessFixedWindowCounter(time);
        _fallback = new RedisFallback("rate limits", time, logger);
    }

    public async ValueTask<FixedWindowDecision> TryAcquireAsync(string limit, string partition, int permitLimit, TimeSpan window, CancellationToken cancellationToken)
    {
        if (_fallback.IsLocal)
        {
            return _local.TryAcquire(limit, partition, permitLimit, window);
        }

        try
        {
            var result = (RedisResult[])(await CountAsync(_prefix + limit + ":" + partition, window, cancellationToken)
                .WaitAsync(RedisFallback.Budget, _time, cancellationToken).ConfigureAwait(false))!;
            _fallback.Succeeded();
            var count = (long)result[0];
            return count <= permitLimit ? FixedWindowDecision.Allowed : FixedWindowDecision.Refused(TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1])));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _fallback.Failed(ex);
            return _local.TryAcquire(limit, partition, permitLimit, window);
        }
    }

    // The budget covers connecting too: a node that starts while Redis is away must not wait out the connect timeout.
    private async Task<RedisResult> CountAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.ScriptEvaluateAsync(LimitScripts.CountInWindow, [(RedisKey)key], [(long)window.TotalMilliseconds]).ConfigureAwait(false);
    }
}
