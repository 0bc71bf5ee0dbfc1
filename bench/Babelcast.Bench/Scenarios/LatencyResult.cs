using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>The latency scenario's JSON result.</summary>
public sealed record LatencyResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    bool ServerIsolated,
    int FrameMs,
    double PauseSeconds,
    string Gaps,
    int? GapSeed,
    IReadOnlyList<double> GapSeconds,
    IReadOnlyList<string> Languages,
    int ClipsStreamed,
    int ClipsWithFinal,
    int MergedPhrases,
    TranscriptAccuracy FinalTranscriptWer,
    double AudioSeconds,
    IReadOnlyDictionary<string, Stats> Latency,
    IReadOnlyDictionary<string, Stats> LatencyClipEnds,
    IReadOnlyDictionary<string, Stats> Stages,
    IReadOnlyDictionary<string, Stats> ByLanguage,
    IReadOnlyList<TargetCheck> Targets,
    ResourceWindow ServerResources,
    double MaxStreamLatenessMs,
    IReadOnlyList<string> SpeakerErrors,
    IReadOnlyDictionary<string, int> MessagesReceived,
    IReadOnlyList<PhraseRow> Phrases);
