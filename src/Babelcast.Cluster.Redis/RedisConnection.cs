using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// The node's one multiplexed connection to Redis, opened on first use and re-established by the client by itself
/// after Redis restarts (operations fail meanwhile; callers decide what that means).
/// </summary>
public sealed class RedisConnection(IOptions<RedisClusterOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var multiplexer = _multiplexer ?? await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetDatabase();
    }

    public async ValueTask<ISubscriber> GetSubscriberAsync(CancellationToken cancellationToken)
    {
        var multiplexer = _multiplexer ?? await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return multiplexer.GetSubscriber();
    }

    /// <summary>
    /// The connection for synchronous callers (the broadcaster's fire-and-forget publishes); connects on the calling
    /// thread the first time. Commands issued while Redis is away wait in the client's backlog, in order.
    /// </summary>
    public ConnectionMultiplexer Multiplexer
    {
        get
        {
            if (_multiplexer is { } existing)
            {
                return existing;
            }

            _connecting.Wait();
            try
            {
                return _multiplexer ??= ConnectionMultiplexer.Connect(Configuration());
            }
            finally
            {
                _connecting.Release();
            }
        }
    }

    private ConfigurationOptions Configuration()
    {
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString);
        // A node must start (and report Redis as down in its health output) while Redis is unreachable.
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "babelcast";
        return configuration;
    }

    private async ValueTask<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_multiplexer is { } existing)
            {
                return existing;
            }

            _multiplexer = await ConnectionMultiplexer.ConnectAsync(Configuration()).WaitAsync(cancellationToken).ConfigureAwait(false);
            return _multiplexer;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }
}
