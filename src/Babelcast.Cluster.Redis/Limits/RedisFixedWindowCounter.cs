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
            var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(
                    LimitScripts.CountInWindow, [(RedisKey)(_prefix + limit + ":" + partition)], [(long)window.TotalMilliseconds])
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
}
