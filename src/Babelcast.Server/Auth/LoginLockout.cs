using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Auth;

/// <summary>
/// Counts wrong passwords per username (known or not, so that answers do not reveal which names exist) and locks a
/// username for a bounded, growing time. While locked even the right password is refused, or the lockout would tell a
/// guesser when it has found the password. A success clears the username's record.
/// </summary>
internal sealed class LoginLockout(IOptions<LockoutOptions> options, TimeProvider timeProvider)
{
    // Beyond this many tracked names, records whose window and lockout are over are dropped first.
    private const int PruneThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="username"/> is still locked, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string username)
    {
        if (!_entries.TryGetValue(username, out var entry))
        {
            return null;
        }

        lock (entry)
        {
            var left = entry.LockedUntil - timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void RecordFailure(string username)
    {
        var limits = options.Value;
        var now = timeProvider.GetUtcNow();
        if (_entries.Count >= PruneThreshold)
        {
            Prune(now, limits.Window);
        }

        var entry = _entries.GetOrAdd(username, _ => new Entry());
        lock (entry)
        {
            if (now - entry.LastFailure > limits.Window && now >= entry.LockedUntil)
            {
                entry.Failures = 0;
                entry.Lockouts = 0;
            }

            entry.LastFailure = now;
            if (++entry.Failures < limits.MaxFailures)
            {
                return;
            }

            entry.Failures = 0;
            entry.Lockouts = Math.Min(entry.Lockouts + 1, 30);
            var ticks = Math.Min(limits.LockoutDuration.Ticks * Math.Pow(2, entry.Lockouts - 1), limits.MaxLockoutDuration.Ticks);
            entry.LockedUntil = now + TimeSpan.FromTicks((long)ticks);
        }
    }

    public void RecordSuccess(string username) => _entries.TryRemove(username, out _);

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (name, entry) in _entries)
        {
            lock (entry)
            {
                if (now - entry.LastFailure > window && now >= entry.LockedUntil)
                {
                    _entries.TryRemove(name, out _);
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
