namespace Babelcast.Core.Storage;

/// <summary>A phrase translated into one language, with its audio's duration if any was synthesised.</summary>
public sealed record TranslationRecord(
    string SessionId,
    long Seq,
    string Language,
    string Text,
    string SourceText,
    long StartMs,
    long EndMs,
    int AudioDurationMs,
    DateTimeOffset CreatedAt);
