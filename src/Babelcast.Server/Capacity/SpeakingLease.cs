namespace Babelcast.Server.Capacity;

/// <summary>One speaker connection's hold on its session's place; released once, when the connection ends.</summary>
internal sealed class SpeakingLease
{
    private readonly SpeakingSessions _owner;
    private readonly string _sessionId;
    private readonly SpeakingSessions.Place _place;
    private int _released;

    internal SpeakingLease(SpeakingSessions owner, string sessionId, SpeakingSessions.Place place)
    {
        _owner = owner;
        _sessionId = sessionId;
        _place = place;
    }

    /// <summary>Gives the connection's hold back; <paramref name="sessionEnded"/> frees the place at once (no reconnect grace).</summary>
    public void Release(bool sessionEnded)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _owner.Release(_sessionId, _place, sessionEnded);
        }
    }
}
