using Babelcast.Bench.Measure;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>The first-phrase scenario's JSON result: one row per fresh session and listener language.</summary>
public sealed record FirstPhraseResult(
    string Scenario,
    bool Smoke,
    string Command,
    MachineInfo Machine,
    bool ServerIsolated,
    int FrameMs,
    IReadOnlyList<string> Languages,
    int Sessions,
    int BusySessions,
    int SessionsWithAudio,
    Stats FirstAudio,
    Stats FirstAudioWorstLanguage,
    IReadOnlyDictionary<string, Stats> Stages,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> SpeakerErrors,
    IReadOnlyList<PhraseRow> Phrases);
