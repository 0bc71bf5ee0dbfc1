namespace Babelcast.Core.Storage;

/// <summary>
/// One final phrase of a session in the source language. <see cref="StartMs"/> and <see cref="EndMs"/> are
/// offsets into the session's audio; <see cref="TimingsJson"/> holds the per-stage timestamps. <see cref="Generation"/>
/// is the writer's fencing token (<see cref="ITranscriptStore.RaiseFenceAsync"/>); it is not stored or read back.
/// </summary>
public sealed record PhraseRecord(
    string SessionId,
    long Seq,
    string SourceText,
    long StartMs,
    long EndMs,
    DateTimeOffset CreatedAt,
    string? TimingsJson,
    long Generation = 0);
