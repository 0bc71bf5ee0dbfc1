using System.Diagnostics;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Samples a process's resident memory every few hundred milliseconds and measures its CPU over a window:
/// <see cref="Mark"/> to <see cref="Read"/> gives CPU cores used on average and the peak RSS.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakRss;
    private TimeSpan _cpuAtMark;
    private long _markTimestamp;

    public ResourceSampler(int pid)
    {
        _pid = pid;
        Mark();
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>Starts a new measurement window.</summary>
    public void Mark()
    {
        _cpuAtMark = ProcStats.CpuTime(_pid);
        _markTimestamp = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _peakRss, ProcStats.ResidentBytes(_pid));
    }

    /// <summary>CPU cores used on average and the peak RSS since the last <see cref="Mark"/>.</summary>
    public ResourceWindow Read()
    {
        var cpu = ProcStats.CpuTime(_pid) - _cpuAtMark;
        var wall = Stopwatch.GetElapsedTime(_markTimestamp);
        var rss = ProcStats.ResidentBytes(_pid);
        var peak = Math.Max(Interlocked.Read(ref _peakRss), rss);
        return new ResourceWindow(wall.TotalSeconds, cpu.TotalSeconds, wall.TotalSeconds > 0 ? cpu.TotalSeconds / wall.TotalSeconds : 0, rss, peak, ProcStats.Threads(_pid));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var rss = ProcStats.ResidentBytes(_pid);
            long seen;
            do
            {
                seen = Interlocked.Read(ref _peakRss);
            }
            while (rss > seen && Interlocked.CompareExchange(ref _peakRss, rss, seen) != seen);
            await Task.Delay(250, cancellationToken);
        }
    }
}
