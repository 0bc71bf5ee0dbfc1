using System.Collections.Concurrent;

namespace Babelcast.Core.Limits;

/// <summary>
/// The embedded lockout: one record per key in this process, on the injected clock. Also the fallback of a shared
/// lockout whose store is unreachable. Completes synchronously.
/// </summary>
public sealed class InProcessFailureLockout(TimeProvider time) : IFailureLockout
{
    // Beyond this many tracked keys, records whose window and lockout are over are dropped first.
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ValueTask<TimeSpan?> RetryAfterAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(RetryAfter(key));

    public ValueTask RecordFailureAsync(string key, LockoutPolicy policy, CancellationToken cancellationToken)
    {
        RecordFailure(key, policy);
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordSuccessAsync(string key, CancellationToken cancellationToken)
    {
        RecordSuccess(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous form of <see cref="RetryAfterAsync"/>.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        lock (entry)
        {
            var left = entry.LockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>The synchronous form of <see cref="RecordFailureAsync"/>.</summary>
    public void RecordFailure(string key, LockoutPolicy policy)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= PruneThreshold)
        {
            Prune(now, policy.Window);
        }

        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (now - entry.LastFailure > policy.Window && now >= entry.LockedUntil)
            {
                entry.Failures = 0;
                entry.Lockouts = 0;
            }

            entry.LastFailure = now;
            if (++entry.Failures < policy.MaxFailures)
            {
                return;
            }

            entry.Failures = 0;
            entry.Lockouts = Math.Min(entry.Lockouts + 1, LockoutPolicy.MaxLockouts);
            entry.LockedUntil = now + policy.LockoutFor(entry.Lockouts);
        }
    }

    /// <summary>The synchronous form of <see cref="RecordSuccessAsync"/>.</summary>
    public void RecordSuccess(string key) => _entries.TryRemove(key, out _);

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (now - entry.LastFailure > window && now >= entry.LockedUntil)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }

        public int Lockouts { get; set; }

        public DateTimeOffset LastFailure { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
