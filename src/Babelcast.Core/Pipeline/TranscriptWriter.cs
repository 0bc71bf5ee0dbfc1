using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>
/// The pipeline's writes to the transcript store. A write the store refuses (read-only database, full disk) does not
/// stop the phrase: it is kept in memory, in order per session, and retried every
/// <see cref="PipelineOptions.StorageRetryInterval"/> until stored, while captions and audio go on live. The speaker
/// is told once per outage (<c>STORAGE_UNAVAILABLE</c>); a write that cannot be kept (the backlog is full) or keeps
/// failing while the store takes other writes is reported to the speaker with its seq, so a phrase that listeners saw
/// is either in the transcript once storage is back or reported missing. Store writes are idempotent, so a retry
/// after a write that did land is harmless.
/// </summary>
public sealed class TranscriptWriter : IAsyncDisposable
{
    /// <summary>Failed retries (while other writes succeed) after which a kept write is given up as the problem itself.</summary>
    internal const int MaxFailuresWhileStoreWorks = 3;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<PendingTranscriptWrite>> _backlogs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITranscriptStore _store;
    private readonly IBroadcaster _broadcaster;
    private readonly BabelcastMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly PipelineOptions _options;
    private readonly ILogger<TranscriptWriter> _logger;
    private Task _retrying = Task.CompletedTask;
    private int _pending;
    private long _lastSuccess;
    private DateTimeOffset? _failingSince;

    public TranscriptWriter(
        ITranscriptStore store, IBroadcaster broadcaster, BabelcastMetrics metrics, TimeProvider time, IOptions<PipelineOptions> options, ILogger<TranscriptWriter> logger)
    {
        (_store, _broadcaster, _metrics, _time, _options, _logger) = (store, broadcaster, metrics, time, options.Value, logger);
    }

    /// <summary>Writes kept in memory because the store refused them.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>When the oldest kept write first failed; null while nothing is kept.</summary>
    public DateTimeOffset? FailingSince
    {
        get
        {
            lock (_gate)
            {
                return _failingSince;
            }
        }
    }

