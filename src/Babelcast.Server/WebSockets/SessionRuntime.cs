using Babelcast.Core.Broadcasting;
using Babelcast.Core.Storage;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// The live state of one session on this node: its speaker socket and its listeners indexed by language.
/// Membership changes take the lock; fan-out reads immutable per-language arrays without locking.
/// </summary>
internal sealed class SessionRuntime(string sessionId, string sourceLanguage, SessionStatus status, Action<string>? changed = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, LiveConnection> _listeners = [];
    private Dictionary<string, LiveConnection[]> _byLanguage = new(StringComparer.OrdinalIgnoreCase);
    private LiveConnection[] _operators = [];

    public string SessionId => sessionId;

    public string SourceLanguage => sourceLanguage;

    public SessionStatus Status { get; set; } = status;

    public bool Muted { get; set; }

    /// <summary>On hold for music: the speaker's audio is dropped at the socket and listeners show a music state.</summary>
    public bool Held { get; set; }

    public LiveConnection? Speaker { get; private set; }

    /// <summary>Co-operators' control connections on this node (copy-on-write: delivery reads it without the lock).</summary>
    public LiveConnection[] Operators => _operators;

    public bool Ended { get; private set; }

    private int _statusScheduled;

    /// <summary>True for the caller that should schedule the next status push; false if one is already scheduled.</summary>
    public bool TryScheduleStatus() => Interlocked.Exchange(ref _statusScheduled, 1) == 0;

    /// <summary>Called just before a scheduled push reads the counts: later changes schedule a new push.</summary>
    public void StatusSent() => Interlocked.Exchange(ref _statusScheduled, 0);

    public int ListenerCount
    {
        get
        {
            lock (_gate)
            {
                return _listeners.Count;
            }
        }
    }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public IReadOnlyDictionary<string, int> Distribution() =>
        _byLanguage.ToDictionary(kv => kv.Key, kv => kv.Value.Length, StringComparer.OrdinalIgnoreCase);

    public LiveConnection[] ListenersOf(string language) => _byLanguage.TryGetValue(language, out var l) ? l : [];

    public IReadOnlyList<LiveConnection> AllListeners()
    {
        lock (_gate)
        {
            return [.. _listeners.Values];
        }
    }

    /// <summary>Set once the hub has dropped (or is dropping) this runtime; nobody may join it afterwards.</summary>
    public bool Retired { get; private set; }

    /// <summary>Adds a listener unless the session is full, ended or retired (checked and added atomically).</summary>
    public JoinResult TryAddListener(LiveConnection listener, int cap)
    {
        lock (_gate)
        {
            if (Retired)
            {
                return JoinResult.Retired;
            }

            if (Ended || _listeners.Count >= cap)
            {
                return Ended ? JoinResult.Ended : JoinResult.Full;
            }

            _listeners[listener.Id] = listener;
            AddTo(listener.Language!, listener);
        }

        changed?.Invoke(sessionId);
        return JoinResult.Added;
    }

    /// <summary>
    /// Retires the runtime if it ended or nobody is connected, under the same lock as joining: a connection is
    /// either in a runtime the hub keeps, or told to join another one.
    /// </summary>
    public bool TryRetire()
    {
        lock (_gate)
        {
            if (Ended || (Speaker is null && _listeners.Count == 0 && _operators.Length == 0))
            {
                Retired = true;
            }

            return Retired;
        }
    }

    public bool RemoveListener(LiveConnection listener)
    {
        bool removed;
        lock (_gate)
        {
            removed = _listeners.Remove(listener.Id);
            if (removed)
            {
                RemoveFrom(listener.Language!, listener);
            }
        }

        // Outside the lock: the cluster bus reads the counts when told.
        if (removed)
        {
            changed?.Invoke(sessionId);
        }

        return removed;
    }

    public void ChangeLanguage(LiveConnection listener, string language)
    {
        lock (_gate)
        {
            if (_listeners.ContainsKey(listener.Id))
            {
                RemoveFrom(listener.Language!, listener);
                AddTo(language, listener);
            }

            listener.Language = language;
        }

        changed?.Invoke(sessionId);
    }

    /// <summary>Makes <paramref name="speaker"/> the session's speaker unless it ended or retired; <paramref name="replaced"/> is the one it replaces.</summary>
    public JoinResult TrySetSpeaker(LiveConnection speaker, out LiveConnection? replaced)
    {
        lock (_gate)
        {
            replaced = null;
            if (Retired || Ended)
            {
                return Retired ? JoinResult.Retired : JoinResult.Ended;
            }

            replaced = Speaker;
            Speaker = speaker;
        }

        changed?.Invoke(sessionId);
        return JoinResult.Added;
    }

    public bool ClearSpeaker(LiveConnection speaker)
    {
        lock (_gate)
        {
            if (Speaker != speaker)
            {
                return false;
            }

            Speaker = null;
        }

        changed?.Invoke(sessionId);
        return true;
    }

    /// <summary>Adds a co-operator's control connection unless the session ended or the runtime retired.</summary>
    public JoinResult TryAddOperator(LiveConnection control)
    {
        lock (_gate)
        {
            if (Retired || Ended)
            {
                return Retired ? JoinResult.Retired : JoinResult.Ended;
            }

            _operators = [.. _operators, control];
        }

        changed?.Invoke(sessionId);
        return JoinResult.Added;
    }

    public bool RemoveOperator(LiveConnection control)
    {
        lock (_gate)
        {
            if (!_operators.Contains(control))
            {
                return false;
            }

            _operators = [.. _operators.Where(o => o != control)];
        }

        changed?.Invoke(sessionId);
        return true;
    }

    /// <summary>Queues <paramref name="frame"/> on every control connection here: the speaker's and the co-operators'.</summary>
    public void SendToControls(OutboundFrame frame)
    {
        Speaker?.Send(frame);
        foreach (var control in _operators)
        {
            control.Send(frame);
        }
    }

    /// <summary>Marks the runtime ended; no listener can join afterwards.</summary>
    public void MarkEnded()
    {
        lock (_gate)
        {
            Ended = true;
        }
    }

    public void SendToListeners(Delivery delivery)
    {
        foreach (var l in AllListeners())
        {
            if (!l.Enqueue(delivery))
            {
                l.Abort(); // Too slow: dropped; it reconnects and resumes.
            }
        }
    }

    // Copy-on-write per language: fan-out reads the arrays without a lock.
    private void AddTo(string language, LiveConnection listener)
    {
        var map = new Dictionary<string, LiveConnection[]>(_byLanguage, StringComparer.OrdinalIgnoreCase);
        map[language] = [.. ListenersOf(language), listener];
        _byLanguage = map;
    }

    private void RemoveFrom(string language, LiveConnection listener)
    {
        var map = new Dictionary<string, LiveConnection[]>(_byLanguage, StringComparer.OrdinalIgnoreCase);
        var rest = ListenersOf(language).Where(l => l != listener).ToArray();
        if (rest.Length == 0)
        {
            map.Remove(language);
        }
        else
        {
            map[language] = rest;
        }

        _byLanguage = map;
    }
}
