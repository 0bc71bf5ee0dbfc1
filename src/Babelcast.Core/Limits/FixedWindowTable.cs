using System.Collections.Concurrent;

namespace Babelcast.Core.Limits;

/// <summary>
/// Fixed windows per key on the injected clock. System.Threading.RateLimiting reads the real clock, which a test
/// cannot move: a test of "retry after N s" would have to sleep N s.
/// </summary>
internal sealed class FixedWindowTable(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _pruneGate = new();
    private DateTimeOffset _nextPrune = time.GetUtcNow() + window;

    /// <summary>Counts one request for <paramref name="key"/>; refused, with the time until its window ends, when over the limit.</summary>
    public FixedWindowDecision TryAcquire(string key, int permitLimit)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        lock (slot)
        {
            if (now >= slot.WindowEnd)
            {
                slot.WindowEnd = now + window;
                slot.Count = 0;
            }

            if (slot.Count < permitLimit)
            {
                slot.Count++;
                return FixedWindowDecision.Allowed;
            }

            return FixedWindowDecision.Refused(slot.WindowEnd - now);
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

            _nextPrune = now + window;
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
