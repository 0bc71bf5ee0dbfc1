namespace Babelcast.Core.Storage;

public interface ISessionStore
{
    /// <summary>Inserts the session; false if the id already exists.</summary>
    ValueTask<bool> TryCreateAsync(SessionRecord session, CancellationToken cancellationToken);

    ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The owner's sessions, newest first.</summary>
    ValueTask<IReadOnlyList<SessionRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Sets the status; an ended session never changes again. Returns the updated record, or null if unknown.</summary>
    ValueTask<SessionRecord?> UpdateStatusAsync(string sessionId, SessionStatus status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets the quality tier of a session not ended. Returns the updated record (unchanged if ended), or null if unknown.</summary>
    ValueTask<SessionRecord?> UpdateQualityTierAsync(string sessionId, string qualityTier, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records activity (audio, a listener) so that the idle sweeper leaves the session alone.</summary>
    ValueTask TouchAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sessions not ended whose last activity is before <paramref name="idleBefore"/> or whose expiry is before <paramref name="now"/>.</summary>
    ValueTask<IReadOnlyList<SessionRecord>> ListExpiredAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken);
}
