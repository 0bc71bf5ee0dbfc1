using Babelcast.Core.Broadcasting;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>Applies session state changes to the sockets and the pipeline, in the order the protocol promises.</summary>
internal sealed class LiveSessions(ListenerHub hub, PipelineHost pipelines, IAudioIngest ingest, TimeProvider time, ILogger<LiveSessions> logger) : ILiveSessions
{
    public IReadOnlyCollection<string> ActiveSessionIds => hub.SessionIds.Union(pipelines.RunningSessions).ToList();

    public LiveSessionSnapshot Snapshot(string sessionId)
    {
        var runtime = hub.Find(sessionId);
        return runtime is null
            ? LiveSessionSnapshot.Empty
            : new LiveSessionSnapshot(runtime.ListenerCount, runtime.Distribution(), runtime.Muted, runtime.Speaker is not null);
    }

    public ValueTask ApplyStatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        if (hub.Find(session.Id) is { } runtime)
        {
            SetPaused(runtime, session.Status == SessionStatus.Paused);
        }
        else if (pipelines.RunningSessions.Contains(session.Id))
        {
            ingest.TryWrite(session.Id, IngestItem.Control(session.Status == SessionStatus.Paused ? IngestKind.Pause : IngestKind.Resume, time.GetTimestamp()));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Pause stops processing (a marker in the ingest log, in order with the audio), then tells everyone.</summary>
    public void SetPaused(SessionRuntime runtime, bool paused)
    {
        var target = paused ? SessionStatus.Paused : SessionStatus.Active;
        if (runtime.Status == target || runtime.Ended)
        {
            runtime.Speaker?.Send(StatusChanged(runtime));
            return;
        }

        if (paused)
        {
            ingest.TryWrite(runtime.SessionId, IngestItem.Control(IngestKind.Pause, time.GetTimestamp()));
            runtime.Status = target;
        }
        else
        {
            runtime.Status = target;
            ingest.TryWrite(runtime.SessionId, IngestItem.Control(IngestKind.Resume, time.GetTimestamp()));
        }

        runtime.SendToListeners(Delivery.Control(ListenerMessages.Paused(runtime.SessionId, paused)));
        runtime.Speaker?.Send(StatusChanged(runtime));
    }

    public void SetMuted(SessionRuntime runtime, bool muted)
    {
        if (runtime.Muted == muted)
        {
            runtime.Speaker?.Send(StatusChanged(runtime));
            return;
        }

        runtime.Muted = muted;
        runtime.SendToListeners(Delivery.Control(ListenerMessages.Muted(runtime.SessionId, muted)));
        runtime.Speaker?.Send(StatusChanged(runtime));
    }

    public async ValueTask EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        // The phrase in progress is recognised and delivered before anyone hears that the session ended.
        await pipelines.EndAsync(sessionId, cancellationToken);
        if (hub.Find(sessionId) is not { } runtime)
        {
            return;
        }

        runtime.MarkEnded();
        runtime.Status = SessionStatus.Ended;
        var ended = ConnectionMessages.SessionEnded(sessionId, reason);
        foreach (var listener in runtime.AllListeners())
        {
            listener.EndSession(ended);
        }

        runtime.Speaker?.EndSession(ended);

        hub.RemoveIfIdle(runtime);
        Log.SessionEnded(logger, sessionId, reason);
    }

    public static OutboundFrame StatusChanged(SessionRuntime runtime) => SpeakerMessages.StatusChanged(runtime.Status, runtime.Muted);
}
