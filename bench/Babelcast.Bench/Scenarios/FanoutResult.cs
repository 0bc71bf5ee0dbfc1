using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>The fan-out scenario's JSON result.</summary>
public sealed record FanoutResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    bool ServerIsolated,
    IReadOnlyList<string> Languages,
    int ClipsPerStep,
    long ServerBaselineRssBytes,
    ulong FileDescriptorLimit,
    IReadOnlyList<FanoutStep> Steps,
    IReadOnlyList<Reporting.TargetCheck> Targets);
