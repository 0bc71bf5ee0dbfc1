using System.Collections.Concurrent;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Diagnostics;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// This node's connection store: the session runtimes and the fan-out of pre-serialised frames to their sockets. The
/// bus (<see cref="IBroadcaster"/>) decides what goes where; this writes it. The same bytes are queued on every listener
/// of a language; an idle listener's socket is written in the same loop (see <see cref="LiveConnection"/>), so a message
/// reaches every listener before the next message is started.
/// </summary>
internal sealed class ListenerHub : IConnectionStore, IAudienceSource
{
    private readonly ConcurrentDictionary<string, SessionRuntime> _sessions = new(StringComparer.Ordinal);
    private readonly ILogger<ListenerHub> _logger;
    private readonly BabelcastMetrics _metrics;
    private readonly TimeProvider _time;

    public ListenerHub(BabelcastMetrics metrics, TimeProvider time, ILogger<ListenerHub> logger)
    {
        _logger = logger;
        _metrics = metrics;
        _time = time;
        metrics.ObserveAudience(this);
    }

    public int ActiveSessions => _sessions.Count;

    public IReadOnlyCollection<string> SessionIds => _sessions.Keys.ToList();

    /// <inheritdoc />
    public event Action<string>? ConnectionsChanged;

    public SessionRuntime GetOrAdd(SessionRecord session) =>
        _sessions.GetOrAdd(session.Id, _ => new SessionRuntime(session.Id, session.SourceLanguage, session.Status, OnChanged));

    public SessionRuntime? Find(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    /// <summary>Adds a listener to the session's runtime on this node, replacing a runtime that is being retired.</summary>
    public (SessionRuntime Runtime, JoinResult Result) AddListener(SessionRecord session, LiveConnection listener, int cap)
    {
        while (true)
        {
            var runtime = GetOrAdd(session);
            var result = runtime.TryAddListener(listener, cap);
            if (result != JoinResult.Retired)
            {
                return (runtime, result);
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionRuntime>(session.Id, runtime));
        }
    }

    /// <summary>Makes <paramref name="speaker"/> the session's speaker, replacing a runtime that is being retired.</summary>
    public (SessionRuntime Runtime, JoinResult Result, LiveConnection? Replaced) AddSpeaker(SessionRecord session, LiveConnection speaker)
    {
        while (true)
        {
            var runtime = GetOrAdd(session);
            var result = runtime.TrySetSpeaker(speaker, out var replaced);
            if (result != JoinResult.Retired)
            {
                return (runtime, result, replaced);
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionRuntime>(session.Id, runtime));
        }
    }

    /// <summary>Forgets a runtime once nobody is connected (or it ended).</summary>
    public void RemoveIfIdle(SessionRuntime runtime)
    {
        if (runtime.TryRetire())
        {
            _sessions.TryRemove(new KeyValuePair<string, SessionRuntime>(runtime.SessionId, runtime));
            OnChanged(runtime.SessionId);
        }
    }

    private void OnChanged(string sessionId) => ConnectionsChanged?.Invoke(sessionId);

    /// <summary>Read at metrics collection time, not on the fan-out path.</summary>
    public IReadOnlyDictionary<string, int> ListenersByLanguage()
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var session in _sessions.Values)
        {
            foreach (var (language, count) in session.Distribution())
            {
                counts[language] = counts.GetValueOrDefault(language) + count;
            }
        }

        return counts;
    }

    public IReadOnlyDictionary<string, int> ListenerCounts(string sessionId) =>
        _sessions.TryGetValue(sessionId, out var s) ? s.Distribution() : new Dictionary<string, int>();

    public IReadOnlyCollection<string> ListenerLanguages(string sessionId) =>
        _sessions.TryGetValue(sessionId, out var s) ? s.Languages : [];

    /// <summary>Makes <paramref name="control"/> one of the session's co-operator connections, replacing a runtime that is being retired.</summary>
    public (SessionRuntime Runtime, JoinResult Result) AddOperator(SessionRecord session, LiveConnection control)
    {
        while (true)
        {
            var runtime = GetOrAdd(session);
            var result = runtime.TryAddOperator(control);
            if (result != JoinResult.Retired)
            {
                return (runtime, result);
            }

            _sessions.TryRemove(new KeyValuePair<string, SessionRuntime>(session.Id, runtime));
        }
    }

    public void DeliverToSpeaker(string sessionId, OutboundFrame frame)
    {
        if (_sessions.TryGetValue(sessionId, out var s))
        {
            s.SendToControls(frame);
        }
    }

    public void RevokeOperator(string sessionId, string userId, OutboundFrame error)
    {
        if (!_sessions.TryGetValue(sessionId, out var s))
        {
            return;
        }

        foreach (var control in s.Operators.Where(o => string.Equals(o.UserId, userId, StringComparison.Ordinal)))
        {
            control.Send(error);
            control.CloseAfterSending();
        }
    }

    public void DeliverToListeners(string sessionId, string language, Delivery delivery)
    {
        if (!_sessions.TryGetValue(sessionId, out var s))
        {
            return;
        }

        var listeners = s.ListenersOf(language);
        var started = _time.GetTimestamp();
        foreach (var listener in listeners)
        {
            if (!listener.Enqueue(delivery))
            {
                Log.SlowConsumer(_logger, sessionId);
                _metrics.Error(ErrorCodes.SlowConsumer);
                listener.Abort();
            }
        }

        if (listeners.Length > 0)
        {
            _metrics.FannedOut(delivery.Kind, _time.GetElapsedTime(started).TotalSeconds);
        }
    }

    public void DeliverToAllListeners(string sessionId, Delivery delivery)
    {
        if (_sessions.TryGetValue(sessionId, out var s))
        {
            s.SendToListeners(delivery);
        }
    }

    public bool EndSession(string sessionId, OutboundFrame ended)
    {
        if (!_sessions.TryGetValue(sessionId, out var runtime))
        {
            return false;
        }

        runtime.MarkEnded();
        runtime.Status = SessionStatus.Ended;
        foreach (var listener in runtime.AllListeners())
        {
            listener.EndSession(ended);
        }

        runtime.Speaker?.EndSession(ended);
        foreach (var control in runtime.Operators)
        {
            control.EndSession(ended);
        }
        RemoveIfIdle(runtime);
        return true;
    }
}
