using System.Collections.Concurrent;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// Reads each session's glossaries from the store at most once per <see cref="GlossaryOptions.RefreshInterval"/> (a
/// store round trip per phrase would be wasted on glossaries that rarely change); a change through this node clears
/// the cache so that it applies from the next phrase. A store that fails keeps the last glossary known.
/// </summary>
public sealed class SessionGlossaryCache(IGlossaryStore store, IOptions<GlossaryOptions> options, TimeProvider time, ILogger<SessionGlossaryCache> logger)
    : ISessionGlossaries
{
    /// <summary>Sessions remembered before the cache starts over (ended sessions are never removed one by one).</summary>
    private const int MaxSessions = 10_000;

    private readonly ConcurrentDictionary<string, Cached> _sessions = new(StringComparer.Ordinal);
    private long _generation;

    public async ValueTask<SessionGlossary> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_sessions.TryGetValue(sessionId, out var cached) && cached.Generation == generation &&
            time.GetElapsedTime(cached.LoadedAt) < options.Value.RefreshInterval)
        {
            return cached.Glossary;
        }

        try
        {
            var glossaries = await store.GetSessionGlossariesAsync(sessionId, cancellationToken);
            var glossary = glossaries.Count == 0 ? SessionGlossary.Empty : new SessionGlossary(glossaries.SelectMany(g => g.Entries));
            if (_sessions.Count >= MaxSessions)
            {
                _sessions.Clear();
            }

            _sessions[sessionId] = new Cached(glossary, time.GetTimestamp(), generation);
            if (cached?.Glossary.RecognitionKey != glossary.RecognitionKey)
            {
                Log.GlossaryLoaded(logger, sessionId, glossary.Entries.Count, glossary.RecognitionKey);
            }

            return glossary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.GlossaryReadFailed(logger, sessionId, ex);
            return cached?.Glossary ?? SessionGlossary.Empty;
        }
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private sealed record Cached(SessionGlossary Glossary, long LoadedAt, long Generation);
}
