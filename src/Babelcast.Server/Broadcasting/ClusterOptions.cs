namespace Babelcast.Server.Broadcasting;

/// <summary>How this node shares sessions with others (<c>Babelcast:Cluster</c>).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Babelcast:Cluster";

    /// <summary>
    /// The broadcast bus by name: <c>inproc</c> (the default) keeps every session on this node; <c>redis</c> shares the
    /// live paths (ingest, ownership, fan-out, listener counts) with the other nodes through Redis.
    /// </summary>
    public string Bus { get; set; } = BroadcastingServiceCollectionExtensions.InProcessBus;

    /// <summary>
    /// What this node does in a cluster: <c>all</c> (the default: sockets and pipelines), <c>gateway</c> (speakers'
    /// and listeners' sockets only) or <c>worker</c> (claims sessions and runs their pipelines). Roles other than
    /// <c>all</c> need the <c>redis</c> bus.
    /// </summary>
    public string Role { get; set; } = BroadcastingServiceCollectionExtensions.AllRole;
}
