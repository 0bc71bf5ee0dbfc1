using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Babelcast.Core.Protocol;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>A line the operator types goes out as a phrase, translated and voiced, in order with the speech around it.</summary>
public sealed class PipelineTypedLineTests
{
    [Fact]
    public async Task TypedBetweenPhrases_GoesOutAsTheNextPhraseTranslatedVoicedStoredAndMarkedTyped()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var store = new MemoryTranscriptStore();
        await using var harness = new PipelineHarness(broadcaster, transcripts: store);
        await harness.StartAsync();

        harness.Speak(1);
        harness.Type("  Please turn to page twelve.  ");
        harness.Speak(1);
        await harness.EndAsync();

        Assert.Equal([(1, "es: phrase 1"), (2, "es: Please turn to page twelve."), (3, "es: phrase 2")], broadcaster.Captions("es"));
        Assert.Equal([1, 2, 3], broadcaster.AudioSeqs("es"));
        Assert.Equal([1L, 2L, 3L], broadcaster.FinalTranscriptSeqs());
        var typed = broadcaster.Speaker.Single(m => m.GetProperty("type").GetString() == MessageTypes.Transcript && m.GetProperty("seq").GetInt64() == 2);
        Assert.Equal("typed", typed.GetProperty(MessageFields.Origin).GetString());
        Assert.Equal("Please turn to page twelve.", typed.GetProperty(MessageFields.Text).GetString());
        Assert.All(broadcaster.Speaker.Where(m => m.GetProperty("type").GetString() == MessageTypes.Transcript && m.GetProperty("seq").GetInt64() != 2),
            m => Assert.False(m.TryGetProperty(MessageFields.Origin, out _)));
        Assert.Equal(["speech", "typed", "speech"], broadcaster.CaptionOrigins("es"));
        var stored = await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None);
        Assert.Equal("Please turn to page twelve.", stored.Single(p => p.Seq == 2).SourceText);
    }

    [Fact]
    public async Task TypedWhileAPhraseIsSpoken_WaitsForThatPhraseSoThatSeqsStayInOrder()
    {
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster);
        await harness.StartAsync();

        harness.Speak(2, line: (13, "The microphone is back."));
        await harness.EndAsync();

        Assert.Equal([(1, "es: phrase 1"), (2, "es: The microphone is back."), (3, "es: phrase 2")], broadcaster.Captions("es"));
        Assert.Equal([1L, 2L, 3L], broadcaster.FinalTranscriptSeqs());
    }

    [Fact]
    public async Task TypedInAnOwnedRun_CommitsItsOwnCheckpoint_AndANewOwnerNumbersItTheSameWay()
    {
        var checkpoints = new ConcurrentQueue<IngestCheckpoint>();
        await using (var harness = new PipelineHarness(new RecordingBroadcaster("es")))
        {
            harness.Speak(1, positioned: true);
            harness.Type("Announcement.", positioned: true);
            harness.CloseLog();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await harness.Host.RunOwnedAsync(PipelineHarness.SessionId, "en", new IngestCheckpoint(IngestCheckpoint.Start, 0),
                (c, _) => { checkpoints.Enqueue(c); return ValueTask.CompletedTask; }, timeout.Token);
        }

        Assert.Equal([1L, 2L], checkpoints.Select(c => c.Seq));
        Assert.NotEqual(checkpoints.First().Position, checkpoints.Last().Position);
    }
}
