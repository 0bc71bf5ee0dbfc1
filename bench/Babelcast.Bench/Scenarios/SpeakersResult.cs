using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>The speakers scenario's JSON result.</summary>
public sealed record SpeakersResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    bool ServerIsolated,
    IReadOnlyList<string> Languages,
    int ClipsPerSpeaker,
    double MaxLagSeconds,
    int LargestBoundedSpeakers,
    long ServerIdleRssBytes,
    IReadOnlyList<SpeakersStep> Steps);
