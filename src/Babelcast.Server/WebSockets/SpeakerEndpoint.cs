using System.Net.WebSockets;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Ingest;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Sessions;
using Babelcast.Core.Storage;
using Babelcast.Server.Auth;
using Babelcast.Server.Capacity;
using Babelcast.Server.Hosting;
using Babelcast.Server.Sessions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// <c>/ws/speak</c>: the session owner's audio in, transcripts and status out; with <c>role=operator</c>, a control
/// connection of a co-operator the owner invited (no audio, no replacement of the owner's connection).
/// </summary>
internal sealed partial class SpeakerEndpoint(
    ISessionStore sessions,
    ISpeakerAuthenticator authenticator,
    IWebSocketRateLimiter rateLimiter,
    IConnectionStore connections,
    ILiveSessions live,
    LiveStateCatchUp states,
    AudienceStatus audience,
    ISessionPipelines pipelines,
    RecognizerWarmup warmup,
    IAudioIngest ingest,
    ILanguageCatalog languages,
    SocketRefusal refusal,
    SpeakerCapacityGate capacity,
    BabelcastMetrics metrics,
    TimeProvider time,
    IOptions<LiveOptions> options,
    PhraseCorrector corrector,
    IOptions<CorrectionOptions> correction,
    ILogger<SpeakerEndpoint> logger,
    Operator.OperatorConsole console,
    IOperatorStore operators)
{
    private const string Path = "/ws/speak";

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (await AdmitAsync(context, socket, ct) is not var (session, userId, asOperator))
        {
            return;
        }

        if (asOperator)
        {
            // A co-operator sends no audio: it takes no speaking place and starts no pipeline.
            await OperateAsync(context, socket, session, userId, ct);
            return;
        }

        // Capacity last: a refusal for any other reason must not take (or be told about) a place.
        var place = await capacity.AdmitAsync(socket, Path, session.Id, ct);
        if (place is null)
        {
            return;
        }

        try
        {
            await SpeakAsync(context, socket, session, ct);
        }
        finally
        {
            var runtime = connections.Find(session.Id);
            place.Release(runtime is { Ended: true } || (runtime is null && await IsEndedAsync(session.Id)));
        }
    }

    private async Task SpeakAsync(HttpContext context, WebSocket socket, SessionRecord session, CancellationToken ct)
    {
        var framing = SpeakerFraming.For(context.Request.Query[SpeakerFraming.QueryParameter])!;
        if (framing.IsNumbered && !await TryResumeNumberingAsync(socket, session.Id, framing, ct))
        {
            return;
        }

        var me = new LiveConnection(socket, session.Id, null, options.Value.SpeakerQueueCapacity, options.Value.SendQueueMaxBytes, metrics, "speak")
        {
            AbortTransport = context.Abort,
        };
        // Queued before registration (the write loop starts later): an end racing this join then reaches the speaker
        // after `connected`, never instead of it.
        await states.CatchUpAsync(session, ct);
        me.Send(Connected(session, connections.GetOrAdd(session), framing.IsNumbered ? framing.LastSeq : null));
        var (runtime, joined, previous) = connections.AddSpeaker(session, me);
        if (joined != JoinResult.Added)
        {
            connections.RemoveIfIdle(runtime);
            await refusal.RefuseAsync(socket, Path, ErrorCodes.SessionEnded, "The session has ended.", ct);
            return;
        }

        if (previous is not null)
        {
            // The old connection stays open so that it can be told why its frames are refused (NOT_CONNECTED).
            refusal.Count(ErrorCodes.SpeakerReplaced);
            previous.Send(ConnectionMessages.Error(ErrorCodes.SpeakerReplaced, "Another connection of this speaker took over the session."));
        }

        runtime.Status = session.Status;

        // As for listeners: an end between admission and registration found no runtime to tell (and no pipeline).
        if (await sessions.GetAsync(session.Id, ct) is null or { Status: SessionStatus.Ended })
        {
            me.EndSession(ConnectionMessages.SessionEnded(session.Id, ListenerEndpoint.EndedMeanwhileReason));
        }
        else
        {
            _ = warmup.Warm(session.Id, session.SourceLanguage, "speaker connected");
            if (!await TryStartPipelineAsync(socket, session, runtime, me, ct))
            {
                return;
            }

            if (runtime.Ended)
            {
                // Ended while the pipeline was starting: the end stopped only what ran before this one.
                await pipelines.EndAsync(session.Id, ct);
            }
        }

        audience.Push(runtime);
        Log.SpeakerConnected(logger, session.Id);
        var writer = me.WriteLoopAsync(ct);
        try
        {
            await ReceiveLoopAsync(me, runtime, framing, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Log.SocketAborted(logger, session.Id, ex);
        }
        finally
        {
            if (runtime.ClearSpeaker(me) && !runtime.Ended)
            {
                ingest.TryWrite(session.Id, IngestItem.Control(IngestKind.Flush, time.GetTimestamp()));
            }

            me.CompleteSending();
            await writer;
            await CloseAsync(socket);
            connections.RemoveIfIdle(runtime);
            Log.SpeakerLeft(logger, session.Id);
        }
    }

    /// <summary>
    /// A node that cannot arrange a pipeline for the session (the cluster's Redis is unreachable) refuses the speaker
    /// rather than take audio that nobody would process; its client retries, through another node if it has one.
    /// </summary>
    private async Task<bool> TryStartPipelineAsync(WebSocket socket, SessionRecord session, SessionRuntime runtime, LiveConnection me, CancellationToken ct)
    {
        try
        {
            await pipelines.StartAsync(session.Id, session.SourceLanguage, session.Status == SessionStatus.Paused || runtime.Held, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClusterUnavailable(logger, session.Id, ex);
            runtime.ClearSpeaker(me);
            connections.RemoveIfIdle(runtime);
            await refusal.RefuseAsync(socket, Path, ErrorCodes.ClusterUnavailable,
                "The server cannot take this session's audio right now (its cluster is unreachable); try again shortly.", ct, 5, status: SocketRefusal.TryAgainLater);
            return false;
        }
    }

    /// <summary>
    /// Reads the session's last accepted frame number for a numbering client. Read before this connection replaces an
    /// old one, which may still append: the client then resends a little more and the ingest drops what it has.
    /// </summary>
    private async Task<bool> TryResumeNumberingAsync(WebSocket socket, string sessionId, SpeakerFraming framing, CancellationToken ct)
    {
        try
        {
            framing.Resume(await ingest.LastClientSeqAsync(sessionId, ct));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ClusterUnavailable(logger, sessionId, ex);
            await refusal.RefuseAsync(socket, Path, ErrorCodes.ClusterUnavailable,
                "The server cannot take this session's audio right now (its cluster is unreachable); try again shortly.", ct, 5, status: SocketRefusal.TryAgainLater);
            return false;
        }
    }

    /// <summary>Whether the session is over, so that its speaking place is freed without the reconnect grace.</summary>
    private async Task<bool> IsEndedAsync(string sessionId)
    {
        try
        {
            return await sessions.GetAsync(sessionId, CancellationToken.None) is null or { Status: SessionStatus.Ended };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false; // The store is unavailable: keep the place for the grace period.
        }
    }

    private async Task<(SessionRecord Session, string UserId, bool AsOperator)?> AdmitAsync(HttpContext context, WebSocket socket, CancellationToken ct)
    {
        if (await rateLimiter.AcquireConnectAsync(RateLimitPartitions.ClientIp(context), ct) is { Acquired: false } limited)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.RateLimitExceeded, "Too many connections; try again later.", ct, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds), status: SocketRefusal.TryAgainLater);
            return null;
        }

        var sessionId = context.Request.Query["sessionId"].ToString();
        var refusalCode = sessionId.Length == 0 ? ErrorCodes.MissingSessionId : !SessionIds.IsValid(sessionId) ? ErrorCodes.InvalidSessionId : null;
        if (refusalCode is not null)
        {
            await refusal.RefuseAsync(socket, Path, refusalCode, "A valid sessionId query parameter is required.", ct);
            return null;
        }

        if (SpeakerFraming.For(context.Request.Query[SpeakerFraming.QueryParameter]) is null)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.InvalidMessage, "The framing query parameter is \"seq\" or absent.", ct);
            return null;
        }

        var role = context.Request.Query[MessageFields.Role].ToString();
        if (role.Length > 0 && role != ControlRoles.Owner && role != ControlRoles.Operator)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.InvalidMessage, "The role query parameter is \"operator\", \"owner\" or absent.", ct);
            return null;
        }

        var userId = await authenticator.AuthenticateAsync(context, ct);
        if (userId is null)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.Unauthorized, "A valid speaker token is required.", ct);
            return null;
        }

        var session = await sessions.GetAsync(sessionId, ct);
        if (session is null)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.SessionNotFound, $"Session {sessionId} does not exist.", ct);
            return null;
        }

        var asOperator = role == ControlRoles.Operator;
        if (session.OwnerId != userId && !(asOperator && await IsInvitedAsync(session.Id, userId, ct)))
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.Forbidden, asOperator
                ? "Only the session's owner and the co-operators it invited can operate it."
                : "Only the session's owner can speak; an invited co-operator connects with role=operator.", ct);
            return null;
        }

        if (session.Status == SessionStatus.Ended)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.SessionEnded, "The session has ended.", ct);
            return null;
        }

        return (session, userId, asOperator);
    }

    private async Task ReceiveLoopAsync(LiveConnection me, SessionRuntime runtime, SpeakerFraming framing, CancellationToken ct)
    {
        var o = options.Value;
        var lastTouch = time.GetTimestamp();
        while (!me.Closing)
        {
            var message = await SocketReader.ReceiveAsync(me.Socket, o.MaxTextMessageBytes, o.MaxAudioFrameBytes, ct);
            if (message.Kind == SocketMessageKind.Close)
            {
                return;
            }

            metrics.MessageReceived("speak");
            if (runtime.Speaker != me)
            {
                refusal.Report(me, Path, ErrorCodes.NotConnected, "This connection is no longer the session's speaker.");
                continue;
            }

            switch (message.Kind)
            {
                case SocketMessageKind.TooLarge:
                    refusal.Report(me, Path, ErrorCodes.MessageTooLarge, $"Text messages are limited to {o.MaxTextMessageBytes} bytes and audio frames to {o.MaxAudioFrameBytes} bytes.");
                    break;
                case SocketMessageKind.Binary:
                    OnAudio(me, runtime, framing, message);
                    if (time.GetElapsedTime(lastTouch) > TimeSpan.FromSeconds(30))
                    {
                        lastTouch = time.GetTimestamp();
                        await TryStoreAsync(me, "activity time", () => sessions.TouchAsync(me.SessionId, time.GetUtcNow(), ct));
                    }

                    break;
                case SocketMessageKind.Text:
                    if (!await OnControlAsync(me, message, ct))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>A store that refuses the activity time must not cost the live session: the speaker is told, nothing else.</summary>
    private async Task TryStoreAsync(LiveConnection me, string what, Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Error(ErrorCodes.StorageUnavailable);
            Log.StoreWriteFailed(logger, me.SessionId, what, ex);
            me.Send(ConnectionMessages.Error(ErrorCodes.StorageUnavailable, $"The session's {what} could not be saved; the live session goes on."));
        }
    }

    private OutboundFrame Connected(SessionRecord session, SessionRuntime runtime, long? lastAudioSeq, string role = ControlRoles.Owner) =>
        SpeakerMessages.Connected(session.Id, session.Status, session.SourceLanguage, 16000, runtime.Muted, runtime.Held,
            languages.TargetsFor(session.SourceLanguage).Select(l => l.Code), lastAudioSeq, role);

    internal static async Task CloseAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing is best effort.
        }
    }
}
