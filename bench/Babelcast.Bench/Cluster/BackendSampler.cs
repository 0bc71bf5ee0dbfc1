using System.Diagnostics;
using System.Globalization;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// Redis and PostgreSQL use over a window: Redis from <c>INFO</c> (used_memory, used_cpu_sys + used_cpu_user deltas),
/// PostgreSQL from /proc (<see cref="PostgresProcesses"/>) and <c>pg_database_size</c>. Memory peaks are sampled every
/// half second; <see cref="ReadAsync"/> divides by the sessions that were live.
/// </summary>
public sealed class BackendSampler : IAsyncDisposable
{
    private readonly ClusterBackends _backends;
    private readonly bool _redis;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private Snapshot _mark = new(0, 0, 0, 0, 0, 0);
    private long _redisPeak;
    private long _postgresPeak;

    /// <summary>Samples PostgreSQL, and Redis too unless <paramref name="redis"/> is false (a node on the in-process bus leaves it idle).</summary>
    public BackendSampler(ClusterBackends backends, bool redis)
    {
        _backends = backends;
        _redis = redis;
    }

    public async Task MarkAsync(CancellationToken cancellationToken)
    {
        _mark = await TakeAsync(cancellationToken);
        Interlocked.Exchange(ref _redisPeak, _mark.RedisMemory);
        Interlocked.Exchange(ref _postgresPeak, _mark.PostgresPss);
        if (_loop.IsCompleted)
        {
            _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
        }
    }

    public async Task<BackendWindow> ReadAsync(int sessions, CancellationToken cancellationToken)
    {
        var now = await TakeAsync(cancellationToken);
        var wall = (now.Timestamp - _mark.Timestamp) / (double)Stopwatch.Frequency;
        var per = Math.Max(1, sessions);
        RedisUse? redis = null;
        if (_redis)
        {
            var cpu = now.RedisCpu - _mark.RedisCpu;
            redis = new RedisUse(Round(cpu), Round(cpu / per), Round(cpu / wall / per, 4), now.RedisMemory, Math.Max(now.RedisMemory, Interlocked.Read(ref _redisPeak)),
                (now.RedisMemory - _mark.RedisMemory) / per);
        }

        var pgCpu = now.PostgresCpu - _mark.PostgresCpu;
        var pid = PostgresProcesses.Postmaster(_backends.PostgresDataDirectory);
        var processes = pid is { } p ? PostgresProcesses.Memory(p).Processes : 0;
        var postgres = new PostgresUse(Round(pgCpu), Round(pgCpu / per), Round(pgCpu / wall / per, 4), now.PostgresPss, Math.Max(now.PostgresPss, Interlocked.Read(ref _postgresPeak)),
            (now.PostgresPss - _mark.PostgresPss) / per, processes, now.DatabaseBytes, (now.DatabaseBytes - _mark.DatabaseBytes) / per);
        return new BackendWindow(sessions, Round(wall), redis, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task<Snapshot> TakeAsync(CancellationToken cancellationToken)
    {
        var (memory, cpu) = _redis ? await RedisAsync() : (0L, 0.0);
        var pid = PostgresProcesses.Postmaster(_backends.PostgresDataDirectory);
        var pgCpu = pid is { } p ? PostgresProcesses.CpuTime(p).TotalSeconds : 0;
        var pss = pid is { } q ? PostgresProcesses.Memory(q).PssBytes : 0;
        return new Snapshot(Stopwatch.GetTimestamp(), memory, cpu, pgCpu, pss, await _backends.DatabaseBytesAsync(cancellationToken));
    }

    private async Task<(long Memory, double Cpu)> RedisAsync()
    {
        var info = await _backends.RedisInfoAsync();
        return (Long(info, "used_memory"), Double(info, "used_cpu_sys") + Double(info, "used_cpu_user"));
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(500, cancellationToken);
                if (_redis)
                {
                    Raise(ref _redisPeak, (await RedisAsync()).Memory);
                }

                if (PostgresProcesses.Postmaster(_backends.PostgresDataDirectory) is { } pid)
                {
                    Raise(ref _postgresPeak, PostgresProcesses.Memory(pid).PssBytes);
                }
            }
            catch (StackExchange.Redis.RedisException)
            {
                // A sample missed; the next one counts.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (value > seen && Interlocked.CompareExchange(ref peak, value, seen) != seen);
    }

    private static long Long(Dictionary<string, string> info, string key) =>
        info.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static double Double(Dictionary<string, string> info, string key) =>
        info.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static double Round(double value, int digits = 3) => double.IsFinite(value) ? Math.Round(value, digits) : 0;

    private sealed record Snapshot(long Timestamp, long RedisMemory, double RedisCpu, double PostgresCpu, long PostgresPss, long DatabaseBytes);
}
