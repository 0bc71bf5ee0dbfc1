using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// A bounded pool of lazily created decoders. A rented decoder belongs to its renter until returned;
/// renters beyond the capacity wait (cancellable). Disposing frees every decoder, rented ones included
/// (their SafeHandles defer the free until a running native call returns).
/// </summary>
internal sealed class DecoderPool : IDisposable
{
    private readonly string name;
    private readonly Func<PocketSphinxDecoder> create;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim slots;
    private readonly Stack<PocketSphinxDecoder> idle = new();
    private readonly List<PocketSphinxDecoder> all = [];
    private readonly Lock gate = new();
    private volatile bool disposed;

    public DecoderPool(string name, int capacity, Func<PocketSphinxDecoder> create, ILogger logger, TimeProvider timeProvider)
    {
        this.name = name;
        Capacity = capacity;
        this.create = create;
        this.logger = logger;
        this.timeProvider = timeProvider;
        slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Decoders created so far (alive or discarded).</summary>
    public int Created { get; private set; }

    public async ValueTask<PocketSphinxDecoder> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!slots.Wait(0, CancellationToken.None))
        {
            Log.PoolExhausted(logger, name, Capacity);
            await slots.WaitAsync(cancellationToken);
        }

        try
        {
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                if (idle.TryPop(out var reused))
                {
                    return reused;
                }
            }

            // Loading a model takes ~0.3 s of CPU: keep it off the caller's thread.
            return await Task.Run(CreateDecoder, cancellationToken);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public void Return(PocketSphinxDecoder decoder)
    {
        var keep = !disposed;
        if (keep)
        {
            try
            {
                decoder.Reset();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                Log.ResetFailed(logger, name, ex);
                keep = false;
            }
        }

        lock (gate)
        {
            if (keep && !disposed)
            {
                idle.Push(decoder);
            }
            else
            {
                all.Remove(decoder);
                decoder.Dispose();
            }
        }

        slots.Release();
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var decoder in all)
            {
                decoder.Dispose();
            }

            all.Clear();
            idle.Clear();
        }
    }

    private PocketSphinxDecoder CreateDecoder()
    {
        var started = timeProvider.GetTimestamp();
        PocketSphinxDecoder decoder;
        try
        {
            decoder = create();
        }
        catch (InvalidOperationException ex)
        {
            Log.DecoderCreationFailed(logger, name, ex);
            throw;
        }

        lock (gate)
        {
            if (disposed)
            {
                decoder.Dispose();
                throw new ObjectDisposedException(nameof(DecoderPool));
            }

            all.Add(decoder);
            Created++;
            Log.DecoderCreated(logger, name, all.Count, Capacity, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }

        return decoder;
    }
}
