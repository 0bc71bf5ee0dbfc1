using Microsoft.Extensions.Options;

namespace Babelcast.Server.Capacity;

/// <summary>
/// Admission of speakers: a node carries at most <see cref="CapacityOptions.EffectiveMaxSpeakingSessions"/> speaking
/// sessions, counted by session, not by connection. A session holds its place from its speaker's admission until it
/// ends, or until its speaker has been gone for <see cref="CapacityOptions.SpeakerReconnectGrace"/>; so another
/// connection of the same session (a reconnect, a second tab taking over) is always admitted.
/// Admission and counting are one step under a lock: concurrent speakers cannot both take the last place.
/// </summary>
internal sealed class SpeakingSessions(IOptions<CapacityOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Limit => options.Value.EffectiveMaxSpeakingSessions;

    /// <summary>Sessions holding a place now (speaking, or within their speaker's reconnect grace).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Prune();
                return _places.Count;
            }
        }
    }

    public bool IsFull => Count >= Limit;

    /// <summary>Admits a connection of <paramref name="sessionId"/>'s speaker, or returns null when the node is full.</summary>
    public SpeakingLease? TryAdmit(string sessionId)
    {
        lock (_gate)
        {
            Prune();
            if (!_places.TryGetValue(sessionId, out var place))
            {
                if (_places.Count >= Limit)
                {
                    return null;
                }

                place = new Place();
                _places.Add(sessionId, place);
            }

            place.Connections++;
            return new SpeakingLease(this, sessionId, place);
        }
    }

    internal void Release(string sessionId, Place place, bool ended)
    {
        lock (_gate)
        {
            place.Connections--;
            if (ended || (place.Connections == 0 && options.Value.SpeakerReconnectGrace <= TimeSpan.Zero))
            {
                // An ended session frees its place even while a replaced connection lingers. Only the place this lease
                // took is removed: a later admission of the session owns its own.
                if (_places.TryGetValue(sessionId, out var current) && current == place)
                {
                    _places.Remove(sessionId);
                }

                return;
            }

            if (place.Connections == 0)
            {
                place.LeftAt = time.GetTimestamp();
            }
        }
    }

    private void Prune()
    {
        var grace = options.Value.SpeakerReconnectGrace;
        List<string>? expired = null;
        foreach (var (id, place) in _places)
        {
            if (place.Connections == 0 && time.GetElapsedTime(place.LeftAt) >= grace)
            {
                (expired ??= []).Add(id);
            }
        }

        foreach (var id in expired ?? [])
        {
            _places.Remove(id);
        }
    }

    internal sealed class Place
    {
        public int Connections { get; set; }

        public long LeftAt { get; set; }
    }
}
