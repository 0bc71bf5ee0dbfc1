using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Capacity;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>Runs one <see cref="SessionPipeline"/> per live session, each on its own task.</summary>
public sealed class PipelineHost : IAsyncDisposable
{
    /// <summary>Restarts of one session's pipeline after failures before the session is left without one.</summary>
    internal const int MaxRestarts = 3;

    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly PipelineContext _context;
    private readonly ITranscriptStore _transcripts;
    private readonly TranscriptWriter _writer;
    private readonly Lock _gate = new();

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
        ILogger<PipelineHost> logger)
    {
        _transcripts = transcripts;
        _writer = writer;
        _context = new PipelineContext(options.Value, engines, ingest, broadcaster, presence, processor, metrics, time, shedding, scheduler, logger);
    }

    public IReadOnlyCollection<string> RunningSessions => _running.Keys.ToList();

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
            _ = Task.Run(() => SuperviseAsync(sessionId, sourceLanguage, paused, lastSeq, done), CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs the session's pipeline until it ends. A pipeline that fails (a stage's loop threw, which per-phrase handling
    /// should make impossible) is reported and started again on the same ingest log, up to <see cref="MaxRestarts"/> times,
    /// so that the session does not go silent until the speaker reconnects.
    /// </summary>
    private async Task SuperviseAsync(string sessionId, string sourceLanguage, bool paused, long lastSeq, TaskCompletionSource done)
    {
        try
        {
            for (var restart = 0; ; restart++)
            {
                using var pipeline = new SessionPipeline(sessionId, sourceLanguage, paused, lastSeq, _context);
                try
                {
                    await pipeline.RunAsync(_shutdown.Token);
                    return;
                }
                catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    Log.PipelineFailed(_context.Logger, sessionId, ex);
                    _context.Metrics.Error(ErrorCodes.PipelineStageFailed);
                    _context.Broadcaster.SendToSpeaker(sessionId, ConnectionMessages.Error(
                        ErrorCodes.PipelineStageFailed, "The translation pipeline failed; phrases in progress were dropped."));
                    if (restart >= MaxRestarts)
                    {
                        return;
                    }

                    (paused, lastSeq) = (pipeline.Paused, pipeline.LastSeq);
                    Log.PipelineRestarted(_context.Logger, sessionId, restart + 1);
                }
            }
        }
        finally
        {
            _running.TryRemove(sessionId, out _);
            _context.Ingest.Remove(sessionId);
            done.TrySetResult();
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

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Completion)).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _shutdown.Dispose();
    }

    private sealed record Running(Task Completion);
}
