using Babelcast.Core.Storage;

namespace Babelcast.Server.Tests.Faults;

/// <summary>The real session store, whose writes fail while the <see cref="StorageFault"/> is on.</summary>
internal sealed class FaultySessionStore(ISessionStore inner, StorageFault fault) : ISessionStore
{
    public ValueTask<bool> TryCreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.TryCreateAsync(session, cancellationToken);
    }

    public ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken) => inner.GetAsync(sessionId, cancellationToken);

    public ValueTask<IReadOnlyList<SessionRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken) =>
        inner.ListByOwnerAsync(ownerId, cancellationToken);

    public ValueTask<SessionRecord?> UpdateStatusAsync(string sessionId, SessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.UpdateStatusAsync(sessionId, status, now, cancellationToken);
    }

    public ValueTask<SessionRecord?> UpdateQualityTierAsync(string sessionId, string qualityTier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.UpdateQualityTierAsync(sessionId, qualityTier, now, cancellationToken);
    }

    public ValueTask TouchAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        fault.ThrowIfFailing();
        return inner.TouchAsync(sessionId, now, cancellationToken);
    }

    public ValueTask<IReadOnlyList<SessionRecord>> ListExpiredAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ListExpiredAsync(idleBefore, now, cancellationToken);
}
