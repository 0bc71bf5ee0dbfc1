using Babelcast.Core.Protocol;
using Babelcast.Core.Tests.Fakes;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>Failures of one phrase or one language never silence the session; the session pipeline recovers.</summary>
public sealed class PipelineSupervisionTests
{
    [Fact]
    public async Task Run_ScriptedEngines_EveryPhraseReachesListenersInOrderWithAudio()
    {
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster);

        await RunAsync(harness, 3);

        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([1, 2, 3], broadcaster.AudioSeqs("es"));
        Assert.Empty(broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_TranslatorThrowsOnPhraseTwoInOneLanguage_OtherPhrasesAndLanguagesGoOnAndSpeakerIsTold()
    {
        var broadcaster = new RecordingBroadcaster("es", "fr");
        var translator = new ScriptedTranslator((text, language) => text == PipelineHarness.Words(2) && language == "fr");
        await using var harness = new PipelineHarness(broadcaster, translator: translator);

        await RunAsync(harness, 3);

        Assert.Equal([(1, "fr: phrase 1"), (3, "fr: phrase 3")], broadcaster.Captions("fr"));
        Assert.Equal([1, 3], broadcaster.AudioSeqs("fr"));
        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([1, 2, 3], broadcaster.AudioSeqs("es"));
        Assert.Equal([ErrorCodes.PipelineLanguageFailed], broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_SynthesizerThrowsOnce_CaptionStillDeliveredAndNextPhraseHasAudio()
    {
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster, synthesizer: new ScriptedSynthesizer(fails: call => call == 1));

        await RunAsync(harness, 2);

        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2")], broadcaster.Captions("es"));
        Assert.Equal([2], broadcaster.AudioSeqs("es"));
        Assert.Equal([ErrorCodes.PipelineLanguageFailed], broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_FinalRecognitionThrowsOnPhraseTwo_PipelineGoesOnWithTheNextPhrase()
    {
        var broadcaster = new RecordingBroadcaster("es");
        var recognizer = new ScriptedRecognizerFactory(n => n == 2 ? throw new InvalidOperationException("decoder crashed") : PipelineHarness.Words(n));
        await using var harness = new PipelineHarness(broadcaster, recognizer);

        await RunAsync(harness, 3);

        Assert.Equal([(1, "es: phrase 1"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([1, 3], broadcaster.AudioSeqs("es"));
        Assert.Equal([ErrorCodes.PipelineStageFailed], broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_RecognizerRentalThrows_ThatPhraseIsDroppedAndTheNextIsRecognised()
    {
        var broadcaster = new RecordingBroadcaster("es");
        await using var harness = new PipelineHarness(broadcaster, new ScriptedRecognizerFactory(PipelineHarness.Words, failRent: 1));

        await RunAsync(harness, 3);

        // The first phrase never reached a recogniser (nor got a seq), so only the second and third are recognised.
        Assert.Equal([(1, "es: phrase 1"), (2, "es: phrase 2")], broadcaster.Captions("es"));
        Assert.Equal([ErrorCodes.PipelineStageFailed], broadcaster.SpeakerErrors());
    }

    [Fact]
    public async Task Run_ProcessingThrowsUnexpectedlyOnPhraseTwo_PipelineKeepsRunningForTheNextPhrase()
    {
        // The processor asks for the listener languages once per phrase; the second time it throws, as a bug would.
        var broadcaster = new RecordingBroadcaster("es") { FailLanguageQuery = 2 };
        await using var harness = new PipelineHarness(broadcaster);

        await RunAsync(harness, 3);

        Assert.Equal([(1, "es: phrase 1"), (3, "es: phrase 3")], broadcaster.Captions("es"));
        Assert.Equal([ErrorCodes.PipelineStageFailed], broadcaster.SpeakerErrors());
    }

    private static async Task RunAsync(PipelineHarness harness, int phrases)
    {
        await harness.StartAsync();
        harness.Speak(phrases);
        await harness.EndAsync();
    }
}
