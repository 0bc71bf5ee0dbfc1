using Babelcast.Core.Storage;

namespace Babelcast.Core.Sessions;

/// <summary>
/// The live side of sessions: who is connected right now, and the one path of every state change. Pause, resume and
/// end take the same method whether the REST API, the speaker's socket or the expiry sweeper asks for them: the store
/// is written and the pipeline, the listeners and the speaker are told there, once.
/// </summary>
public interface ILiveSessions
{
    /// <summary>What this node knows now: the listener counts (every node's) and this node's runtime of the session.</summary>
    LiveSessionSnapshot Snapshot(string sessionId);

    /// <summary>
    /// As <see cref="Snapshot"/>, with the flags another node published when this node holds no connection of the
    /// session (in a cluster; embedded it completes synchronously with the same result).
    /// </summary>
    ValueTask<LiveSessionSnapshot> SnapshotAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a pause or resume, then applies it: a marker in the ingest log (in order with the audio), then every
    /// listener and the speaker are told. Returns the stored record (still ended if it ended meanwhile), or null if the
    /// session is unknown or, for <see cref="SessionChangeOrigin.Speaker"/>, the store refused the write.
    /// </summary>
    ValueTask<SessionRecord?> SetStatusAsync(string sessionId, SessionStatus status, SessionChangeOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the end (final), then ends it live: flushes the last phrase, sends <c>sessionEnded</c> to everyone and
    /// closes the sockets. Returns the stored record, or null as for <see cref="SetStatusAsync"/>.
    /// </summary>
    ValueTask<SessionRecord?> EndAsync(string sessionId, string reason, SessionChangeOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Mutes or unmutes the speaker's audio for every listener, on every node (live only: a mute is not in the session
    /// store; a cluster's state bus keeps it for nodes that connect to the session later).
    /// </summary>
    void SetMuted(string sessionId, bool muted);

    /// <summary>
    /// Holds the broadcast for music, or ends the hold, on every node: no phrase is made from the speaker's audio while
    /// held, listeners show a music state, and the session stays active (live only, as <see cref="SetMuted"/>).
    /// </summary>
    void SetHeld(string sessionId, bool held);

    /// <summary>Ids of sessions that have a live pipeline or connections on this node.</summary>
    IReadOnlyCollection<string> ActiveSessionIds { get; }
}
