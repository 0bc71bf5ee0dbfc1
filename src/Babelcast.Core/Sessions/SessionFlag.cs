namespace Babelcast.Core.Sessions;

/// <summary>A session's live flags that every node holding its connections must agree on.</summary>
public enum SessionFlag : byte
{
    /// <summary>Paused: the speaker's audio is not processed (also stored as the session's status).</summary>
    Paused = 1,

    /// <summary>Muted: listeners hear silence; captions go on (live only, not stored).</summary>
    Muted = 2,

    /// <summary>
    /// Held (music): no phrase is made from the speaker's audio and listeners show a music state; typed lines still go
    /// out. Live only, not stored, as <see cref="Muted"/>; the session stays active for reconnects and replays.
    /// </summary>
    Held = 3,
}
