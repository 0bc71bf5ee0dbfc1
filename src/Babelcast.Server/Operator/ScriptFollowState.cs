namespace Babelcast.Server.Operator;

/// <summary>
/// One script's "follow the speaker" state: on or off, and where the speaker is. Phrases of a session are followed one
/// at a time (its pipeline's order), but the operator's messages arrive on the socket's thread: a lock keeps both in step.
/// </summary>
internal sealed class ScriptFollowState(IReadOnlyList<ScriptCue> cues)
{
    private readonly Lock _lock = new();
    private readonly ScriptMatcher _matcher = new(cues.Select(c => c.Text));
    private FollowPosition _position = FollowPosition.Start;
    private int _lastSent = -1;

    public bool On { get; private set; }

    public void Set(bool on)
    {
        lock (_lock)
        {
            On = on;
        }
    }

    /// <summary>The operator sent line <paramref name="index"/> by hand: the speaker is expected to read on from the line after it.</summary>
    public void Sent(int index)
    {
        lock (_lock)
        {
            _lastSent = index;
            _position = new FollowPosition(index + 1, 0, false);
        }
    }

    /// <summary>The match of a final phrase at the speaker's position; a match moves the position past what it read.</summary>
    public FollowMatch? Follow(string recognised, FollowOptions options, out double best)
    {
        lock (_lock)
        {
            var match = _matcher.Match(_position, recognised, options, out best);
            if (match is not null)
            {
                _position = match.Next;
                if (match.Send.Count > 0)
                {
                    _lastSent = match.Send[^1];
                }
            }

            return match;
        }
    }

    public (bool On, int Next, int Sent) Status()
    {
        lock (_lock)
        {
            // Inside a line already sent, the next line to send is the one after it.
            var next = _position.Sent ? _position.Cue + 1 : _position.Cue;
            return (On, Math.Min(next, cues.Count), _lastSent);
        }
    }
}
