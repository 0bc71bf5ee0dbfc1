namespace Babelcast.Core.Cluster;

/// <summary>
/// Runs a session's pipeline on the node that owns it, for as long as the token allows: the token is cancelled when
/// the lease is lost or the node stops. The lease is released after the returned task completes, never before.
/// </summary>
public interface IOwnedSessionRunner
{
    Task RunAsync(ISessionLease lease, CancellationToken cancellationToken);
}
