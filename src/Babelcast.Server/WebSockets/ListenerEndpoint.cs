using System.Net.WebSockets;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Languages;
using Babelcast.Core.Limits;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Hosting;
using Babelcast.Server.Sessions;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.WebSockets;

/// <summary><c>/ws/listen</c>: no account; captions and audio of one language out.</summary>
internal sealed class ListenerEndpoint(
    ISessionStore sessions,
    IWebSocketRateLimiter rateLimiter,
    IConnectionStore connections,
    IListenerSlots slots,
    AudienceStatus audience,
    ILanguageCatalog languages,
    ListenerReplay replay,
    LiveStateCatchUp states,
    TranslationWarmup warmup,
    SocketRefusal refusal,
    BabelcastMetrics metrics,
    TimeProvider time,
    IOptions<LiveOptions> options,
    IOptions<Babelcast.Server.Sessions.SessionOptions> sessionOptions,
    ILogger<ListenerEndpoint> logger)
{
    private const string Path = "/ws/listen";

    /// <summary>The reason a connection gets when it only learns of the end after joining (the real reason went to the others).</summary>
    internal const string EndedMeanwhileReason = "ended";

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var admitted = await AdmitAsync(context, socket, ct);
        if (admitted is not var (session, language))
        {
            return;
        }

        var me = new LiveConnection(socket, session.Id, language, options.Value.ListenerQueueCapacity, options.Value.SendQueueMaxBytes, metrics, "listen")
        {
            WantsAudio = WantsAudio(context),
            AbortTransport = context.Abort,
            Transport = TransportCapture.Of(context),
        };
        await states.CatchUpAsync(session, ct);
        me.Enqueue(Delivery.Control(Joined(session, connections.GetOrAdd(session), language)));
        me.HoldForReplay();
        // The cap counts every node's listeners (embedded: this node's store is exact, and the slots take every place).
        var cap = sessionOptions.Value.MaxListenersPerSession;
        var placed = await slots.TryTakeAsync(session.Id, cap, ct);
        var (runtime, joined) = placed ? connections.AddListener(session, me, cap) : (connections.GetOrAdd(session), JoinResult.Full);
        if (joined != JoinResult.Added)
        {
            if (placed)
            {
                slots.Release(session.Id);
            }

            connections.RemoveIfIdle(runtime);
            var ended = joined == JoinResult.Ended;
            await refusal.RefuseAsync(socket, Path, ended ? ErrorCodes.SessionEnded : ErrorCodes.SessionFull,
                ended ? "The session has ended." : "The session has reached its listener limit.", ct,
                status: ended ? WebSocketCloseStatus.PolicyViolation : SocketRefusal.TryAgainLater);
            return;
        }

        await EndIfEndedMeanwhileAsync(me, ct);

        Log.ListenerJoined(logger, session.Id, language);
        audience.Push(runtime);
        warmup.Warm(session.SourceLanguage, language);
        var writer = me.WriteLoopAsync(ct);
        try
        {
            var first = SocketReader.ReceiveAsync(socket, options.Value.MaxTextMessageBytes, options.Value.MaxAudioFrameBytes, ct);
            if (await StartReplayAsync(me, session, first, ct))
            {
                first = SocketReader.ReceiveAsync(socket, options.Value.MaxTextMessageBytes, options.Value.MaxAudioFrameBytes, ct);
            }

            await ReceiveLoopAsync(me, runtime, session, first, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            Log.SocketAborted(logger, session.Id, ex);
        }
        finally
        {
            runtime.RemoveListener(me);
            slots.Release(session.Id);
            audience.Push(runtime);
            me.CompleteSending();
            await writer;
            await SpeakerEndpoint.CloseAsync(socket);
            connections.RemoveIfIdle(runtime);
            Log.ListenerLeft(logger, session.Id);
        }
    }

    /// <summary>
    /// The session may have ended between admission and registration, when the end found no runtime to tell. Read
    /// after registering, the store either shows the end, or the end comes later and finds this connection.
    /// </summary>
    private async Task EndIfEndedMeanwhileAsync(LiveConnection me, CancellationToken ct)
    {
        if (await sessions.GetAsync(me.SessionId, ct) is null or { Status: SessionStatus.Ended })
        {
            me.EndSession(ConnectionMessages.SessionEnded(me.SessionId, EndedMeanwhileReason));
        }
    }

    /// <summary>
    /// A reconnecting client sends <c>resume</c> as its first message; anyone else is a late joiner who gets the recent
    /// captions. Waiting briefly for that first message keeps a resuming client from receiving the late-join replay too.
    /// </summary>
    private async Task<bool> StartReplayAsync(LiveConnection me, SessionRecord session, Task<SocketMessage> first, CancellationToken ct)
    {
        IReadOnlyList<Delivery> replayed = [];
        try
        {
            await Task.WhenAny(first, Task.Delay(TimeSpan.FromMilliseconds(400), time, ct));
            var firstMessage = first.IsCompletedSuccessfully ? await first : default;
            if (firstMessage.Kind == SocketMessageKind.Text && firstMessage.Length > 0 &&
                ClientMessage.Parse(firstMessage.Payload, out _) is { Type: MessageTypes.Resume } resume &&
                resume.TryGetOptionalInt64(MessageFields.AfterSeq, out var afterSeq))
            {
                replayed = await replay.ResumeAsync(session.Id, session.SourceLanguage, me.Language!, Math.Max(0, afterSeq ?? 0), ct);
                return true;
            }

            // Anything else as the first message (a bad one too) is handled by the receive loop like any other.
            replayed = await replay.LateJoinAsync(session.Id, me.Language!, ct);
            return false;
        }
        finally
        {
            // Always, even on failure: a held connection would never send or close.
            me.ReleaseAfterReplay(replayed);
        }
    }

    private async Task<(SessionRecord, string)?> AdmitAsync(HttpContext context, WebSocket socket, CancellationToken ct)
    {
        var ip = RateLimitPartitions.ClientIp(context);
        var limited = await rateLimiter.AcquireConnectAsync(ip, ct);
        if (limited.Acquired)
        {
            limited = await rateLimiter.AcquireJoinAsync(ip, ct);
        }

        if (!limited.Acquired)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.RateLimitExceeded, "Too many joins; try again later.", ct, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds), status: SocketRefusal.TryAgainLater);
            return null;
        }

        var sessionId = context.Request.Query["sessionId"].ToString();
        var code = sessionId.Length == 0 ? ErrorCodes.MissingSessionId : !SessionIds.IsValid(sessionId) ? ErrorCodes.InvalidSessionId : null;
        if (code is not null)
        {
            await refusal.RefuseAsync(socket, Path, code, "A valid sessionId query parameter is required.", ct);
            return null;
        }

        var session = await sessions.GetAsync(sessionId, ct);
        if (session is null || session.Status == SessionStatus.Ended)
        {
            await refusal.RefuseAsync(socket, Path, session is null ? ErrorCodes.SessionNotFound : ErrorCodes.SessionEnded,
                session is null ? $"Session {sessionId} does not exist." : "The session has ended.", ct);
            return null;
        }

        var language = context.Request.Query["targetLanguage"].ToString();
        if (language.Length == 0)
        {
            await refusal.RefuseAsync(socket, Path, ErrorCodes.MissingTargetLanguage, "A targetLanguage query parameter is required.", ct);
            return null;
        }

        if (Offered(session, language) is not { } offered)
        {
            var supported = languages.TargetsFor(session.SourceLanguage).Select(l => l.Code).ToList();
            await refusal.RefuseAsync(socket, Path, ErrorCodes.UnsupportedLanguage, $"'{language}' is not offered; supported: {string.Join(", ", supported)}.", ct, supported: supported);
            return null;
        }

        return (session, offered);
    }

    /// <summary><c>audio=false</c> asks for captions only; anything else (or nothing) keeps the audio.</summary>
    private static bool WantsAudio(HttpContext context) =>
        !string.Equals(context.Request.Query[MessageFields.Audio].ToString(), "false", StringComparison.OrdinalIgnoreCase);

    private string? Offered(SessionRecord session, string language) =>
        languages.TargetsFor(session.SourceLanguage).FirstOrDefault(l => string.Equals(l.Code, language, StringComparison.OrdinalIgnoreCase))?.Code;

    private async Task ReceiveLoopAsync(LiveConnection me, SessionRuntime runtime, SessionRecord session, Task<SocketMessage> first, CancellationToken ct)
    {
        var pending = first;
        while (!me.TooSlow)
        {
            var message = await pending;
            pending = SocketReader.ReceiveAsync(me.Socket, options.Value.MaxTextMessageBytes, options.Value.MaxAudioFrameBytes, ct);
            if (message.Kind == SocketMessageKind.Close)
            {
                return;
            }

            metrics.MessageReceived("listen");
            switch (message.Kind)
            {
                case SocketMessageKind.TooLarge:
                    refusal.Report(me, Path, ErrorCodes.MessageTooLarge, $"Text messages are limited to {options.Value.MaxTextMessageBytes} bytes.");
                    break;
                case SocketMessageKind.Binary:
                    refusal.Report(me, Path, ErrorCodes.AudioNotAllowed, "Listeners cannot send audio.");
                    break;
                default:
                    await OnMessageAsync(me, runtime, session, message, ct);
                    break;
            }
        }
    }

    private async Task OnMessageAsync(LiveConnection me, SessionRuntime runtime, SessionRecord session, SocketMessage message, CancellationToken ct)
    {
        var parsed = ClientMessage.Parse(message.Payload, out var error);
        switch (parsed?.Type)
        {
            case null:
                refusal.Report(me, Path, ErrorCodes.InvalidMessage, error!);
                break;
            case MessageTypes.Heartbeat:
                me.Send(Heartbeat.Ack(time));
                break;
            case MessageTypes.Resume when !parsed.TryGetOptionalInt64(MessageFields.AfterSeq, out _):
                refusal.Report(me, Path, ErrorCodes.InvalidMessage, "afterSeq must be a whole number.");
                break;
            case MessageTypes.Resume:
                // Resume after the first message: replay what this connection has not had; duplicates are dropped by seq.
                parsed.TryGetOptionalInt64(MessageFields.AfterSeq, out var afterSeq);
                me.HoldForReplay();
                IReadOnlyList<Delivery> missed = [];
                try
                {
                    missed = await replay.ResumeAsync(session.Id, session.SourceLanguage, me.Language!, Math.Max(0, afterSeq ?? 0), ct);
                }
                finally
                {
                    me.ReleaseAfterReplay(missed);
                }

                break;
            case MessageTypes.ChangeLanguage:
                ChangeLanguage(me, runtime, session, parsed.GetString(MessageFields.TargetLanguage));
                break;
            default:
                refusal.Report(me, Path, ErrorCodes.UnknownMessageType, $"Unknown message type \"{parsed.Type}\".");
                break;
        }
    }

    private void ChangeLanguage(LiveConnection me, SessionRuntime runtime, SessionRecord session, string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, "changeLanguage needs a targetLanguage.");
            return;
        }

        if (Offered(session, language) is not { } offered)
        {
            refusal.Count(ErrorCodes.UnsupportedLanguage);
            me.Send(ConnectionMessages.Error(ErrorCodes.UnsupportedLanguage, $"'{language}' is not offered.", null, languages.TargetsFor(session.SourceLanguage).Select(l => l.Code)));
            return;
        }

        runtime.ChangeLanguage(me, offered);
        warmup.Warm(session.SourceLanguage, offered);
        me.Send(ListenerMessages.LanguageChanged(offered));
        audience.Push(runtime);
    }

    private static OutboundFrame Joined(SessionRecord session, SessionRuntime runtime, string language) =>
        ListenerMessages.SessionJoined(session.Id, language, session.SourceLanguage, runtime.Status, runtime.Muted, runtime.Held);
}
