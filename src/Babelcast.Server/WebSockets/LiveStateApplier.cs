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
        switch (change.Flag)
        {
            case SessionFlag.Muted:
                ApplyMuted(sessionId, change.Value, change.Acknowledge);
                break;
            case SessionFlag.Held:
                ApplyHeld(sessionId, change.Value, change.Acknowledge);
                break;
            default:
                ApplyPaused(sessionId, change.Value, change.Acknowledge);
                break;
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
        if (!paused && marks && !runtime.Held)
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

    /// <summary>
    /// Hold for music gates the audio as a pause does (the same ingest markers, so the pipeline closes the phrase in
    /// progress and makes none from audio until the hold ends) but leaves the session's status alone: listeners keep
    /// their place and reconnect logic, and typed lines still go out. The pipeline resumes only when neither holds it.
    /// </summary>
    private void ApplyHeld(string sessionId, bool held, bool acknowledge)
    {
        if (connections.Find(sessionId) is not { } runtime)
        {
            return;
        }

        if (runtime.Held == held || runtime.Ended)
        {
            Acknowledge(runtime, acknowledge);
            return;
        }

        var marks = runtime.Speaker is not null || pipelines.MarksPauseWithoutSpeaker(sessionId);
        if (held && marks)
        {
            ingest.TryWrite(sessionId, IngestItem.Control(IngestKind.Pause, time.GetTimestamp()));
        }

        runtime.Held = held;
        if (!held && marks && runtime.Status == SessionStatus.Active)
        {
            ingest.TryWrite(sessionId, IngestItem.Control(IngestKind.Resume, time.GetTimestamp()));
        }

        connections.DeliverToAllListeners(sessionId, Delivery.Control(ListenerMessages.Held(sessionId, held)));
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
