using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Babelcast.Cluster.Redis;

/// <summary>This process's name in the cluster: <c>Babelcast:Cluster:NodeId</c>, or host, process id and a random suffix.</summary>
public sealed class ClusterNode(IConfiguration configuration)
{
    public string Id { get; } = configuration["Babelcast:Cluster:NodeId"] is { Length: > 0 } configured
        ? configured
        : string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Random.Shared.Next(0x10000):x4}");
}
