using System.Diagnostics;
using System.Net.Sockets;
using Babelcast.Bench.Clients.Raw;
using Microsoft.Extensions.Logging;

namespace Babelcast.Bench.Clients;

/// <summary>
/// Connects many lean listeners a bounded number at a time, languages in turn. They are <see cref="RawListener"/>s,
/// read by one reactor thread; the connections are opened on dedicated threads with blocking calls (see
/// <see cref="RawHandshake"/>).
/// </summary>
public sealed class ListenerPool(Uri webSocketBase, string sessionId, IReadOnlyList<string> languages, int concurrency, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private readonly List<RawListener> _listeners = [];
    private readonly Lock _gate = new();
    private readonly ListenerReactor _reactor = new();
    private int _failures;
    private int _logged;

    public IReadOnlyList<RawListener> Listeners
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
        int next;
        lock (_gate)
        {
            next = _listeners.Count - 1;
        }

        var workers = Enumerable.Range(0, Math.Clamp(concurrency, 1, 64)).Select(_ => Task.Factory.StartNew(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total && !cancellationToken.IsCancellationRequested)
            {
                Connect(i);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        await Task.WhenAll(workers);
        return started.Elapsed;
    }

    public ValueTask DisposeAsync()
    {
        _reactor.Dispose();
        foreach (var listener in Listeners)
        {
            listener.Socket.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Connect(int i)
    {
        try
        {
            var language = languages[i % languages.Count];
            var socket = RawHandshake.Open(webSocketBase, $"/ws/listen?sessionId={sessionId}&targetLanguage={language}", JoinTimeout);
            var listener = new RawListener(language, socket);
            lock (_gate)
            {
                _listeners.Add(listener);
            }

            _reactor.Add(listener);
            if (!listener.Joined.Wait(JoinTimeout))
            {
                throw new TimeoutException("no sessionJoined within 60 s");
            }

            if (listener.Ended)
            {
                throw new IOException($"listener closed before joining ({listener.ErrorCode ?? listener.CloseStatus?.ToString() ?? "connection lost"})");
            }
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException or IOException)
        {
            Interlocked.Increment(ref _failures);
            if (Interlocked.Increment(ref _logged) <= 5)
            {
                Log.ConnectFailed(logger, ex.Message);
            }
        }
    }
}
