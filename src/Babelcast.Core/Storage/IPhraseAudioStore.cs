namespace Babelcast.Core.Storage;

/// <summary>Encoded phrase audio kept for a bounded retention, keyed by (session, seq, language).</summary>
public interface IPhraseAudioStore
{
    ValueTask SaveAsync(string sessionId, long seq, string language, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null if absent or already deleted by retention.</summary>
    ValueTask<byte[]?> TryReadAsync(string sessionId, long seq, string language, CancellationToken cancellationToken);

    /// <summary>Deletes audio stored before <paramref name="cutoff"/>; returns how many files were deleted.</summary>
    ValueTask<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
