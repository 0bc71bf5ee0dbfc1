using System.Buffers.Binary;
using Babelcast.Core.Ingest;
using Xunit;

namespace Babelcast.Testing.Contracts;

/// <summary>
/// Speaker frames numbered by the client (protocol framing <c>seq</c>): a frame resent after a reconnect, through this
/// gateway or another, is appended once; a gap is accepted; the session's last number is read back for the next connect.
/// </summary>
public abstract partial class AudioIngestContractTests
{
    /// <summary>
    /// Another gateway writing to the same sessions' logs as <paramref name="first"/>: the same instance for an
    /// in-process ingest, another node on the same broker for a distributed one.
    /// </summary>
    protected virtual IAudioIngest CreatePeer(IAudioIngest first, int capacity) => first;

    [Fact]
    public async Task LastClientSeqAsync_NothingWritten_ReturnsZero()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);

        Assert.Equal(0, await ingest.LastClientSeqAsync("never", cts.Token));
    }

    [Fact]
    public async Task TryWrite_ClientSeqResentAfterReconnect_ReaderGetsEachFrameOnceAndLastSeqIsReadBack()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);
        await using var reader = ingest.ReadAllAsync("a", cts.Token).GetAsyncEnumerator(cts.Token);
        for (var seq = 1; seq <= 5; seq++)
        {
            Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("a", Numbered(seq)));
        }

        Assert.Equal([1, 2, 3, 4, 5], await TakeAsync(reader, 5));
        Assert.Equal(5, await ingest.LastClientSeqAsync("a", cts.Token));

        // The client did not hear about 4 and 5 before its socket dropped: it resends them with what follows.
        for (var seq = 4; seq <= 8; seq++)
        {
            Assert.Contains(ingest.TryWrite("a", Numbered(seq)), new[] { IngestWriteResult.Accepted, IngestWriteResult.Duplicate });
        }

        ingest.TryWrite("a", Numbered(9));
        Assert.Equal([6, 7, 8, 9], await TakeAsync(reader, 4));
        Assert.Equal(9, await ingest.LastClientSeqAsync("a", cts.Token));
    }

    [Fact]
    public async Task TryWrite_ClientSeqGap_AcceptedAndLaterLowerSeqDropped()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);
        foreach (var seq in new[] { 1, 2, 10, 11, 5, 12 })
        {
            ingest.TryWrite("a", Numbered(seq));
        }

        ingest.Complete("a");

        var frames = (await ConsumeAsync(ingest, "a", slow: false, cts.Token)).Select(i => Parse(i).Seq);
        Assert.Equal([1, 2, 10, 11, 12], frames);
        Assert.Equal(12, await ingest.LastClientSeqAsync("a", cts.Token));
    }

    [Fact]
    public async Task TryWrite_TwoGatewaysRacingWithTheSameFrames_EachFrameAppendedOnceInOrder()
    {
        const int frames = 300;
        var ingest = CreateIngest(64);
        var peer = CreatePeer(ingest, 64);
        using var cts = new CancellationTokenSource(Timeout);
        await using var reader = ingest.ReadAllAsync("a", cts.Token).GetAsyncEnumerator(cts.Token);

        // The old connection still draining and the new one resending from the same point: neither may double a frame.
        var writers = new[] { ingest, peer }.Select(target => Task.Run(() => WriteNumberedAsync(target, "a", frames, cts.Token), cts.Token)).ToList();
        var read = await TakeUntilAsync(reader, frames);
        await Task.WhenAll(writers);

        Assert.Equal(Enumerable.Range(1, frames), read);
        Assert.Equal(frames, await peer.LastClientSeqAsync("a", cts.Token));
        Assert.Equal(frames, await ingest.LastClientSeqAsync("a", cts.Token));
    }

    private static IngestItem Numbered(int seq)
    {
        var bytes = new byte[640];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), seq);
        return new IngestItem(IngestKind.Audio, bytes, seq) { ClientSeq = seq };
    }

    private static async Task WriteNumberedAsync(IAudioIngest ingest, string sessionId, int frames, CancellationToken cancellationToken)
    {
        for (var seq = 1; seq <= frames; seq++)
        {
            IngestWriteResult result;
            while ((result = ingest.TryWrite(sessionId, Numbered(seq))) == IngestWriteResult.Full)
            {
                await Task.Delay(1, cancellationToken);
            }

            Assert.Contains(result, new[] { IngestWriteResult.Accepted, IngestWriteResult.Duplicate });
        }
    }

    private static async Task<List<int>> TakeAsync(IAsyncEnumerator<IngestItem> reader, int count)
    {
        var taken = new List<int>();
        while (taken.Count < count && await reader.MoveNextAsync())
        {
            taken.Add(Parse(reader.Current).Seq);
        }

        return taken;
    }

    /// <summary>Reads until the frame numbered <paramref name="last"/>; a frame read twice shows up in the list.</summary>
    private static async Task<List<int>> TakeUntilAsync(IAsyncEnumerator<IngestItem> reader, int last)
    {
        var taken = new List<int>();
        while (await reader.MoveNextAsync())
        {
            taken.Add(Parse(reader.Current).Seq);
            if (taken[^1] == last)
            {
                break;
            }
        }

        return taken;
    }
}
