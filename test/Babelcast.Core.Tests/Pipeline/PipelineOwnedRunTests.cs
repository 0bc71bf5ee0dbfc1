using System.Collections.Concurrent;
using Babelcast.Core.Cluster;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>A cluster worker's run of a session: checkpoints after delivered phrases, and a new owner resuming from one.</summary>
public sealed class PipelineOwnedRunTests
{
    [Fact]
    public async Task RunOwned_ThreePhrases_CommitsACheckpointAfterEachInOrderAndEndsWithTheLog()
    {
        var store = new MemoryTranscriptStore();
        await using var harness = new PipelineHarness(new RecordingBroadcaster("es"), transcripts: store);
        var checkpoints = new ConcurrentQueue<IngestCheckpoint>();
        harness.Speak(3, positioned: true);
        harness.CloseLog();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ended = await harness.Host.RunOwnedAsync(PipelineHarness.SessionId, "en", new IngestCheckpoint(IngestCheckpoint.Start, 0),
            (c, _) => { checkpoints.Enqueue(c); return ValueTask.CompletedTask; }, timeout.Token);

        Assert.True(ended);
        var phrases = await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], phrases.Select(p => p.Seq));
        Assert.Equal([1L, 2L, 3L], checkpoints.Select(c => c.Seq));
        var items = checkpoints.Select(c => long.Parse(c.Position.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(items.Order(), items);
        Assert.Equal(items.Count, items.Distinct().Count());
        // Each checkpoint's media time lies after its phrase's end and before the next phrase's start.
        for (var i = 0; i < phrases.Count; i++)
        {
            var c = checkpoints.ElementAt(i);
            Assert.True(c.Ms >= phrases[i].EndMs, $"checkpoint {c} before the end of {phrases[i]}");
            if (i + 1 < phrases.Count)
            {
                Assert.True(c.Ms <= phrases[i + 1].StartMs, $"checkpoint {c} after the start of {phrases[i + 1]}");
            }
        }
    }

    [Fact]
    public async Task RunOwned_FromACheckpoint_NumbersAndTimesPhrasesOnFromIt()
    {
        var store = new MemoryTranscriptStore();
        await using var harness = new PipelineHarness(new RecordingBroadcaster("es"), transcripts: store);
        harness.Speak(2, positioned: true);
        harness.CloseLog();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await harness.Host.RunOwnedAsync(PipelineHarness.SessionId, "en", new IngestCheckpoint("0-0", 10, 60_000),
            (_, _) => ValueTask.CompletedTask, timeout.Token);

        var phrases = await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None);
        Assert.Equal([11L, 12L], phrases.Select(p => p.Seq));
        Assert.All(phrases, p => Assert.InRange(p.StartMs, 60_000, 70_000));
    }

    [Fact]
    public async Task RunOwned_Cancelled_ReturnsFalseAndAnotherRunOfTheSessionCanStart()
    {
        await using var harness = new PipelineHarness(new RecordingBroadcaster("es"));
        harness.Speak(1, positioned: true);
        using var lost = new CancellationTokenSource();
        var run = harness.Host.RunOwnedAsync(PipelineHarness.SessionId, "en", new IngestCheckpoint(IngestCheckpoint.Start, 0), (_, _) => ValueTask.CompletedTask, lost.Token);
        await Task.Delay(200);
        Assert.Contains(PipelineHarness.SessionId, harness.Host.RunningSessions);

        await lost.CancelAsync();

        Assert.False(await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(PipelineHarness.SessionId, harness.Host.RunningSessions);
    }

    [Theory]
    [InlineData("1700000000000-5|12|34500", "1700000000000-5", 12, 34500)]
    [InlineData("1700000000000-5", "1700000000000-5", 0, 0)]
    [InlineData("0-0|7", "0-0", 7, 0)]
    [InlineData("9-1|x|-3", "9-1", 0, 0)]
    public void Parse_ReadsWhatFormatWritesAndToleratesOlderOrDamagedValues(string stored, string position, long seq, long ms)
    {
        var parsed = IngestCheckpoint.Parse(stored);

        Assert.Equal(new IngestCheckpoint(position, seq, ms), parsed);
        Assert.Equal(parsed, IngestCheckpoint.Parse(parsed.Format()));
    }
}
