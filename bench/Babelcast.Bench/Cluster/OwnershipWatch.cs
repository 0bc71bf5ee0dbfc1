namespace Babelcast.Bench.Cluster;

/// <summary>
/// Polls the lease holder of each session every 200 ms while a run streams: a session that changes hands without a
/// failover (a lease renewal that came too late on a starved machine) replays phrases from its checkpoint.
/// </summary>
public sealed class OwnershipWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly List<string> _moves = [];

    /// <summary>Watches nothing when <paramref name="owner"/> is null (a single node has no lease).</summary>
    public OwnershipWatch(Func<string, Task<string?>>? owner, IReadOnlyList<string> sessions)
    {
        _loop = owner is null ? Task.CompletedTask : Task.Run(() => LoopAsync(owner, sessions, _stop.Token), CancellationToken.None);
    }

    /// <summary>"session: from -> to" for every change of holder seen (the first claim is not a change).</summary>
    public async Task<IReadOnlyList<string>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        lock (_moves)
        {
            return [.. _moves];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(Func<string, Task<string?>> owner, IReadOnlyList<string> sessions, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var session in sessions)
            {
                try
                {
                    var now = await owner(session);
                    if (now is null)
                    {
                        continue;
                    }

                    if (_owners.TryGetValue(session, out var before) && before != now)
                    {
                        lock (_moves)
                        {
                            _moves.Add($"{session}: {before} -> {now}");
                        }
                    }

                    _owners[session] = now;
                }
                catch (StackExchange.Redis.RedisException)
                {
                    // A missed poll; the next one sees the holder.
                }
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
