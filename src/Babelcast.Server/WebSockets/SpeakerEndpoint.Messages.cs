using Babelcast.Core.Ingest;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>The speaker's messages once connected: audio frames, control messages and typed lines.</summary>
internal sealed partial class SpeakerEndpoint
{
    private void OnAudio(LiveConnection me, SessionRuntime runtime, SpeakerFraming framing, SocketMessage message)
    {
        if (!framing.TryRead(message.Payload, out var seq, out var pcm))
        {
            refusal.Report(me, Path, ErrorCodes.InvalidAudioFrame, framing.Rule);
            return;
        }

        if (!framing.TryAdvance(seq, out var skipped))
        {
            metrics.AudioFrameDuplicate(); // Resent after a reconnect: the session has it.
            return;
        }

        if (skipped > 0)
        {
            Log.AudioGap(logger, me.SessionId, seq - skipped, seq - 1, seq);
        }

        if (runtime.Status != SessionStatus.Active || runtime.Held)
        {
            return; // Paused or held for music: audio is not processed until resume or unhold.
        }

        var item = new IngestItem(IngestKind.Audio, pcm.ToArray(), time.GetTimestamp()) { ClientSeq = seq };
        var written = ingest.TryWrite(me.SessionId, item);
        if (written == IngestWriteResult.Duplicate)
        {
            metrics.AudioFrameDuplicate(); // Another connection of the speaker appended it meanwhile.
        }
        else if (written != IngestWriteResult.Accepted)
        {
            refusal.Report(me, Path, ErrorCodes.IngestOverloaded, "The server cannot keep up with this session's audio; the frame was dropped.");
        }
    }

    private async Task<bool> OnControlAsync(LiveConnection me, SocketMessage message, CancellationToken ct)
    {
        var parsed = ClientMessage.Parse(message.Payload, out var error);
        if (parsed is null)
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, error!);
            return true;
        }

        switch (parsed.Type)
        {
            case MessageTypes.Heartbeat:
                me.Send(Heartbeat.Ack(time));
                return true;
            case MessageTypes.Pause or MessageTypes.Resume:
                // The same path as PATCH /api/sessions/{id}: the store, the ingest marker, the listeners, the speaker.
                await live.SetStatusAsync(me.SessionId, parsed.Type == MessageTypes.Pause ? SessionStatus.Paused : SessionStatus.Active, SessionChangeOrigin.Speaker, ct);
                return true;
            case MessageTypes.Mute or MessageTypes.Unmute:
                live.SetMuted(me.SessionId, parsed.Type == MessageTypes.Mute);
                return true;
            case MessageTypes.Hold or MessageTypes.Unhold:
                live.SetHeld(me.SessionId, parsed.Type == MessageTypes.Hold);
                return true;
            case MessageTypes.End:
                await live.EndAsync(me.SessionId, Endpoints.SessionEndpoints.EndedBySpeakerReason, SessionChangeOrigin.Speaker, ct);
                return false;
            case MessageTypes.Typed:
                OnTyped(me, parsed);
                return true;
            case MessageTypes.Correct:
                await OnCorrectAsync(me, parsed, ct);
                return true;
            case MessageTypes.Scripture:
                await OnScriptureAsync(me, parsed, ct);
                return true;
            case MessageTypes.Cue:
                OnCue(me, parsed);
                return true;
            case MessageTypes.Follow:
                OnFollow(me, parsed);
                return true;
            default:
                refusal.Report(me, Path, ErrorCodes.UnknownMessageType, $"Unknown message type \"{parsed.Type}\".");
                return true;
        }
    }

    /// <summary>A typed line joins the session's ingest log, so that it goes out in order with the speech around it.</summary>
    private void OnTyped(LiveConnection me, ClientMessage parsed)
    {
        if (TypedLine.Read(parsed.Root, out var error) is not { } text)
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, error!);
            return;
        }

        if (ingest.TryWrite(me.SessionId, IngestItem.Typed(text, time.GetTimestamp())) != IngestWriteResult.Accepted)
        {
            refusal.Report(me, Path, ErrorCodes.IngestOverloaded, "The server cannot keep up with this session; the typed line was not sent.");
        }
    }
}
