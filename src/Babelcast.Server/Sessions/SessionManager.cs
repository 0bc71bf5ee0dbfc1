using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Sessions;

/// <summary>Creates sessions; state changes go through <see cref="ILiveSessions"/>, the one path they all take.</summary>
internal sealed class SessionManager(
    ISessionStore store,
    ILiveSessions live,
    SessionTierCache tiers,
    SessionIdGenerator ids,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionManager> logger)
{
    public const int MaxIdAttempts = 20;

    /// <summary>The new session, or null when no free id was found in <see cref="MaxIdAttempts"/> tries.</summary>
    public async ValueTask<SessionRecord?> CreateAsync(string ownerId, string sourceLanguage, string qualityTier, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        for (var attempt = 1; attempt <= MaxIdAttempts; attempt++)
        {
            var session = new SessionRecord(ids.Next(), ownerId, sourceLanguage, qualityTier, SessionStatus.Active,
                now, now, now, now + options.Value.MaxLifetime, null);
            if (await store.TryCreateAsync(session, cancellationToken))
            {
                tiers.Set(session.Id, QualityTiers.ToTier(qualityTier));
                Log.SessionCreated(logger, session.Id, sourceLanguage, attempt);
                return session;
            }
        }

        Log.SessionIdsExhausted(logger, MaxIdAttempts);
        return null;
    }

    /// <summary>Pauses or resumes; returns the stored record (still ended if it ended meanwhile), or null if unknown.</summary>
    public async ValueTask<SessionRecord?> SetStatusAsync(SessionRecord session, SessionStatus status, CancellationToken cancellationToken)
    {
        var updated = await live.SetStatusAsync(session.Id, status, SessionChangeOrigin.Api, cancellationToken);
        if (updated is { Status: not SessionStatus.Ended } && updated.Status != session.Status)
        {
            Log.SessionStatusChanged(logger, updated.Id, updated.Status);
        }

        return updated;
    }

    /// <summary>
    /// Stores a new quality tier; the pipeline reads it from the next phrase (<see cref="SessionTierCache"/>). Returns
    /// the stored record (unchanged if it ended meanwhile), or null if unknown.
    /// </summary>
    public async ValueTask<SessionRecord?> SetQualityTierAsync(SessionRecord session, string qualityTier, CancellationToken cancellationToken)
    {
        var updated = await store.UpdateQualityTierAsync(session.Id, qualityTier, timeProvider.GetUtcNow(), cancellationToken);
        if (updated is { Status: not SessionStatus.Ended })
        {
            tiers.Set(updated.Id, QualityTiers.ToTier(updated.QualityTier));
            if (updated.QualityTier != session.QualityTier)
            {
                Log.SessionTierChanged(logger, updated.Id, updated.QualityTier);
            }
        }

        return updated;
    }

    /// <summary>Marks the session ended (final), then ends it live (flush, sessionEnded to everyone, close sockets).</summary>
    public async ValueTask<SessionRecord?> EndAsync(string sessionId, string reason, SessionChangeOrigin origin, CancellationToken cancellationToken)
    {
        var updated = await live.EndAsync(sessionId, reason, origin, cancellationToken);
        if (updated is not null)
        {
            Log.SessionEnded(logger, sessionId, reason);
        }

        return updated;
    }
}
