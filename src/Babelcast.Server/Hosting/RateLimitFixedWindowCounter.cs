using System.Collections.Concurrent;

namespace Babelcast.Server.Hosting;

/// <summary>
/// Fixed windows per key on the injected clock. System.Threading.RateLimiting reads the real clock, which a test
/// cannot move: a test of "retry after N s" would have to sleep N s.
/// </summary>
internal sealed class RateLimitFixedWindowCounter(RateLimitWindow window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _pruneGate = new();
    private DateTimeOffset _nextPrune = time.GetUtcNow() + window.Window;

    /// <summary>Counts one request for <paramref name="key"/>; false, with the time until its window ends, when over the limit.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        lock (slot)
        {
            if (now >= slot.WindowEnd)
            {
                slot.WindowEnd = now + window.Window;
                slot.Count = 0;
            }

            if (slot.Count < window.PermitLimit)
            {
                slot.Count++;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = slot.WindowEnd - now;
            return false;
        }
    }

    // Windows that have ended hold nothing worth keeping: drop them at most once per window, so that the table holds
    // only the keys seen in about the last two windows.
    private void PruneIfDue(DateTimeOffset now)
    {
        lock (_pruneGate)
        {
            if (now < _nextPrune)
            {
                return;
            }

            _nextPrune = now + window.Window;
        }

        foreach (var (key, slot) in _slots)
        {
            lock (slot)
            {
                if (now >= slot.WindowEnd)
                {
                    _slots.TryRemove(new KeyValuePair<string, Slot>(key, slot));
                }
            }
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset WindowEnd { get; set; }

        public int Count { get; set; }
    }
}
