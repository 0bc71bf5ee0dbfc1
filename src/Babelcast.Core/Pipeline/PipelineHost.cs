using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Capacity;
using Babelcast.Core.Cluster;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>Runs one <see cref="SessionPipeline"/> per live session, each on its own task.</summary>
public sealed class PipelineHost : ISessionPipelines, IAsyncDisposable
{
    /// <summary>Restarts of one session's pipeline after failures before the session is left without one.</summary>
    internal const int MaxRestarts = 3;

    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly PipelineContext _context;
    private readonly ITranscriptStore _transcripts;
    private readonly TranscriptWriter _writer;
    private readonly Lock _gate = new();
    private int _disposed;

    public PipelineHost(
        IOptions<PipelineOptions> options,
        EngineSet engines,
        IAudioIngest ingest,
        IBroadcaster broadcaster,
        IListenerPresence presence,
        PhraseProcessor processor,
        ITranscriptStore transcripts,
        TranscriptWriter writer,
        BabelcastMetrics metrics,
        TimeProvider time,
        ILoadShedding shedding,
        WorkScheduler scheduler,
        ILogger<PipelineHost> logger,
        ISessionTiers? tiers = null)
    {
        _transcripts = transcripts;
        _writer = writer;
        _context = new PipelineContext(options.Value, engines, ingest, broadcaster, presence, processor, metrics, time, shedding, scheduler, logger,
            tiers ?? StandardSessionTiers.Instance);
    }

    public IReadOnlyCollection<string> RunningSessions => _running.Keys.ToList();

    /// <inheritdoc />
    public bool MarksPauseWithoutSpeaker(string sessionId) => _running.ContainsKey(sessionId);

    /// <summary>Starts the session's pipeline unless it runs already.</summary>
    public async ValueTask EnsureStartedAsync(string sessionId, string sourceLanguage, bool paused, CancellationToken cancellationToken)
    {
        if (_running.ContainsKey(sessionId))
        {
            return;
        }

        // Phrases still waiting for the store count too, or a restarted pipeline would give their seqs out again.
        var lastSeq = Math.Max(await _transcripts.GetLastSeqAsync(sessionId, cancellationToken), _writer.LastPendingSeq(sessionId));
        lock (_gate)
        {
            if (_running.ContainsKey(sessionId))
            {
                return;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[sessionId] = new Running(done.Task);
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await SuperviseAsync(sessionId, sourceLanguage, paused, lastSeq, null, _shutdown.Token);
                    }
                    finally
                    {
                        _running.TryRemove(sessionId, out _);
                        _context.Ingest.Remove(sessionId);
                        done.TrySetResult();
                    }
                },
                CancellationToken.None);
        }
    }

    ValueTask ISessionPipelines.StartAsync(string sessionId, string sourceLanguage, bool paused, CancellationToken cancellationToken) =>
        EnsureStartedAsync(sessionId, sourceLanguage, paused, cancellationToken);

    /// <summary>
    /// Runs the session's pipeline on behalf of a cluster lease, on the caller's task, until the session's log ends (true)
    /// or <paramref name="cancellationToken"/> is cancelled (false: the lease was lost or the node stops, and the log is
    /// left for the next owner). Phrases are numbered and timed on from <paramref name="start"/>;
    /// <paramref name="checkpoint"/> is called, in order, after each delivered phrase.
    /// </summary>
    public async Task<bool> RunOwnedAsync(
        string sessionId, string sourceLanguage, IngestCheckpoint start, Func<IngestCheckpoint, CancellationToken, ValueTask> checkpoint, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_running.TryAdd(sessionId, new Running(done.Task)))
            {
                throw new InvalidOperationException($"Session {sessionId} already has a pipeline on this node.");
            }
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token, cancellationToken);
            var ended = await SuperviseAsync(sessionId, sourceLanguage, false, start.Seq, checkpoint, linked.Token, start.Ms);
            if (ended)
            {
                _context.Ingest.Remove(sessionId);
            }

            return ended;
        }
        finally
        {
            _running.TryRemove(sessionId, out _);
            done.TrySetResult();
        }
    }

    /// <summary>
    /// Runs the session's pipeline until its log ends (true) or the token is cancelled (false). A pipeline that fails (a
    /// stage's loop threw, which per-phrase handling should make impossible) is reported and started again on the same
    /// ingest log, up to <see cref="MaxRestarts"/> times, so that the session does not go silent until the speaker reconnects.
    /// </summary>
    private async Task<bool> SuperviseAsync(
        string sessionId, string sourceLanguage, bool paused, long lastSeq, Func<IngestCheckpoint, CancellationToken, ValueTask>? checkpoint, CancellationToken token,
        long startMs = 0)
    {
        for (var restart = 0; ; restart++)
        {
            using var pipeline = new SessionPipeline(sessionId, sourceLanguage, paused, lastSeq, _context, checkpoint, startMs);
            try
            {
                await pipeline.RunAsync(token);
                return true;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                Log.PipelineFailed(_context.Logger, sessionId, ex);
                _context.Metrics.Error(ErrorCodes.PipelineStageFailed);
                _context.Broadcaster.SendToSpeaker(sessionId, ConnectionMessages.Error(
                    ErrorCodes.PipelineStageFailed, "The translation pipeline failed; phrases in progress were dropped."));
                if (restart >= MaxRestarts)
                {
                    return false;
                }

                (paused, lastSeq) = (pipeline.Paused, pipeline.LastSeq);
                Log.PipelineRestarted(_context.Logger, sessionId, restart + 1);
            }
        }
    }

    /// <summary>Ends the session's pipeline after the phrase in progress has been delivered.</summary>
    public async ValueTask EndAsync(string sessionId, CancellationToken cancellationToken)
    {
        _context.Ingest.TryWrite(sessionId, IngestItem.Control(IngestKind.End, _context.Time.GetTimestamp()));
        _context.Ingest.Complete(sessionId);
        if (_running.TryGetValue(sessionId, out var running))
        {
            await running.Completion.WaitAsync(cancellationToken);
        }
        else
        {
            _context.Ingest.Remove(sessionId);
        }
    }

    /// <summary>Idempotent: the container disposes this once as itself and once as <see cref="ISessionPipelines"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Completion)).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _shutdown.Dispose();
    }

    private sealed record Running(Task Completion);
}
