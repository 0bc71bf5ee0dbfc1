using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// The latency of one setup (a single node, or the cluster) under the same speakers and listeners: per-phrase
/// distributions, what did not arrive, and the processes' and backends' use over the run.
/// </summary>
public sealed record SetupLatency(
    string Setup,
    int Speakers,
    int ClipsStreamed,
    int ClipsWithFinal,
    int FinalPhrases,
    int MissingFinalCaptions,
    int MissingAudio,
    int SpeakerErrors,
    IReadOnlyDictionary<string, int> SpeakerErrorCodes,
    int DuplicateFinals,
    IReadOnlyList<string> LeaseMoves,
    TranscriptAccuracy FinalTranscriptWer,
    IReadOnlyDictionary<string, Stats> Latency,
    IReadOnlyDictionary<string, Stats> Stages,
    IReadOnlyDictionary<string, ResourceWindow> Processes,
    BackendWindow? Backends,
    IReadOnlyList<PhraseRow> Phrases);
