using System.Buffers.Binary;
using System.Collections.Concurrent;
using Babelcast.Core.Ingest;

namespace Babelcast.Server.Tests.WebSockets;

/// <summary>
/// The server's real in-process ingest with a record of the audio frames it accepted, per session: the frame number
/// the test wrote into each frame's first four PCM bytes, in the order the pipeline will read them.
/// </summary>
internal sealed class RecordingAudioIngest(IAudioIngest inner) : IAudioIngest
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _frames = new(StringComparer.Ordinal);

    public IReadOnlyList<int> Frames(string sessionId) => _frames.TryGetValue(sessionId, out var frames) ? frames.ToList() : [];

    public IngestWriteResult TryWrite(string sessionId, IngestItem item)
    {
        var result = inner.TryWrite(sessionId, item);
        if (result == IngestWriteResult.Accepted && item.Kind == IngestKind.Audio)
        {
            _frames.GetOrAdd(sessionId, _ => new()).Enqueue(BinaryPrimitives.ReadInt32LittleEndian(item.Audio.Span));
        }

        return result;
    }

    public ValueTask<long> LastClientSeqAsync(string sessionId, CancellationToken cancellationToken) => inner.LastClientSeqAsync(sessionId, cancellationToken);

    public IAsyncEnumerable<IngestItem> ReadAllAsync(string sessionId, CancellationToken cancellationToken) => inner.ReadAllAsync(sessionId, cancellationToken);

    public void Complete(string sessionId) => inner.Complete(sessionId);

    public void Remove(string sessionId) => inner.Remove(sessionId);
}
