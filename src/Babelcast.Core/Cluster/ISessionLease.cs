namespace Babelcast.Core.Cluster;

/// <summary>
/// The right of one node to run one session's pipeline, numbered by a generation that grows with every new owner so
/// that writes made under an older lease can be refused.
/// </summary>
public interface ISessionLease
{
    string SessionId { get; }

    /// <summary>Grows by one with every owner the session has had; carried into durable writes as a fencing token.</summary>
    long Generation { get; }

    /// <summary>
    /// Cancelled as soon as this node may no longer act on the session: another node took it, or the lease could not
    /// be renewed before its local deadline (the node stops by itself instead of trusting a lease that may have expired).
    /// </summary>
    CancellationToken Lost { get; }

    bool IsLost { get; }
}
