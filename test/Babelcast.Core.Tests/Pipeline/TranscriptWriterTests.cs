using Babelcast.Core.Protocol;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>A store that refuses writes costs no live caption, and no phrase that listeners saw goes silently unsaved.</summary>
public sealed class TranscriptWriterTests
{
    [Fact]
    public async Task Run_StoreRefusesEveryWrite_PhrasesGoOutLiveAndAreStoredOnceTheStoreIsBack()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var store = new MemoryTranscriptStore { Refusing = true };
        await using var harness = new PipelineHarness(broadcaster, transcripts: store);

        await harness.StartAsync();
        harness.Speak(3);
        await harness.EndAsync();

        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([1, 2, 3], broadcaster.AudioSeqs("es"));
        Assert.Equal([ErrorCodes.StorageUnavailable], broadcaster.SpeakerErrors());
        Assert.True(harness.Writer.Pending > 0);
        Assert.NotNull(harness.Writer.FailingSince);
        Assert.Empty(await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None));

        store.Refusing = false;
        await WaitUntilAsync(() => harness.Writer.Pending == 0);

        var stored = await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None);
        Assert.Equal([1, 2, 3], stored.Select(p => p.Seq));
        Assert.Equal([(1, "es"), (2, "es"), (3, "es")], store.Translations);
        Assert.Null(harness.Writer.FailingSince);
        Assert.Equal([ErrorCodes.StorageUnavailable], broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_OnePhraseCannotEverBeStored_ItIsReportedMissingAndTheOthersAreStored()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var store = new MemoryTranscriptStore(failOn: 2);
        await using var harness = new PipelineHarness(broadcaster, transcripts: store);

        await harness.StartAsync();
        harness.Speak(3);
        await harness.EndAsync();
        await WaitUntilAsync(() => harness.Writer.Pending == 0);

        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([1, 3], (await store.GetPhrasesAsync(PipelineHarness.SessionId, CancellationToken.None)).Select(p => p.Seq));
        Assert.Equal([(1, "es"), (3, "es")], store.Translations);
        Assert.All(broadcaster.SpeakerErrors(), code => Assert.Equal(ErrorCodes.StorageUnavailable, code));
        var messages = broadcaster.Speaker.Where(m => m.GetProperty("type").GetString() == "error").Select(m => m.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("Phrase 2 could not be saved (phrase)", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.StartsWith("Phrase 1 ", StringComparison.Ordinal) || m.StartsWith("Phrase 3 ", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
