using Microsoft.Extensions.Options;

namespace Babelcast.Server.Broadcasting;

/// <summary>What this node does, from <c>Babelcast:Cluster:Role</c>: a gateway runs no pipeline, so it warms no engine.</summary>
internal sealed class NodeRole(IOptions<ClusterOptions> options)
{
    public bool RunsPipelines { get; } = !string.Equals(options.Value.Role, BroadcastingServiceCollectionExtensions.GatewayRole, StringComparison.OrdinalIgnoreCase);
}
