using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Ingest;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Core.Pipeline;

/// <summary>Runs one <see cref="SessionPipeline"/> per live session, each on its own task.</summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly PipelineContext _context;
    private readonly ITranscriptStore _transcripts;
    private readonly Lock _gate = new();

    public PipelineHost(
        IOptions<PipelineOptions> options,
        EngineSet engines,
        IAudioIngest ingest,
        IBroadcaster broadcaster,
        PhraseProcessor processor,
        ITranscriptStore transcripts,
        TimeProvider time,
        ILogger<PipelineHost> logger)
    {
        _transcripts = transcripts;
        _context = new PipelineContext(options.Value, engines, ingest, broadcaster, processor, time, logger);
    }

    public IReadOnlyCollection<string> RunningSessions => _running.Keys.ToList();

    /// <summary>Starts the session's pipeline unless it runs already.</summary>
    public async ValueTask EnsureStartedAsync(string sessionId, string sourceLanguage, bool paused, CancellationToken cancellationToken)
    {
        if (_running.ContainsKey(sessionId))
        {
            return;
        }

        var lastSeq = await _transcripts.GetLastSeqAsync(sessionId, cancellationToken);
        lock (_gate)
        {
            if (_running.ContainsKey(sessionId))
            {
                return;
            }

            var pipeline = new SessionPipeline(sessionId, sourceLanguage, paused, lastSeq, _context);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _running[sessionId] = new Running(done.Task);
            _ = Task.Run(async () =>
            {
                try
                {
                    await pipeline.RunAsync(_shutdown.Token);
                }
                catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    Log.PipelineFailed(_context.Logger, sessionId, ex);
                }
                finally
                {
                    _running.TryRemove(sessionId, out _);
                    _context.Ingest.Remove(sessionId);
                    done.TrySetResult();
                }
            }, CancellationToken.None);
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
