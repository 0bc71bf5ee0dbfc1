using Babelcast.Core.Broadcasting;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// Applies a session's live state change (<see cref="ISessionStateBus"/>) to this node's runtime of it: the flags that
/// gate the speaker's audio and the MP3 streams and fill a joiner's welcome, the marker in the ingest log (only where
/// the speaker is, in order with its audio), and the messages to this node's own sockets. Every node applies every
/// change it receives; a change that changes nothing here tells nobody, so applying one twice is harmless.
/// </summary>
internal sealed class LiveStateApplier(IConnectionStore connections, IAudioIngest ingest, ISessionPipelines pipelines, TimeProvider time)
{
    public void Apply(string sessionId, SessionStateChange change)
    {
        if (change.Flag == SessionFlag.Muted)
        {
            ApplyMuted(sessionId, change.Value, change.Acknowledge);
        }
        else
        {
            ApplyPaused(sessionId, change.Value, change.Acknowledge);
        }
    }

    /// <summary>Pause stops processing (a marker in the ingest log, in order with the audio), then tells everyone here.</summary>
    private void ApplyPaused(string sessionId, bool paused, bool acknowledge)
    {
        var marker = paused ? IngestKind.Pause : IngestKind.Resume;
        if (connections.Find(sessionId) is not { } runtime)
        {
            // Nobody connected here, but the pipeline may still run (the speaker's reconnect grace).
            if (pipelines.MarksPauseWithoutSpeaker(sessionId))
            {
                ingest.TryWrite(sessionId, IngestItem.Control(marker, time.GetTimestamp()));
            }

            return;
        }

        var target = paused ? SessionStatus.Paused : SessionStatus.Active;
        if (runtime.Status == target || runtime.Ended)
        {
            Acknowledge(runtime, acknowledge);
            return;
        }

        var marks = runtime.Speaker is not null || pipelines.MarksPauseWithoutSpeaker(sessionId);
        if (paused && marks)
        {
            ingest.TryWrite(sessionId, IngestItem.Control(marker, time.GetTimestamp()));
        }

        runtime.Status = target;
        if (!paused && marks)
        {
            ingest.TryWrite(sessionId, IngestItem.Control(marker, time.GetTimestamp()));
        }

        connections.DeliverToAllListeners(sessionId, Delivery.Control(ListenerMessages.Paused(sessionId, paused)));
        connections.DeliverToSpeaker(sessionId, LiveSessions.StatusChanged(runtime));
    }

    private void ApplyMuted(string sessionId, bool muted, bool acknowledge)
    {
        if (connections.Find(sessionId) is not { } runtime)
        {
            return;
        }

        if (runtime.Muted == muted)
        {
            Acknowledge(runtime, acknowledge);
            return;
        }

        runtime.Muted = muted;
        connections.DeliverToAllListeners(sessionId, Delivery.Control(ListenerMessages.Muted(sessionId, muted)));
        connections.DeliverToSpeaker(sessionId, LiveSessions.StatusChanged(runtime));
    }

    /// <summary>A request from the speaker's socket is always answered with the status, changed or not.</summary>
    private void Acknowledge(SessionRuntime runtime, bool acknowledge)
    {
        if (acknowledge)
        {
            connections.DeliverToSpeaker(runtime.SessionId, LiveSessions.StatusChanged(runtime));
        }
    }
}
