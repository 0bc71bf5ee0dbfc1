namespace Babelcast.Core.Storage;

/// <summary>
/// A phrase translated into one language, with its audio's duration if any was synthesised. <see cref="Generation"/> is
/// the writer's fencing token (<see cref="ITranscriptStore.RaiseFenceAsync"/>); it is not stored or read back.
/// </summary>
public sealed record TranslationRecord(
    string SessionId,
    long Seq,
    string Language,
    string Text,
    string SourceText,
    long StartMs,
    long EndMs,
    int AudioDurationMs,
    DateTimeOffset CreatedAt,
    long Generation = 0);
