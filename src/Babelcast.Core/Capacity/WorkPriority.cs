namespace Babelcast.Core.Capacity;

/// <summary>
/// The classes of recognition work the <see cref="WorkScheduler"/> orders, most urgent first. Final passes make the
/// captions and audio listeners wait for; streaming and partial work only keeps live text moving and may wait briefly
/// (its audio waits in the session's ingest log and is caught up).
/// </summary>
public enum WorkPriority
{
    /// <summary>A final pass of a session's first phrase: the one a new audience waits for, on a cold session.</summary>
    FirstPhraseFinal = 0,

    /// <summary>A final pass (or its speculative head start) of any later phrase.</summary>
    Final = 1,

    /// <summary>A streaming recogniser chunk (the speaker's partials and the decoder's history).</summary>
    Streaming = 2,

    /// <summary>A translation of a partial caption for listeners: only the newest counts, so it waits the longest.</summary>
    Partial = 3,
}
