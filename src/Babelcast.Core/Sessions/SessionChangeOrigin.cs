namespace Babelcast.Core.Sessions;

/// <summary>Who asked for a session state change; it decides only what happens when the store refuses the write.</summary>
public enum SessionChangeOrigin
{
    /// <summary>The REST API: a refused write fails the request and nothing changes live.</summary>
    Api,

    /// <summary>
    /// The speaker's socket: a refused write must not cost the live session, so the speaker is told
    /// (<c>STORAGE_UNAVAILABLE</c>) and the change applies live anyway; an unchanged status is acknowledged.
    /// </summary>
    Speaker,

    /// <summary>The expiry sweeper: as <see cref="Api"/>; the next sweep tries again.</summary>
    Expiry,
}
