using Babelcast.Core.Storage;

namespace Babelcast.Core.Sessions;

/// <summary>
/// The live side of sessions: who is connected right now, and the fan-out of status changes.
/// The REST API uses it so that a PATCH or DELETE reaches the sockets and the pipeline.
/// </summary>
public interface ILiveSessions
{
    LiveSessionSnapshot Snapshot(string sessionId);

    /// <summary>Applies a stored status change (pause/resume) to the pipeline and tells every listener.</summary>
    ValueTask ApplyStatusAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Flushes the last phrase, sends <c>sessionEnded</c> to everyone and closes the sockets.</summary>
    ValueTask EndAsync(string sessionId, string reason, CancellationToken cancellationToken);

    /// <summary>Ids of sessions that have a live pipeline or connections on this node.</summary>
    IReadOnlyCollection<string> ActiveSessionIds { get; }
}
