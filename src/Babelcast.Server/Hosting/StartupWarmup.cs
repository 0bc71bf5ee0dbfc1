namespace Babelcast.Server.Hosting;

/// <summary>
/// Whether the start-up warm-up (<see cref="EngineWarmupService"/>) has finished, and how long it took: a session whose
/// first phrase ends while the node still loads its decoders shares the cores with that load, so readiness says so
/// (the <c>warmup</c> check on <c>/healthz</c>) for a deployment or a benchmark that waits for it.
/// </summary>
public sealed class StartupWarmup(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _elapsedTicks = -1;

    public bool Done => Interlocked.Read(ref _elapsedTicks) >= 0;

    /// <summary>How long the warm-up took (null while it runs).</summary>
    public TimeSpan? Elapsed => Done ? TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks)) : null;

    /// <summary>How long it has been running (or ran).</summary>
    public TimeSpan Running => Elapsed ?? time.GetElapsedTime(_started);

    /// <summary>Called once when the warm-up has finished (or was not needed, on a gateway).</summary>
    public TimeSpan Complete()
    {
        var elapsed = time.GetElapsedTime(_started);
        Interlocked.CompareExchange(ref _elapsedTicks, elapsed.Ticks, -1);
        return Elapsed ?? elapsed;
    }
}
