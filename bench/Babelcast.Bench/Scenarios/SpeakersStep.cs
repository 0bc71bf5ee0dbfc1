using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>
/// One speaker count: lag = a clip's end of speech to its final caption (the phrase that closes the clip), over all
/// speakers and languages (the admitted ones: <see cref="Refused"/> speakers got <c>CAPACITY_EXCEEDED</c>); growth = mean
/// lag over the last third of each speaker's clips minus the first third; <see cref="FinalTranscriptWer"/> over every
/// speaker's final transcripts (errors and words summed).
/// </summary>
public sealed record SpeakersStep(
    int Speakers,
    int Languages,
    bool Bounded,
    string Verdict,
    Stats Lag,
    Stats ToAudio,
    Stats PartialLag,
    double LagGrowthMs,
    int ClipsExpected,
    int ClipsWithCaption,
    int SpeakerErrors,
    double MaxStreamLatenessMs,
    ResourceWindow Server,
    IReadOnlyDictionary<string, Stats>? Stages = null,
    TranscriptAccuracy? FinalTranscriptWer = null,
    int Refused = 0);
