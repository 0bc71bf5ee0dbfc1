namespace Babelcast.Core.Cluster;

/// <summary>
/// The fencing token a node writes a session's results under: the lease generation it holds, or last held, for the
/// session (a worker), so that the store refuses the late writes of an owner that was replaced (its queued retries,
/// a write after a pause). 0 for a writer that never owned the session, which no fence refuses: the embedded default,
/// and a gateway producing a missing language of a stored phrase for a resuming listener.
/// </summary>
public interface ISessionWriteFence
{
    long GenerationOf(string sessionId);
}

/// <summary>One node runs every session: nothing to fence.</summary>
public sealed class NoWriteFence : ISessionWriteFence
{
    public long GenerationOf(string sessionId) => 0;
}
