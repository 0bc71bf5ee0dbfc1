using System.Collections.Concurrent;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Cluster.Redis;

/// <summary>
/// The live path's view of pipelines in a cluster: a speaker's connection announces the session to the workers
/// (whichever has room claims it), and the session's end goes into the ingest log, in order after the last frame, and
/// waits until the owning worker has delivered the phrase in progress, so that listeners hear the end last.
/// </summary>
public sealed class RedisSessionPipelines(
    RedisSessionPlacement placement,
    RedisAudioIngest ingest,
    PipelineHost host,
    IOptions<RedisClusterOptions> options,
    TimeProvider time,
    ILogger<RedisSessionPipelines> logger) : ISessionPipelines
{
    private readonly ConcurrentDictionary<string, byte> _announced = new(StringComparer.Ordinal);

    /// <summary>Sessions whose pipelines run on this node, and those this node announced (their speakers are here).</summary>
    public IReadOnlyCollection<string> RunningSessions => host.RunningSessions.Union(_announced.Keys).ToList();

    /// <summary>Never: the node holding the speaker marks pauses; see <see cref="StartAsync"/>.</summary>
    public bool MarksPauseWithoutSpeaker(string sessionId) => false;

    /// <summary>
    /// Announces the session, then writes its stored state into the log before the speaker's first frame: a pause or
    /// resume made while no speaker was connected anywhere reached no log, and the owner's pipeline must not stay paused
    /// (dropping the speaker's audio) or run on where the speaker's node now gates the audio.
    /// </summary>
    public async ValueTask StartAsync(string sessionId, string sourceLanguage, bool paused, CancellationToken cancellationToken)
    {
        await placement.AnnounceAsync(sessionId, cancellationToken).ConfigureAwait(false);
        _announced[sessionId] = 0;
        ingest.TryWrite(sessionId, IngestItem.Control(paused ? IngestKind.Pause : IngestKind.Resume, time.GetTimestamp()));
    }

    public async ValueTask EndAsync(string sessionId, CancellationToken cancellationToken)
    {
        _announced.TryRemove(sessionId, out _);
        var placed = await placement.IsPlacedAsync(sessionId, cancellationToken).ConfigureAwait(false);
        ingest.TryWrite(sessionId, IngestItem.Control(IngestKind.End, time.GetTimestamp()));
        ingest.Complete(sessionId);
        if (placed && !await placement.WaitFinishedAsync(sessionId, options.Value.EndTimeout, cancellationToken).ConfigureAwait(false))
        {
            // The owner is far behind, or gone and not yet replaced: the end goes out now, but the log stays announced
            // and whole, so that a worker still stores every phrase up to the end marker and then cleans it up.
            Log.EndNotFinished(logger, sessionId, (long)options.Value.EndTimeout.TotalMilliseconds);
            ingest.Forget(sessionId);
            return;
        }

        await placement.WithdrawAsync(sessionId, cancellationToken).ConfigureAwait(false);
        ingest.Remove(sessionId);
    }
}
