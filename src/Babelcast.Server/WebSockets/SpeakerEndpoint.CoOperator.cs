using System.Net.WebSockets;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// A co-operator's control connection (<c>role=operator</c>): it joins the session's control connections beside the
/// owner's (it replaces nobody), receives what the owner's connection receives, and may type, correct, hold and send
/// prepared text and Scripture. Audio, pause, resume, mute and end stay the owner's.
/// </summary>
internal sealed partial class SpeakerEndpoint
{
    private async Task OperateAsync(HttpContext context, WebSocket socket, SessionRecord session, string userId, CancellationToken ct)
    {
        var me = new LiveConnection(socket, session.Id, null, options.Value.SpeakerQueueCapacity, options.Value.SendQueueMaxBytes, metrics, "speak")
        {
            AbortTransport = context.Abort,
            UserId = userId,
        };
        await states.CatchUpAsync(session, ct);
        me.Send(Connected(session, connections.GetOrAdd(session), null, ControlRoles.Operator));
        var (runtime, joined) = connections.AddOperator(session, me);
        if (joined != JoinResult.Added)
        {
            connections.RemoveIfIdle(runtime);
            await refusal.RefuseAsync(socket, Path, ErrorCodes.SessionEnded, "The session has ended.", ct);
            return;
        }

        if (await sessions.GetAsync(session.Id, ct) is null or { Status: SessionStatus.Ended })
        {
            me.EndSession(ConnectionMessages.SessionEnded(session.Id, ListenerEndpoint.EndedMeanwhileReason));
        }
        else if (session.OwnerId != userId && !await IsInvitedAsync(session.Id, userId, ct))
        {
            // Revoked between admission and registration: the revocation found no connection to close.
            Revoked(me, userId);
        }

        audience.Push(runtime);
        Log.OperatorConnected(logger, session.Id, userId);
        var writer = me.WriteLoopAsync(ct);
        try
        {
            await OperatorLoopAsync(me, session.OwnerId == userId, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Log.SocketAborted(logger, session.Id, ex);
        }
        finally
        {
            runtime.RemoveOperator(me);
            me.CompleteSending();
            await writer;
            await CloseAsync(socket);
            connections.RemoveIfIdle(runtime);
            Log.OperatorLeft(logger, session.Id, userId);
        }
    }

    private async Task OperatorLoopAsync(LiveConnection me, bool isOwner, CancellationToken ct)
    {
        var o = options.Value;
        while (!me.Closing)
        {
            var message = await SocketReader.ReceiveAsync(me.Socket, o.MaxTextMessageBytes, o.MaxAudioFrameBytes, ct);
            if (message.Kind == SocketMessageKind.Close)
            {
                return;
            }

            metrics.MessageReceived("speak");
            switch (message.Kind)
            {
                case SocketMessageKind.TooLarge:
                    refusal.Report(me, Path, ErrorCodes.MessageTooLarge, $"Text messages are limited to {o.MaxTextMessageBytes} bytes.");
                    break;
                case SocketMessageKind.Binary:
                    refusal.Report(me, Path, ErrorCodes.AudioNotAllowed, "A co-operator's connection carries no audio; only the owner's speaker page sends it.");
                    break;
                case SocketMessageKind.Text:
                    if (!await OnOperatorControlAsync(me, message, isOwner, ct))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>False when the connection is to close (its invitation was revoked).</summary>
    private async Task<bool> OnOperatorControlAsync(LiveConnection me, SocketMessage message, bool isOwner, CancellationToken ct)
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
            case MessageTypes.Pause or MessageTypes.Resume or MessageTypes.Mute or MessageTypes.Unmute or MessageTypes.End:
                refusal.Report(me, Path, ErrorCodes.Forbidden, $"Only the owner's speaker connection may {parsed.Type} the session; a co-operator types, corrects, holds, sends prepared text (by hand or following the speaker) and Scripture.");
                return true;
            case MessageTypes.Hold or MessageTypes.Unhold or MessageTypes.Typed or MessageTypes.Correct or MessageTypes.Scripture or MessageTypes.Cue or MessageTypes.Follow:
                break;
            default:
                refusal.Report(me, Path, ErrorCodes.UnknownMessageType, $"Unknown message type \"{parsed.Type}\".");
                return true;
        }

        // Every change is checked against the store: a revocation whose bus message was lost still takes effect here.
        if (!isOwner && !await IsInvitedAsync(me.SessionId, me.UserId!, ct))
        {
            Revoked(me, me.UserId!);
            return false;
        }

        switch (parsed.Type)
        {
            case MessageTypes.Hold or MessageTypes.Unhold:
                live.SetHeld(me.SessionId, parsed.Type == MessageTypes.Hold);
                break;
            case MessageTypes.Typed:
                OnTyped(me, parsed);
                break;
            case MessageTypes.Correct:
                await OnCorrectAsync(me, parsed, ct);
                break;
            case MessageTypes.Scripture:
                await OnScriptureAsync(me, parsed, ct);
                break;
            case MessageTypes.Follow:
                OnFollow(me, parsed);
                break;
            default:
                OnCue(me, parsed);
                break;
        }

        return true;
    }

    /// <summary>Whether the user is invited; a store that cannot answer counts as no (the connection then closes, the client may retry).</summary>
    private async Task<bool> IsInvitedAsync(string sessionId, string userId, CancellationToken ct)
    {
        try
        {
            return await operators.IsOperatorAsync(sessionId, userId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Error(ErrorCodes.StorageUnavailable);
            Log.StoreWriteFailed(logger, sessionId, "co-operator check", ex);
            return false;
        }
    }

    private void Revoked(LiveConnection me, string userId)
    {
        Log.OperatorNoLongerInvited(logger, me.SessionId, userId);
        refusal.Report(me, Path, ErrorCodes.OperatorRevoked, "The session's owner no longer invites this account as a co-operator.");
        me.CloseAfterSending();
    }
}
