using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// The one path of session state changes (REST, the speaker's socket, the expiry sweeper): the store write, then the
/// pipeline and the sockets, in the order the protocol promises. Sockets are reached through the bus only; pause,
/// resume, mute and hold through the state bus, which every node with connections of the session applies
/// (<see cref="LiveStateApplier"/>), whichever node the change was made on.
/// </summary>
internal sealed class LiveSessions(
    ISessionStore store,
    IConnectionStore connections,
    IBroadcaster broadcaster,
    IListenerPresence presence,
    ISessionPipelines pipelines,
    ISessionStateBus states,
    Sessions.SessionTierCache tiers,
    BabelcastMetrics metrics,
    TimeProvider time,
    ILogger<LiveSessions> logger,
    Operator.PreparedScripts scripts) : ILiveSessions
{
    public IReadOnlyCollection<string> ActiveSessionIds => connections.SessionIds.Union(pipelines.RunningSessions).ToList();

    public LiveSessionSnapshot Snapshot(string sessionId)
    {
        var runtime = connections.Find(sessionId);
        var counts = presence.GetListenerCounts(sessionId);
        return runtime is null && counts.Count == 0
            ? LiveSessionSnapshot.Empty
            : new LiveSessionSnapshot(counts.Values.Sum(), counts, runtime?.Muted ?? false, runtime?.Speaker is not null, runtime?.Held ?? false);
    }

    public async ValueTask<LiveSessionSnapshot> SnapshotAsync(string sessionId, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot(sessionId);
        if (connections.Find(sessionId) is not null)
        {
            return snapshot;
        }

        var known = await states.ReadAsync(sessionId, cancellationToken);
        var muted = known.Any(c => c is { Flag: SessionFlag.Muted, Value: true });
        var held = known.Any(c => c is { Flag: SessionFlag.Held, Value: true });
        return snapshot with { Muted = snapshot.Muted || muted, Held = snapshot.Held || held };
    }

    public async ValueTask<SessionRecord?> SetStatusAsync(string sessionId, SessionStatus status, SessionChangeOrigin origin, CancellationToken cancellationToken)
    {
        var (updated, stored) = await WriteAsync(sessionId, status, origin, "status", cancellationToken);
        if (stored && updated is not { Status: not SessionStatus.Ended })
        {
            // Unknown, or ended meanwhile: nothing to apply; the speaker still learns where the session stands.
            AcknowledgeIfSpeaker(sessionId, origin);
            return updated;
        }

        // Every node with connections of the session applies it (LiveStateApplier): embedded, this one, at once.
        states.Publish(sessionId, new SessionStateChange(SessionFlag.Paused, status == SessionStatus.Paused, origin == SessionChangeOrigin.Speaker));
        return updated;
    }

    public async ValueTask<SessionRecord?> EndAsync(string sessionId, string reason, SessionChangeOrigin origin, CancellationToken cancellationToken)
    {
        var (updated, stored) = await WriteAsync(sessionId, SessionStatus.Ended, origin, "ending", cancellationToken);
        if (stored && updated is null && origin != SessionChangeOrigin.Speaker)
        {
            return null;
        }

        // The phrase in progress is recognised and delivered before anyone hears that the session ended.
        await pipelines.EndAsync(sessionId, cancellationToken);
        tiers.Forget(sessionId);
        var connectedHere = connections.Find(sessionId) is not null;
        broadcaster.EndSession(sessionId, ConnectionMessages.SessionEnded(sessionId, reason));
        scripts.Remove(sessionId); // prepared text is of no use once the session has ended
        if (connectedHere)
        {
            Log.SessionEnded(logger, sessionId, reason);
        }

        return updated;
    }

    public void SetMuted(string sessionId, bool muted) =>
        states.Publish(sessionId, new SessionStateChange(SessionFlag.Muted, muted, Acknowledge: true));

    public void SetHeld(string sessionId, bool held) =>
        states.Publish(sessionId, new SessionStateChange(SessionFlag.Held, held, Acknowledge: true));

    /// <summary>
    /// A store that refuses a write (read-only database, full disk) must not cost the live session: the speaker is told
    /// and the live state changes anyway (an end not stored is ended later by the idle sweep).
    /// </summary>
    private void ReportStoreFailure(string sessionId, string what, Exception exception)
    {
        metrics.Error(ErrorCodes.StorageUnavailable);
        Log.StoreWriteFailed(logger, sessionId, what, exception);
        broadcaster.SendToSpeaker(sessionId, ConnectionMessages.Error(ErrorCodes.StorageUnavailable, $"The session's {what} could not be saved; the live session goes on."));
    }

    public static OutboundFrame StatusChanged(SessionRuntime runtime) => SpeakerMessages.StatusChanged(runtime.Status, runtime.Muted, runtime.Held);

    /// <summary>The stored record and true, or (null, false) when the speaker's write was refused and reported.</summary>
    private async ValueTask<(SessionRecord? Updated, bool Stored)> WriteAsync(
        string sessionId, SessionStatus status, SessionChangeOrigin origin, string what, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.UpdateStatusAsync(sessionId, status, time.GetUtcNow(), cancellationToken), true);
        }
        catch (Exception ex) when (origin == SessionChangeOrigin.Speaker && ex is not OperationCanceledException)
        {
            ReportStoreFailure(sessionId, what, ex);
            return (null, false);
        }
    }

    /// <summary>A request from the speaker's socket is always answered with the status, changed or not.</summary>
    private void AcknowledgeIfSpeaker(string sessionId, SessionChangeOrigin origin)
    {
        if (origin == SessionChangeOrigin.Speaker && connections.Find(sessionId) is { } runtime)
        {
            broadcaster.SendToSpeaker(sessionId, StatusChanged(runtime));
        }
    }
}
