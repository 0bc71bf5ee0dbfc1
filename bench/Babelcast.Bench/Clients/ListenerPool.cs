using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Clients;

/// <summary>Connects many lean listeners a bounded number at a time, languages in turn.</summary>
public sealed class ListenerPool(Uri webSocketBase, string sessionId, IReadOnlyList<string> languages, int concurrency, ILogger logger) : IAsyncDisposable
{
    private readonly List<ListenerClient> _listeners = [];
    private readonly Lock _gate = new();
    private int _failures;
    private int _logged;

    public IReadOnlyList<ListenerClient> Listeners
    {
        get
        {
            lock (_gate)
            {
                return [.. _listeners];
            }
        }
    }

    public int Failures => _failures;

    /// <summary>Adds listeners until there are <paramref name="total"/>; returns how long it took.</summary>
    public async Task<TimeSpan> GrowToAsync(int total, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(concurrency);
        int start;
        lock (_gate)
        {
            start = _listeners.Count;
        }

        var tasks = Enumerable.Range(start, Math.Max(0, total - start)).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var client = await ListenerClient.ConnectAsync(webSocketBase, sessionId, languages[i % languages.Count], detailed: false, cancellationToken);
                lock (_gate)
                {
                    _listeners.Add(client);
                }

                await client.Joined.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or TimeoutException or IOException or HttpRequestException)
            {
                Interlocked.Increment(ref _failures);
                if (Interlocked.Increment(ref _logged) <= 5)
                {
                    Log.ConnectFailed(logger, ex.Message);
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return started.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in Listeners.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(l => l.DisposeAsync().AsTask()));
        }
    }
}
