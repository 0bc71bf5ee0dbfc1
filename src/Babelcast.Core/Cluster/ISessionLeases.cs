namespace Babelcast.Core.Cluster;

/// <summary>Cluster-wide ownership of session pipelines: exactly one node works on a session at a time.</summary>
public interface ISessionLeases
{
    /// <summary>Takes the session if no node holds it; null when another node does. The lease is renewed until released or lost.</summary>
    ValueTask<ISessionLease?> TryAcquireAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="checkpoint"/> (the ingest position after the last finished phrase) only if
    /// <paramref name="lease"/> is still the session's current lease, in the same atomic step, and drops the ingest
    /// entries before it. False when the lease was lost: the caller must stop working on the session.
    /// </summary>
    ValueTask<bool> CommitCheckpointAsync(ISessionLease lease, string checkpoint, CancellationToken cancellationToken);

    /// <summary>The last committed checkpoint of the session, or null when none was committed.</summary>
    ValueTask<string?> GetCheckpointAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Gives the session up at once (a graceful stop hands it to another node without waiting for expiry).</summary>
    ValueTask ReleaseAsync(ISessionLease lease, CancellationToken cancellationToken);
}
