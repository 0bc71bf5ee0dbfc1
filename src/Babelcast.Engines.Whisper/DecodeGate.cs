namespace Babelcast.Engines.Whisper;

/// <summary>
/// Node-wide bound on concurrent Whisper decodes. Finals wait for a slot; partials take one only when a slot is free
/// and no final is waiting, so a partial never delays a phrase's final text (it is skipped and tried again later).
/// </summary>
internal sealed class DecodeGate(int slots) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);
    private int _waitingFinals;

    public int Slots { get; } = slots;

    public int Free => _slots.CurrentCount;

    public async ValueTask<Slot> EnterFinalAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waitingFinals);
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waitingFinals);
        }

        return new Slot(this);
    }

    /// <summary>Takes a slot for a partial decode (give it back with <see cref="ReleasePartial"/>); false when none is free or a final waits.</summary>
    public bool TryEnterPartial()
    {
        if (Volatile.Read(ref _waitingFinals) > 0 || !_slots.Wait(0))
        {
            return false;
        }

        if (Volatile.Read(ref _waitingFinals) > 0)
        {
            _slots.Release(); // A final queued meanwhile: it goes first.
            return false;
        }

        return true;
    }

    public void ReleasePartial() => _slots.Release();

    public void Dispose() => _slots.Dispose();

    internal sealed class Slot(DecodeGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._slots.Release();
            }
        }
    }
}
