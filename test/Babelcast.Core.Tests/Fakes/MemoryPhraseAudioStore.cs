using Babelcast.Core.Storage;

namespace Babelcast.Core.Tests.Fakes;

internal sealed class MemoryPhraseAudioStore : IPhraseAudioStore
{
    public ValueTask SaveAsync(string sessionId, long seq, string language, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public ValueTask<byte[]?> TryReadAsync(string sessionId, long seq, string language, CancellationToken cancellationToken) =>
        ValueTask.FromResult<byte[]?>(null);

    public ValueTask<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => ValueTask.FromResult(0);
}
