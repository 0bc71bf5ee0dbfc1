namespace Babelcast.Bench.Cluster;

/// <summary>
/// One failover of the worker owning a session, timed from the signal (milliseconds; null: did not happen within the
/// wait). "After the lease moved" counts only what the new owner sent: a caption already on its way from the old
/// owner when it died is not a resumption.
/// </summary>
public sealed record FailoverResult(
    string Signal,
    string FromNode,
    string? ToNode,
    double? LeaseMovedMs,
    double? OldOwnerExitedMs,
    double? SpeakerTranscriptMs,
    double? FirstCaptionAnyMs,
    double? FirstCaptionMs,
    double? FirstFinalCaptionMs,
    IReadOnlyDictionary<string, double?> FirstCaptionByLanguage,
    string? Note);

/// <summary>The failover session: a kill -9 of its owner, then a SIGTERM of the next owner, and what the listeners got.</summary>
public sealed record FailoverRun(
    FailoverResult? Kill,
    FailoverResult? Stop,
    int FinalsAtSpeaker,
    int MissingFinalCaptions,
    int DuplicateFinalCaptions,
    IReadOnlyList<string> Errors);
