namespace Babelcast.Server.WebSockets;

/// <summary>The outcome of adding a connection to a session runtime.</summary>
internal enum JoinResult
{
    Added,
    Full,
    Ended,

    /// <summary>The runtime was idle and is leaving the hub; join a fresh one instead.</summary>
    Retired,
}
