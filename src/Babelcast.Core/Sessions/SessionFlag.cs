namespace Babelcast.Core.Sessions;

/// <summary>A session's live flags that every node holding its connections must agree on.</summary>
public enum SessionFlag : byte
{
    /// <summary>Paused: the speaker's audio is not processed (also stored as the session's status).</summary>
    Paused = 1,

    /// <summary>Muted: listeners hear silence; captions go on (live only, not stored).</summary>
    Muted = 2,
}
