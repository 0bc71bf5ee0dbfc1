using Babelcast.Core.Cluster;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// A worker's run of a session it owns: the pipeline reads the session's ingest stream from the last checkpoint and
/// commits a new one after every delivered phrase, under the lease; when the session's log ends the worker marks the
/// session finished, so that the node ending it lets the end go out.
/// </summary>
public sealed class PipelineSessionRunner(
    PipelineHost host,
    ISessionStore sessions,
    ITranscriptStore transcripts,
    ISessionLeases leases,
    RedisSessionPlacement placement,
    ISessionWarmup warmup,
    ILogger<PipelineSessionRunner> logger) : IOwnedSessionRunner
{
    public async Task RunAsync(ISessionLease lease, CancellationToken cancellationToken)
    {
        var sessionId = lease.SessionId;
        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            // Deleted: nobody will speak into it again.
            await placement.FinishAsync(sessionId, cancellationToken).ConfigureAwait(false);
            return;
        }

        warmup.WarmFor(sessionId, session.SourceLanguage);
        await RaiseFenceAsync(lease, cancellationToken).ConfigureAwait(false);
        var start = await StartAsync(lease, cancellationToken).ConfigureAwait(false);
        Log.OwnedSessionStarted(logger, sessionId, lease.Generation, start.Position, start.Seq);
        var ended = await host.RunOwnedAsync(sessionId, session.SourceLanguage, start, (checkpoint, ct) => CommitAsync(lease, checkpoint, ct), cancellationToken)
            .ConfigureAwait(false);
        if (ended)
        {
            await placement.FinishAsync(sessionId, cancellationToken).ConfigureAwait(false);
            Log.OwnedSessionFinished(logger, sessionId, lease.Generation);
        }
    }

    /// <summary>
    /// Before the first phrase: from here on the store refuses what an earlier owner still writes (its queued retries, a
    /// write after a pause). A store that is away does not stop the takeover: captions matter more during a service, and
    /// the earlier owner's writes cannot land while it is away either.
    /// </summary>
    private async Task RaiseFenceAsync(ISessionLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await transcripts.RaiseFenceAsync(lease.SessionId, lease.Generation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FenceNotRaised(logger, lease.SessionId, lease.Generation, ex);
        }
    }

    /// <summary>
    /// The committed checkpoint, or (first owner) the start of the log numbered after what the store already has,
    /// committed at once so that every later owner numbers the replayed phrases the same way.
    /// </summary>
    private async Task<IngestCheckpoint> StartAsync(ISessionLease lease, CancellationToken cancellationToken)
    {
        if (await leases.GetCheckpointAsync(lease.SessionId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return IngestCheckpoint.Parse(stored);
        }

        var first = new IngestCheckpoint(IngestCheckpoint.Start, await transcripts.GetLastSeqAsync(lease.SessionId, cancellationToken).ConfigureAwait(false));
        await CommitAsync(lease, first, cancellationToken).ConfigureAwait(false);
        return first;
    }

    /// <summary>
    /// A refused commit means the lease is gone, and its <see cref="ISessionLease.Lost"/> token stops the pipeline; a
    /// commit that fails on the way is skipped, since the next phrase's commit covers it.
    /// </summary>
    private async ValueTask CommitAsync(ISessionLease lease, IngestCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        try
        {
            await leases.CommitCheckpointAsync(lease, checkpoint.Format(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.CheckpointFailed(logger, lease.SessionId, checkpoint.Seq, ex);
        }
    }
}
