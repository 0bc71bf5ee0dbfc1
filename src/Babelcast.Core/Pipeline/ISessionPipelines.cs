namespace Babelcast.Core.Pipeline;

/// <summary>
/// Where sessions' pipelines run, as the live path sees it: on this node (<see cref="PipelineHost"/>, the embedded
/// default), or on whichever cluster worker claims the session. The speaker's connection starts a session's pipeline
/// and the session's end stops it, after the phrase in progress has been delivered.
/// </summary>
public interface ISessionPipelines
{
    /// <summary>Sessions whose pipelines this node runs or has started.</summary>
    IReadOnlyCollection<string> RunningSessions { get; }

    /// <summary>
    /// Whether a pause or resume applied while no speaker is connected to this node still goes into the session's log
    /// from this node. Embedded: while its pipeline runs here (the speaker's reconnect grace). In a cluster: never; only
    /// the node holding the speaker writes the marker, in order with its audio, so that two writers cannot interleave
    /// stale markers, and a speaker's (re)connection writes the stored state first (<see cref="StartAsync"/>).
    /// </summary>
    bool MarksPauseWithoutSpeaker(string sessionId);

    /// <summary>Makes sure a pipeline runs for the session (idempotent). Throws when that cannot be arranged.</summary>
    ValueTask StartAsync(string sessionId, string sourceLanguage, bool paused, CancellationToken cancellationToken);

    /// <summary>Ends the session's pipeline once the phrase in progress has been delivered.</summary>
    ValueTask EndAsync(string sessionId, CancellationToken cancellationToken);
}
