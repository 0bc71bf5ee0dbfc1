using Babelcast.Core.Capacity;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>The pipeline hands settled audio to the recogniser, so that its final pass can run while a phrase is spoken.</summary>
public sealed class PipelineSettledAudioTests
{
    [Fact]
    public async Task Run_ThreePhrases_RecognizerGetsEachPhrasesAudioSettledBeforeItEnds()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var recognizer = new ScriptedRecognizerFactory(PipelineHarness.Words);
        await using var harness = new PipelineHarness(broadcaster, recognizer);
        await harness.StartAsync();

        harness.Speak(3);
        await harness.EndAsync();

        var ends = recognizer.Ends.ToList();
        Assert.Equal(3, ends.Count);
        Assert.All(ends, end =>
        {
            Assert.NotEmpty(end.Utterance);
            Assert.Equal(end.Utterance, end.Settled);
        });
    }

    [Fact]
    public async Task Run_NodeShedsTheSpeculativeFinal_NoSettledAudio()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var recognizer = new ScriptedRecognizerFactory(PipelineHarness.Words);
        await using var harness = new PipelineHarness(broadcaster, recognizer, shedding: new FixedShedding(ShedLevel.ReducedFinal));
        await harness.StartAsync();

        harness.Speak(2);
        await harness.EndAsync();

        var ends = recognizer.Ends.ToList();
        Assert.Equal(2, ends.Count);
        Assert.All(ends, end => Assert.Empty(end.Settled));
    }
}
