namespace Babelcast.Core.Ingest;

public enum IngestWriteResult
{
    Accepted,

    /// <summary>The session's bounded queue is full; the item was not accepted.</summary>
    Full,

    /// <summary>The session's log is closed (ended).</summary>
    Closed,
}

/// <summary>
/// Per-session, ordered, bounded audio log between the speaker socket and the session pipeline.
/// Embedded default: an in-process channel; cluster mode: a broker sharded by session id.
/// </summary>
public interface IAudioIngest
{
    IngestWriteResult TryWrite(string sessionId, IngestItem item);

    /// <summary>Reads the session's items in order until the log is completed or the token is cancelled. One reader per session.</summary>
    IAsyncEnumerable<IngestItem> ReadAllAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Closes the session's log; readers finish after the items already written.</summary>
    void Complete(string sessionId);

    /// <summary>Forgets a completed session's log.</summary>
    void Remove(string sessionId);
}
