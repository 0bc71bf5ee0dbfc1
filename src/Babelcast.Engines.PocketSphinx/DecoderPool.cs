using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// A bounded pool of lazily created decoders. A rented decoder belongs to its renter until returned;
/// renters beyond the capacity wait (cancellable). Disposing frees every decoder, rented ones included
/// (their SafeHandles defer the free until a running native call returns).
/// With a warm target, the pool keeps that many idle decoders ready: a rent that takes one starts a refill in the
/// background, so that the next renter (a new session) does not load a model (0.3 s of CPU, seconds on a busy machine)
/// while its speaker talks.
/// </summary>
internal sealed class DecoderPool : IDisposable
{
    private readonly string _name;
    private readonly Func<PocketSphinxDecoder> _create;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly Stack<PocketSphinxDecoder> _idle = new();
    private readonly List<PocketSphinxDecoder> _all = [];
    private readonly Lock _gate = new();
    private Task _refill = Task.CompletedTask;
    private int _warmTarget;
    private int _rents;
    private volatile bool _disposed;

    public DecoderPool(string name, int capacity, Func<PocketSphinxDecoder> create, ILogger logger, TimeProvider timeProvider, int warmTarget = 0)
    {
        _name = name;
        Capacity = capacity;
        _warmTarget = Math.Clamp(warmTarget, 0, capacity);
        _create = create;
        _logger = logger;
        _timeProvider = timeProvider;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Idle decoders the pool keeps ready (created in the background, never on a renter's path).</summary>
    public int WarmTarget => Volatile.Read(ref _warmTarget);

    /// <summary>Decoders ready to rent at once.</summary>
    public int Idle
    {
        get
        {
            lock (_gate)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>Decoders created so far (alive or discarded).</summary>
    public int Created { get; private set; }

    /// <summary>Decoders handed to renters so far (for tests).</summary>
    public int Rents => Volatile.Read(ref _rents);

    /// <summary>
    /// True if a decoder is idle now. If none is, the pool keeps one ready from now on (loading it in the background),
    /// so that a pool used only now and then (the reduced final pass of a node that sheds load) never loads a model on
    /// a phrase's path: its first user takes another pool's warm decoder instead of waiting seconds for this one.
    /// </summary>
    public bool IdleOrWarmOne()
    {
        lock (_gate)
        {
            if (_disposed || _idle.Count > 0)
            {
                return !_disposed;
            }

            _warmTarget = Math.Max(_warmTarget, Math.Min(1, Capacity));
        }

        _ = StartRefill();
        return false;
    }

    public async ValueTask<PocketSphinxDecoder> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_slots.Wait(0, CancellationToken.None))
        {
            Log.PoolExhausted(_logger, _name, Capacity);
            await _slots.WaitAsync(cancellationToken);
        }

        try
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_idle.TryPop(out var reused))
                {
                    Interlocked.Increment(ref _rents);
                    // Lock is re-entrant: the refill starts under the same gate.
                    _ = StartRefill();
                    return reused;
                }
            }

            // Loading a model takes ~0.3 s of CPU (seconds on a busy machine): keep it off the caller's thread. The
            // refill starts after it, so that it does not compete with this renter for the CPU.
            var created = await Task.Run(CreateDecoder, cancellationToken);
            Interlocked.Increment(ref _rents);
            _ = StartRefill();
            return created;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>
    /// Takes an idle decoder without waiting and without loading a model on the caller's thread; false when none is
    /// idle (a background refill towards <see cref="WarmTarget"/> is started, so a later call may succeed).
    /// </summary>
    public bool TryRent([NotNullWhen(true)] out PocketSphinxDecoder? decoder)
    {
        decoder = null;
        if (_disposed || !_slots.Wait(0, CancellationToken.None))
        {
            return false;
        }

        lock (_gate)
        {
            if (!_disposed && _idle.TryPop(out decoder))
            {
                Interlocked.Increment(ref _rents);
                _ = StartRefill();
                return true;
            }
        }

        _slots.Release();
        _ = StartRefill();
        return false;
    }

    public void Return(PocketSphinxDecoder decoder)
    {
        var keep = !_disposed;
        if (keep)
        {
            try
            {
                decoder.Reset();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                Log.ResetFailed(_logger, _name, ex);
                keep = false;
            }
        }

        lock (_gate)
        {
            if (keep && !_disposed)
            {
                _idle.Push(decoder);
            }
            else
            {
                _all.Remove(decoder);
                decoder.Dispose();
            }
        }

        _slots.Release();
    }

    /// <summary>
    /// Starts the background refill up to <see cref="WarmTarget"/> idle decoders (if one is not running) and returns
    /// it; it completes when the target is reached, the pool is full of rented decoders, or the pool is disposed.
    /// </summary>
    public Task EnsureWarmAsync(CancellationToken cancellationToken) => StartRefill().WaitAsync(cancellationToken);

    private Task StartRefill()
    {
        lock (_gate)
        {
            if (_disposed || !_refill.IsCompleted || _idle.Count >= WarmTarget)
            {
                return _refill;
            }

            _refill = Task.Run(Refill, CancellationToken.None);
            return _refill;
        }
    }

    private void Refill()
    {
        while (!_disposed)
        {
            lock (_gate)
            {
                if (_idle.Count >= WarmTarget)
                {
                    return;
                }
            }

            // A slot keeps the count of decoders within the capacity; none free means every decoder is rented.
            if (!_slots.Wait(0, CancellationToken.None))
            {
                Log.WarmPoolFull(_logger, _name, Capacity);
                return;
            }

            try
            {
                var decoder = CreateDecoder();
                lock (_gate)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    _idle.Push(decoder);
                }

                Log.WarmDecoderReady(_logger, _name, Idle, WarmTarget);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                // Logged by CreateDecoder (or the pool is going away); a renter will try (and report) again.
                return;
            }
            finally
            {
                _slots.Release();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var decoder in _all)
            {
                decoder.Dispose();
            }

            _all.Clear();
            _idle.Clear();
        }
    }

    private PocketSphinxDecoder CreateDecoder()
    {
        var started = _timeProvider.GetTimestamp();
        PocketSphinxDecoder decoder;
        try
        {
            decoder = _create();
        }
        catch (InvalidOperationException ex)
        {
            Log.DecoderCreationFailed(_logger, _name, ex);
            throw;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                decoder.Dispose();
                throw new ObjectDisposedException(nameof(DecoderPool));
            }

            _all.Add(decoder);
            Created++;
            Log.DecoderCreated(_logger, _name, _all.Count, Capacity, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }

        return decoder;
    }
}