    public ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken) =>
        WriteAsync(new(phrase.SessionId, phrase.Seq, PendingTranscriptWrite.PhraseKind, (s, ct) => s.AddPhraseAsync(phrase, ct)), cancellationToken);

    public ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken) =>
        WriteAsync(new(translation.SessionId, translation.Seq, "translation into " + translation.Language, (s, ct) => s.AddTranslationAsync(translation, ct)), cancellationToken);

    public ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken) =>
        WriteAsync(new(sessionId, seq, "timings", (s, ct) => s.UpdatePhraseTimingsAsync(sessionId, seq, timingsJson, ct)), cancellationToken);

    /// <summary>The highest seq among the session's kept writes (0 if none): the store does not know it yet.</summary>
    public long LastPendingSeq(string sessionId)
    {
        lock (_gate)
        {
            return _backlogs.TryGetValue(sessionId, out var queue) && queue.Count > 0 ? queue.Max(w => w.Seq) : 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _retrying.ContinueWith(static _ => { }, TaskScheduler.Default);
        if (Pending is > 0 and var lost)
        {
            Log.TranscriptBacklogLostAtShutdown(_logger, lost);
        }

        _stopping.Dispose();
    }

    private async ValueTask WriteAsync(PendingTranscriptWrite write, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Behind a backlog the write waits its turn: a translation needs its phrase row, timings too.
            if (_backlogs.TryGetValue(write.SessionId, out var queue))
            {
                Keep(queue, write);
                return;
            }
        }

        try
        {
            await write.ApplyAsync(_store, cancellationToken);
            Interlocked.Exchange(ref _lastSuccess, _time.GetTimestamp());
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Hold(write, ex);
        }
    }

    private void Hold(PendingTranscriptWrite write, Exception exception)
    {
        bool first;
        lock (_gate)
        {
            first = !_backlogs.TryGetValue(write.SessionId, out var queue);
            if (first)
            {
                queue = new LinkedList<PendingTranscriptWrite>();
                _backlogs[write.SessionId] = queue;
            }

            if (!Keep(queue!, write))
            {
                return;
            }
        }

        if (first)
        {
            _metrics.Error(ErrorCodes.StorageUnavailable);
            Log.TranscriptWriteFailed(_logger, write.SessionId, write.Seq, write.Kind, exception);
            _broadcaster.SendToSpeaker(write.SessionId, ConnectionMessages.Error(ErrorCodes.StorageUnavailable,
                $"The transcript cannot be saved at the moment (from phrase {write.Seq}); captions and audio go on live, and unsaved phrases are kept and saved when storage is back."));
        }
    }

    /// <summary>Appends to the session's backlog (caller holds the lock); false, and reported, when the backlog is full.</summary>
    private bool Keep(LinkedList<PendingTranscriptWrite> queue, PendingTranscriptWrite write)
    {
        if (_pending >= _options.StorageBacklogCapacity)
        {
            ReportLost(write, "the backlog of unsaved writes is full");
            if (queue.Count == 0)
            {
                _backlogs.Remove(write.SessionId);
            }

            return false;
        }

        write.LastFailure = _time.GetTimestamp();
        queue.AddLast(write);
        _pending++;
        _failingSince ??= _time.GetUtcNow();
        if (_retrying.IsCompleted)
        {
            _retrying = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
        }

        return true;
    }

    private void ReportLost(PendingTranscriptWrite write, string reason)
    {
        _metrics.Error(ErrorCodes.StorageUnavailable);
        Log.TranscriptWriteLost(_logger, write.SessionId, write.Seq, write.Kind, reason);
        _broadcaster.SendToSpeaker(write.SessionId, ConnectionMessages.Error(ErrorCodes.StorageUnavailable,
            $"Phrase {write.Seq} could not be saved ({write.Kind}) and is missing from the transcript."));
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_options.StorageRetryInterval, _time, cancellationToken);
            string[] sessions;
            lock (_gate)
            {
                sessions = [.. _backlogs.Keys];
            }

            foreach (var session in sessions)
            {
                await DrainAsync(session, cancellationToken);
            }

            lock (_gate)
            {
                if (_pending == 0)
                {
                    _failingSince = null;
                    _retrying = Task.CompletedTask;
                    return;
                }
            }
        }
    }

    /// <summary>Stores the session's kept writes in order; stops at the first that still fails.</summary>
    private async Task DrainAsync(string session, CancellationToken cancellationToken)
    {
        var stored = 0;
        while (Peek(session) is { } head)
        {
            try
            {
                await head.ApplyAsync(_store, cancellationToken);
                Interlocked.Exchange(ref _lastSuccess, _time.GetTimestamp());
                stored++;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Only if the store takes other writes while this one fails is this write itself the problem.
                var storeWorked = Interlocked.Read(ref _lastSuccess) > head.LastFailure;
                head.LastFailure = _time.GetTimestamp();
                storeWorked |= await ProbeAsync(session, head, cancellationToken);
                if (!storeWorked || ++head.FailuresWhileStoreWorked < MaxFailuresWhileStoreWorks)
                {
                    return;
                }

                ReportLost(head, "it keeps failing while other writes succeed");
            }

            if (Remove(session, head) && stored > 0)
            {
                Log.TranscriptBacklogStored(_logger, session, stored);
            }
        }
    }

    /// <summary>
    /// Tries the session's first kept write of a later phrase (it does not depend on <paramref name="head"/>'s phrase), so
    /// that a session whose only backlog is stuck behind one bad write can tell that from an outage; true if it was stored.
    /// </summary>
    private async Task<bool> ProbeAsync(string session, PendingTranscriptWrite head, CancellationToken cancellationToken)
    {
        LinkedListNode<PendingTranscriptWrite>? node;
        lock (_gate)
        {
            node = _backlogs[session].First;
            while (node is not null && node.Value.Seq == head.Seq)
            {
                node = node.Next;
            }
        }

        if (node is null)
        {
            return false;
        }

        try
        {
            await node.Value.ApplyAsync(_store, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        lock (_gate)
        {
            if (node.List is { } list)
            {
                list.Remove(node);
                _pending--;
            }
        }

        Interlocked.Exchange(ref _lastSuccess, _time.GetTimestamp());
        return true;
    }

    private PendingTranscriptWrite? Peek(string session)
    {
        lock (_gate)
        {
            return _backlogs.TryGetValue(session, out var queue) && queue.Count > 0 ? queue.First!.Value : null;
        }
    }

    /// <summary>
    /// Removes <paramref name="head"/>, and if it is a phrase given up, the writes of that phrase kept behind it (they
    /// need its row); true when that emptied the session's backlog.
    /// </summary>
    private bool Remove(string session, PendingTranscriptWrite head)
    {
        lock (_gate)
        {
            var queue = _backlogs[session];
            queue.RemoveFirst();
            _pending--;
            if (head.FailuresWhileStoreWorked >= MaxFailuresWhileStoreWorks && head.Kind == PendingTranscriptWrite.PhraseKind)
            {
                for (var node = queue.First; node is not null;)
                {
                    var next = node.Next;
                    if (node.Value.Seq == head.Seq)
                    {
                        queue.Remove(node);
                        _pending--;
                    }

                    node = next;
                }
            }

            if (queue.Count > 0)
            {
                return false;
            }

            _backlogs.Remove(session);
            return true;
        }
    }
}
