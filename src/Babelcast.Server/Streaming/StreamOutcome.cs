namespace Babelcast.Server.Streaming;

internal enum StreamOutcome
{
    /// <summary>The session ended; everything was written and the response completes normally.</summary>
    Ended,

    /// <summary>The client went away (or the server is stopping).</summary>
    Gone,

    /// <summary>The client read too slowly and is disconnected.</summary>
    TooSlow,
}
