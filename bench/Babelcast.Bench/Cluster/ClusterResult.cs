using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Cluster;

/// <summary>The cluster scenario's JSON result.</summary>
public sealed record ClusterResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    string Baseline,
    int Workers,
    int Speakers,
    IReadOnlyList<string> Languages,
    double AudioSecondsPerSpeaker,
    SetupLatency SingleNode,
    SetupLatency Cluster,
    IReadOnlyDictionary<string, AddedLatency> BusAdded,
    FailoverRun? Failover,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> Errors);

/// <summary>The cluster's figure minus the single node's, for one measure (milliseconds).</summary>
public sealed record AddedLatency(double SingleP50, double ClusterP50, double AddedP50, double SingleP95, double ClusterP95, double AddedP95)
{
    public static AddedLatency Of(Stats single, Stats cluster) =>
        new(single.P50, cluster.P50, Math.Round(cluster.P50 - single.P50, 1), single.P95, cluster.P95, Math.Round(cluster.P95 - single.P95, 1));
}
