using Babelcast.Core.Storage;

namespace Babelcast.Core.Pipeline;

/// <summary>One transcript write that the store refused, kept in order until it is stored or given up.</summary>
internal sealed class PendingTranscriptWrite(string sessionId, long seq, string kind, Func<ITranscriptStore, CancellationToken, ValueTask> apply)
{
    public const string PhraseKind = "phrase";

    public string SessionId { get; } = sessionId;

    public long Seq { get; } = seq;

    /// <summary>"phrase", "translation" or "timings": for the log.</summary>
    public string Kind { get; } = kind;

    /// <summary>When the write last failed (or was queued behind one that had), as a <see cref="TimeProvider"/> timestamp.</summary>
    public long LastFailure { get; set; }

    /// <summary>Retries that failed while the store accepted other writes: a sign that this write itself is the problem.</summary>
    public int FailuresWhileStoreWorked { get; set; }

    public ValueTask ApplyAsync(ITranscriptStore store, CancellationToken cancellationToken) => apply(store, cancellationToken);
}
