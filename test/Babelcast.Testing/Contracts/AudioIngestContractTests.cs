using System.Buffers.Binary;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Xunit;

namespace Babelcast.Testing.Contracts;

/// <summary>
/// The behaviour every <see cref="IAudioIngest"/> must show: per session ordered, isolated, bounded, closable.
/// A backend's test class derives and supplies the ingest. Each item carries its session number and sequence number
/// in its audio bytes, so that a test consumer can prove that nothing was lost, duplicated, reordered or misdelivered.
/// </summary>
public abstract partial class AudioIngestContractTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A fresh ingest whose sessions hold at most <paramref name="capacity"/> unread items.</summary>
    protected abstract IAudioIngest CreateIngest(int capacity);

    [Fact]
    public async Task ReadAllAsync_ConcurrentWritersToDifferentSessions_EachReaderGetsItsOwnItemsInOrder()
    {
        const int sessions = 6;
        const int items = 3000;
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);

        // Readers run while writers write, so the small queues fill and writers must wait and retry.
        var readers = Enumerable.Range(0, sessions).Select(s => ConsumeAsync(ingest, SessionId(s), slow: s % 2 == 0, cts.Token)).ToList();
        var writers = Enumerable.Range(0, sessions).Select(s => Task.Run(() => WriteAsync(ingest, s, items, cts.Token), cts.Token)).ToList();
        await Task.WhenAll(writers);
        var received = await Task.WhenAll(readers);

        for (var s = 0; s < sessions; s++)
        {
            AssertItems(received[s], s, items);
        }
    }

    [Fact]
    public async Task ReadAllAsync_TypedLineBetweenFrames_ArrivesInOrderWithItsText()
    {
        var ingest = CreateIngest(16);
        using var cts = new CancellationTokenSource(Timeout);
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("t", Item(0, 0)));
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("t", IngestItem.Typed("Señor, ten piedad: 100 %", 5)));
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("t", Item(0, 1)));
        ingest.Complete("t");

        var read = new List<IngestItem>();
        await foreach (var item in ingest.ReadAllAsync("t", cts.Token))
        {
            read.Add(item);
        }

        Assert.Equal([IngestKind.Audio, IngestKind.Text, IngestKind.Audio], read.Select(i => i.Kind));
        Assert.Equal("Señor, ten piedad: 100 %", read[1].Text);
    }

    [Fact]
    public async Task ReadAllAsync_ScriptedPhraseBetweenFrames_ArrivesInOrderWithItsTexts()
    {
        var ingest = CreateIngest(16);
        using var cts = new CancellationTokenSource(Timeout);
        var passage = new ScriptedPhrase(PhraseOrigin.Scripture, "en",
            [new ScriptedSegment("For God so loved the world.", new PreparedTexts(
                new Dictionary<string, string> { ["es"] = "Porque de tal manera amó Dios al mundo." }, true, "John 3:16"))]);
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("s", Item(0, 0)));
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("s", IngestItem.Scripted(passage, 5)));
        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("s", Item(0, 1)));
        ingest.Complete("s");

        var read = new List<IngestItem>();
        await foreach (var item in ingest.ReadAllAsync("s", cts.Token))
        {
            read.Add(item);
        }

        Assert.Equal([IngestKind.Audio, IngestKind.Script, IngestKind.Audio], read.Select(i => i.Kind));
        var back = ScriptedPhrase.FromBytes(read[1].Audio.Span)!;
        Assert.Equal("Porque de tal manera amó Dios al mundo.", back.Segments[0].Ready.For("es"));
        Assert.Equal("John 3:16", back.Segments[0].Ready.Reference);
    }

    [Fact]
    public async Task TryWrite_SessionFull_ReturnsFullWithoutAffectingAnotherSession()
    {
        var ingest = CreateIngest(16);
        using var cts = new CancellationTokenSource(Timeout);
        var accepted = 0;
        while (ingest.TryWrite("a", Item(0, accepted)) == IngestWriteResult.Accepted)
        {
            Assert.True(++accepted <= 100_000, "session a never became full");
        }

        Assert.Equal(IngestWriteResult.Full, ingest.TryWrite("a", Item(0, accepted)));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("b", Item(1, i)));
        }

        ingest.Complete("a");
        ingest.Complete("b");
        AssertItems(await ConsumeAsync(ingest, "a", slow: false, cts.Token), 0, accepted, endMarker: false);
        AssertItems(await ConsumeAsync(ingest, "b", slow: false, cts.Token), 1, 10, endMarker: false);
    }

    [Fact]
    public async Task TryWrite_FullSessionDrained_AcceptsAgain()
    {
        var ingest = CreateIngest(16);
        using var cts = new CancellationTokenSource(Timeout);
        var accepted = 0;
        while (ingest.TryWrite("a", Item(0, accepted)) == IngestWriteResult.Accepted)
        {
            accepted++;
        }

        await using var reader = ingest.ReadAllAsync("a", cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(0, Parse(reader.Current).Seq);

        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("a", Item(0, accepted)));
    }

    [Fact]
    public async Task Complete_AfterWrites_ReaderGetsEveryItemThenFinishesAndLaterWritesReturnClosed()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("a", Item(0, i)));
        }

        ingest.Complete("a");

        Assert.Equal(IngestWriteResult.Closed, ingest.TryWrite("a", Item(0, 5)));
        AssertItems(await ConsumeAsync(ingest, "a", slow: false, cts.Token), 0, 5, endMarker: false);
        Assert.Equal(IngestWriteResult.Closed, ingest.TryWrite("a", Item(0, 6)));
    }

    [Fact]
    public async Task Complete_WhileReaderWaits_ReaderFinishes()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);
        using var taken = new SemaphoreSlim(0);
        var reading = ConsumeAsync(ingest, "a", slow: false, onItem: () => taken.Release(), cts.Token);

        // Each item is written once the reader has taken the one before and found the log empty: a reader that ended
        // there instead of waiting never takes the second one.
        ingest.TryWrite("a", Item(0, 0));
        await taken.WaitAsync(cts.Token);
        ingest.TryWrite("a", Item(0, 1));
        await taken.WaitAsync(cts.Token);

        ingest.Complete("a");

        AssertItems(await reading, 0, 2, endMarker: false);
    }

    [Fact]
    public async Task Complete_OneSession_OtherSessionKeepsGoing()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource(Timeout);
        ingest.TryWrite("a", Item(0, 0));
        ingest.TryWrite("b", Item(1, 0));

        ingest.Complete("a");

        Assert.Equal(IngestWriteResult.Accepted, ingest.TryWrite("b", Item(1, 1)));
        ingest.Complete("b");
        AssertItems(await ConsumeAsync(ingest, "a", slow: false, cts.Token), 0, 1, endMarker: false);
        AssertItems(await ConsumeAsync(ingest, "b", slow: false, cts.Token), 1, 2, endMarker: false);
    }

    [Fact]
    public async Task ReadAllAsync_Cancelled_StopsWithOperationCanceled()
    {
        var ingest = CreateIngest(64);
        using var cts = new CancellationTokenSource();
        var reading = ConsumeAsync(ingest, "a", slow: false, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading).WaitAsync(Timeout);
    }

    private static string SessionId(int session) => $"session-{session}";

    /// <summary>Audio items carry (session, seq); every 50th item is a control marker, which must keep its place too.</summary>
    private static IngestItem Item(int session, int seq)
    {
        if (seq % 50 == 49)
        {
            return IngestItem.Control(seq % 100 == 49 ? IngestKind.Pause : IngestKind.Resume, seq);
        }

        var bytes = new byte[640];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, session);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), seq);
        return new IngestItem(IngestKind.Audio, bytes, seq);
    }

    private static (int Session, int Seq) Parse(IngestItem item) => item.Kind == IngestKind.Audio
        ? (BinaryPrimitives.ReadInt32LittleEndian(item.Audio.Span), BinaryPrimitives.ReadInt32LittleEndian(item.Audio.Span[4..]))
        : (-1, (int)item.ReceivedTimestamp);

    private static async Task WriteAsync(IAudioIngest ingest, int session, int items, CancellationToken cancellationToken)
    {
        var id = SessionId(session);
        for (var i = 0; i <= items; i++)
        {
            var item = i < items ? Item(session, i) : IngestItem.Control(IngestKind.End, items);
            IngestWriteResult result;
            while ((result = ingest.TryWrite(id, item)) == IngestWriteResult.Full)
            {
                await Task.Delay(1, cancellationToken);
            }

            Assert.Equal(IngestWriteResult.Accepted, result);
        }

        ingest.Complete(id);
    }

    /// <summary>The test consumer: reads one session's log to its end, optionally slower than the writer.</summary>
    private static Task<List<IngestItem>> ConsumeAsync(IAudioIngest ingest, string sessionId, bool slow, CancellationToken cancellationToken) =>
        ConsumeAsync(ingest, sessionId, slow, onItem: null, cancellationToken);

    /// <summary>As above; <paramref name="onItem"/> is called after each item is taken.</summary>
    private static async Task<List<IngestItem>> ConsumeAsync(
        IAudioIngest ingest, string sessionId, bool slow, Action? onItem, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var items = new List<IngestItem>();
        await foreach (var item in ingest.ReadAllAsync(sessionId, cancellationToken))
        {
            items.Add(item);
            onItem?.Invoke();
            if (slow && items.Count % 500 == 0)
            {
                await Task.Delay(5, cancellationToken);
            }
        }

        return items;
    }

    private static void AssertItems(List<IngestItem> items, int session, int count, bool endMarker = true)
    {
        Assert.Equal(count + (endMarker ? 1 : 0), items.Count);
        for (var i = 0; i < count; i++)
        {
            var expected = Item(session, i);
            Assert.Equal(expected.Kind, items[i].Kind);
            Assert.Equal(Parse(expected), Parse(items[i]));
        }

        if (endMarker)
        {
            Assert.Equal(IngestKind.End, items[^1].Kind);
        }
    }
}
