namespace Babelcast.Core.Sessions;

/// <summary>
/// The one path of a session's live state changes (pause, resume, mute, unmute, hold, unhold) to the nodes: every node with
/// connections of the session applies each change to its own runtime (the speaker's node gates the audio and marks the
/// ingest log, every node tells its own listeners). Embedded, publishing is applying on this node; a cluster bus
/// publishes to all nodes and keeps the last value of each flag for a node that connects to the session later.
/// </summary>
public interface ISessionStateBus
{
    /// <summary>Sends the change to every node with connections of the session, this one included; never waits for Redis.</summary>
    void Publish(string sessionId, SessionStateChange change);

    /// <summary>
    /// The flags last published for the session by any node, for a runtime created on this node after they were
    /// published; empty when nothing is known beyond this node (embedded: always, since this node's runtime is the truth).
    /// </summary>
    ValueTask<IReadOnlyList<SessionStateChange>> ReadAsync(string sessionId, CancellationToken cancellationToken);
}
