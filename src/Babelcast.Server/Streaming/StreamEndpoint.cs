using Babelcast.Core.Diagnostics;
using Babelcast.Core.Languages;
using Babelcast.Core.Limits;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;
using Babelcast.Server.Endpoints;
using Babelcast.Server.Hosting;
using Babelcast.Server.WebSockets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Streaming;

/// <summary>
/// <c>GET /api/sessions/{id}/stream/{targetLanguage}.mp3</c>: one language's translated speech as an endless MP3 for
/// players that cannot keep a page awake. The client is a listener of that language like a WebSocket one: it counts
/// toward the cap, the per-IP limits and the language distribution, and so makes the language be translated.
/// </summary>
internal sealed class StreamEndpoint(
    ISessionStore sessions,
    IWebSocketRateLimiter rateLimiter,
    IConnectionStore connections,
    IListenerSlots slots,
    AudienceStatus audience,
    ILanguageCatalog languages,
    TranslationWarmup warmup,
    SilentFrames silence,
    BabelcastMetrics metrics,
    TimeProvider time,
    IOptions<StreamOptions> options,
    IOptions<LiveOptions> liveOptions,
    IOptions<Sessions.SessionOptions> sessionOptions,
    ILogger<StreamEndpoint> logger)
{
    public const string Route = "/api/sessions/{id}/stream/{targetLanguage}.mp3";

    public async Task HandleAsync(HttpContext context, string id, string targetLanguage)
    {
        var ct = context.RequestAborted;
        var (session, language, refusal) = await AdmitAsync(context, id, targetLanguage, ct);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var socket = new StreamSocket();
        var live = liveOptions.Value;
        var me = new LiveConnection(socket, session!.Id, language, live.ListenerQueueCapacity, live.SendQueueMaxBytes, metrics, "stream");
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
            await (joined == JoinResult.Ended ? Ended() : Full()).ExecuteAsync(context);
            return;
        }

        // As for WebSocket listeners: an end that found no runtime to tell shows in the store once we are registered.
        if (await sessions.GetAsync(session.Id, ct) is null or { Status: SessionStatus.Ended })
        {
            me.EndSession(ConnectionMessages.SessionEnded(session.Id, ListenerEndpoint.EndedMeanwhileReason));
        }

        Log.StreamStarted(logger, session.Id, language!);
        audience.Push(runtime);
        warmup.Warm(session.SourceLanguage, language!);
        var writer = me.WriteLoopAsync(ct);
        var outcome = StreamOutcome.Gone;
        try
        {
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = "audio/mpeg";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.StartAsync(ct);
            var pacer = new StreamPacer(socket, runtime, silence, options.Value, metrics, time);
            outcome = await pacer.RunAsync(context.Response.Body, ct);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away before the first byte.
        }
        finally
        {
            runtime.RemoveListener(me);
            slots.Release(session.Id);
            audience.Push(runtime);
            me.CompleteSending();
            await writer;
            connections.RemoveIfIdle(runtime);
            socket.Dispose();
        }

        if (outcome == StreamOutcome.TooSlow)
        {
            Log.StreamTooSlow(logger, session.Id);
            metrics.Error(ErrorCodes.SlowConsumer);
            context.Abort(); // Cut off, not completed: the client must not take it for the end of the session.
        }

        Log.StreamEnded(logger, session.Id, outcome);
    }

    private async Task<(SessionRecord?, string?, IResult?)> AdmitAsync(HttpContext context, string id, string targetLanguage, CancellationToken ct)
    {
        var ip = RateLimitPartitions.ClientIp(context);
        var limited = await rateLimiter.AcquireConnectAsync(ip, ct);
        if (limited.Acquired)
        {
            limited = await rateLimiter.AcquireJoinAsync(ip, ct);
        }

        if (!limited.Acquired)
        {
            var seconds = (int)Math.Ceiling(limited.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, null, Problems.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded,
                "Too many joins; try again later.", new Dictionary<string, object?> { ["retryAfter"] = seconds }));
        }

        var (session, error) = await SessionAccess.FindAsync(id, sessions, ct);
        if (error is not null)
        {
            return (null, null, error);
        }

        if (session!.Status == SessionStatus.Ended)
        {
            return (null, null, Ended());
        }

        var offered = languages.TargetsFor(session.SourceLanguage)
            .FirstOrDefault(l => string.Equals(l.Code, targetLanguage, StringComparison.OrdinalIgnoreCase))?.Code;
        if (offered is null)
        {
            var supported = languages.TargetsFor(session.SourceLanguage).Select(l => l.Code).ToList();
            return (null, null, Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.UnsupportedLanguage,
                $"'{targetLanguage}' is not offered; supported: {string.Join(", ", supported)}.",
                new Dictionary<string, object?> { ["supportedLanguages"] = supported }));
        }

        return (session, offered, null);
    }

    private static IResult Ended() =>
        Problems.Create(StatusCodes.Status410Gone, ErrorCodes.SessionEnded, "The session has ended.");

    private static IResult Full() =>
        Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SessionFull, "The session has reached its listener limit.");
}
