using System.Security.Cryptography;
using System.Text;
using Babelcast.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis.Limits;

/// <summary>
/// The sign-in lockout kept in Redis, so that N nodes allow a username's failures once, not N times: one hash per key
/// (<c>{prefix}:lockout:{sha256 of the key}</c>; hashed, since a key is whatever a client typed), counted and locked
/// by one script on Redis's clock. While Redis is unreachable the records are this node's own (<see cref="RedisFallback"/>).
/// </summary>
public sealed class RedisFailureLockout : IFailureLockout
{
    private readonly RedisConnection _connection;
    private readonly TimeProvider _time;
    private readonly string _prefix;
    private readonly InProcessFailureLockout _local;
    private readonly RedisFallback _fallback;

    public RedisFailureLockout(RedisConnection connection, IOptions<RedisClusterOptions> options, TimeProvider time, ILogger<RedisFailureLockout> logger)
    {
        _connection = connection;
        _time = time;
        _prefix = options.Value.KeyPrefix + ":lockout:";
        _local = new InProcessFailureLockout(time);
        _fallback = new RedisFallback("sign-in lockout", time, logger);
    }

    public async ValueTask<TimeSpan?> RetryAfterAsync(string key, CancellationToken cancellationToken)
    {
        if (_fallback.IsLocal)
        {
            return _local.RetryAfter(key);
        }

        try
        {
            var ms = (long)(await EvaluateAsync(LimitScripts.LockedFor, key, [], cancellationToken)
                .WaitAsync(RedisFallback.Budget, _time, cancellationToken).ConfigureAwait(false));
            _fallback.Succeeded();
            return ms > 0 ? TimeSpan.FromMilliseconds(ms) : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _fallback.Failed(ex);
            return _local.RetryAfter(key);
        }
    }

    public async ValueTask RecordFailureAsync(string key, LockoutPolicy policy, CancellationToken cancellationToken)
    {
        if (_fallback.IsLocal)
        {
            _local.RecordFailure(key, policy);
            return;
        }

        try
        {
            RedisValue[] args =
            [
                policy.MaxFailures, (long)policy.Window.TotalMilliseconds, (long)policy.LockoutDuration.TotalMilliseconds,
                (long)policy.MaxLockoutDuration.TotalMilliseconds, LockoutPolicy.MaxLockouts,
            ];
            await EvaluateAsync(LimitScripts.RecordFailure, key, args, cancellationToken)
                .WaitAsync(RedisFallback.Budget, _time, cancellationToken).ConfigureAwait(false);
            _fallback.Succeeded();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _fallback.Failed(ex);
            _local.RecordFailure(key, policy);
        }
    }

    public async ValueTask RecordSuccessAsync(string key, CancellationToken cancellationToken)
    {
        _local.RecordSuccess(key);
        if (_fallback.IsLocal)
        {
            return;
        }

        try
        {
            await DeleteAsync(key, cancellationToken).WaitAsync(RedisFallback.Budget, _time, cancellationToken).ConfigureAwait(false);
            _fallback.Succeeded();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _fallback.Failed(ex);
        }
    }

    private RedisKey KeyOf(string key) => _prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // The budget covers connecting too: a node that starts while Redis is away must not wait out the connect timeout.
    private async Task<RedisResult> EvaluateAsync(string script, string key, RedisValue[] args, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.ScriptEvaluateAsync(script, [KeyOf(key)], args).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        await database.KeyDeleteAsync(KeyOf(key)).ConfigureAwait(false);
    }
}
