using System.Collections.Concurrent;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.Sessions;

/// <summary>
/// The tier the pipeline reads at each phrase, from the session store through a small cache. A change made on this
/// node (creation, PATCH) is put here at once, so it applies from the next phrase; a change made on another cluster
/// node is read again from the store within <see cref="Refresh"/> (in the background: a phrase never waits for the
/// store once the session is known). Entries go when the session ends.
/// </summary>
internal sealed class SessionTierCache(ISessionStore store, TimeProvider time, ILogger<SessionTierCache> logger) : ISessionTiers
{
    /// <summary>How old a cached tier may be before the store is asked again (only a change from another node needs it).</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<QualityTier> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(sessionId, out var entry))
        {
            if (time.GetElapsedTime(entry.ReadAt) > Refresh && _entries.TryUpdate(sessionId, entry with { ReadAt = time.GetTimestamp() }, entry))
            {
                _ = RefreshAsync(sessionId);
            }

            return entry.Tier;
        }

        return await ReadAsync(sessionId, cancellationToken) ?? QualityTier.Standard;
    }

    /// <summary>Records a tier just stored on this node.</summary>
    public void Set(string sessionId, QualityTier tier) => _entries[sessionId] = new Entry(tier, time.GetTimestamp());

    public void Forget(string sessionId) => _entries.TryRemove(sessionId, out _);

    private async Task RefreshAsync(string sessionId)
    {
        try
        {
            await ReadAsync(sessionId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.TierReadFailed(logger, sessionId, ex);
        }
    }

    private async ValueTask<QualityTier?> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        SessionRecord? session;
        try
        {
            session = await store.GetAsync(sessionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that cannot be read must not cost the phrase: the standard engines serve it.
            Log.TierReadFailed(logger, sessionId, ex);
            return null;
        }

        if (session is null || session.Status == SessionStatus.Ended)
        {
            return null;
        }

        var tier = QualityTiers.ToTier(session.QualityTier);
        _entries[sessionId] = new Entry(tier, time.GetTimestamp());
        return tier;
    }

    private sealed record Entry(QualityTier Tier, long ReadAt);
}
