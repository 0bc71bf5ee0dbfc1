using System.Globalization;
using Babelcast.Bench.Hosting;

namespace Babelcast.Bench.Cluster;

/// <summary>Settings of the nodes the cluster scenario starts, as environment variables.</summary>
public static class ClusterSettings
{
    public const string KeyPrefix = "Babelcast__Cluster__Redis__KeyPrefix";

    /// <summary>
    /// The bench's settings, the command line's overrides, then <paramref name="deployment"/>. Load shedding is off in
    /// both setups, so that the single node and the cluster do the same work for the same speakers.
    /// </summary>
    public static Dictionary<string, string> For(BenchOptions options, IReadOnlyDictionary<string, string>? deployment, string? role = null, string? nodeId = null)
    {
        var settings = ServerSettings.ForBench(100);
        settings["Babelcast__Capacity__Shedding__Enabled"] = "false";
        foreach (var (key, value) in deployment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        if (role is not null)
        {
            settings["Babelcast__Cluster__Role"] = role;
            settings["Babelcast__Cluster__NodeId"] = nodeId ?? role;
        }

        foreach (var (key, value) in options.ServerOverrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string WorkerName(int index) => string.Create(CultureInfo.InvariantCulture, $"worker-{index}");
}
