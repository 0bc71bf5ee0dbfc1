namespace Babelcast.Core.Ingest;

public enum IngestWriteResult
{
    Accepted,

    /// <summary>The session's bounded queue is full; the item was not accepted.</summary>
    Full,

    /// <summary>The session's log is closed (ended).</summary>
    Closed,

    /// <summary>
    /// The item's <see cref="IngestItem.ClientSeq"/> is not above the session's last accepted one: it was appended
    /// before (a speaker client resending after a reconnect) and is dropped. An ingest that appends asynchronously may
    /// report <see cref="Accepted"/> and drop the duplicate when it appends.
    /// </summary>
    Duplicate,
}

/// <summary>
/// Per-session, ordered, bounded audio log between the speaker socket and the session pipeline.
/// Embedded default: an in-process channel; cluster mode: a broker sharded by session id.
/// </summary>
public interface IAudioIngest
{
    /// <summary>
    /// Appends an item. An audio item with a <see cref="IngestItem.ClientSeq"/> is appended only if that number is above
    /// every client number the session has taken, from any connection or node, checked atomically with the append.
    /// </summary>
    IngestWriteResult TryWrite(string sessionId, IngestItem item);

    /// <summary>
    /// The highest <see cref="IngestItem.ClientSeq"/> the session's log has taken (0 if none), so that a reconnecting
    /// speaker client resends only what is missing. Items still queued for an asynchronous append are not counted yet:
    /// the client then resends them and the duplicates are dropped.
    /// </summary>
    ValueTask<long> LastClientSeqAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Reads the session's items in order until the log is completed or the token is cancelled. One reader per session.</summary>
    IAsyncEnumerable<IngestItem> ReadAllAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Closes the session's log; readers finish after the items already written.</summary>
    void Complete(string sessionId);

    /// <summary>Forgets a completed session's log.</summary>
    void Remove(string sessionId);
}
