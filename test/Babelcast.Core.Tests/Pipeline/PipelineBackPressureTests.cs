using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>A slow stage makes the stages before it wait: the queues between them never hold more than their bound.</summary>
public sealed class PipelineBackPressureTests
{
    [Fact]
    public async Task Run_SlowSynthesizer_QueuesStayBoundedAndNoPhraseIsLost()
    {
        const int capacity = 2;
        const int phrases = 20;
        using var gate = new SemaphoreSlim(0);
        var broadcaster = new RecordingBroadcaster("es");
        var recognizer = new ScriptedRecognizerFactory(PipelineHarness.Words);
        await using var harness = new PipelineHarness(broadcaster, recognizer, synthesizer: new ScriptedSynthesizer(gate: gate), phraseQueueCapacity: capacity);
        await harness.StartAsync();

        harness.Speak(phrases);

        // Synthesis holds phrase 1; PhrasesAhead phrases are started behind it in their lanes and one more waits to be,
        // capacity phrases wait for them and one more waits to join them, each with its final transcript sent; capacity
        // more wait for their final text, and recognition holds one more, then stops reading.
        var started = Core.Pipeline.SessionPipeline.PhrasesAhead + 1;
        var finalsBound = capacity + 2 + started;
        var recognisedBound = (2 * capacity) + 3 + started;
        Assert.True(await broadcaster.FinalTranscripts.ReachesAsync(finalsBound, TimeSpan.FromSeconds(20)), $"{broadcaster.FinalTranscripts.Value} finals");
        Assert.True(await recognizer.Finished.ReachesAsync(recognisedBound, TimeSpan.FromSeconds(20)), $"{recognizer.Finished.Value} recognised");
        Assert.False(await broadcaster.FinalTranscripts.ReachesAsync(finalsBound + 1, TimeSpan.FromMilliseconds(300)), "a final transcript past the bound");
        Assert.Equal(recognisedBound, recognizer.Finished.Value);
        Assert.Empty(broadcaster.Captions("es").Skip(1));

        gate.Release(phrases);
        await harness.EndAsync();

        Assert.Equal(Enumerable.Range(1, phrases).Select(n => ((long)n, $"es: phrase {n}")), broadcaster.Captions("es"));
        Assert.Equal(Enumerable.Range(1, phrases).Select(n => (long)n), broadcaster.AudioSeqs("es"));
    }
}
