using Babelcast.Core.Tests.Fakes;
using Babelcast.Core.Translation;

namespace Babelcast.Core.Tests.Pipeline;

/// <summary>A language that is slow for one phrase holds back its own later phrases only, not the other languages'.</summary>
public sealed class PipelineLanguageLanesTests
{
    [Fact]
    public async Task SlowLanguage_NextPhraseGoesOnInTheOthers_EachLanguageStaysInOrder()
    {
        var translator = new FrenchWaitsForSecondSpanish();
        var broadcaster = new RecordingBroadcaster("es", "fr");
        await using var harness = new PipelineHarness(broadcaster, translator: translator);
        await harness.StartAsync();

        harness.Speak(3);
        await harness.EndAsync();

        // French of phrase 1 could only finish once phrase 2 was being translated into Spanish (else it timed out and
        // its caption is missing): phrase 2 did not wait for phrase 1's French.
        Assert.True(translator.SecondSpanishAsked.Task.IsCompletedSuccessfully);
        Assert.Equal([1L, 2L, 3L], broadcaster.Captions("fr").Select(c => c.Seq));
        Assert.Equal([1L, 2L, 3L], broadcaster.Captions("es").Select(c => c.Seq));
        Assert.Equal([1L, 2L, 3L], broadcaster.AudioSeqs("fr"));
        Assert.Equal(3, broadcaster.FinalTranscripts.Value);
    }

    private sealed class FrenchWaitsForSecondSpanish : ITranslator
    {
        public TaskCompletionSource SecondSpanishAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "scripted";

        public IReadOnlyCollection<string> GetTargets(string sourceLanguage) => ["es", "fr"];

        public async ValueTask<TranslationResult> TranslateAsync(string text, string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
        {
            if (targetLanguage == "es" && text.Contains('2', StringComparison.Ordinal))
            {
                SecondSpanishAsked.TrySetResult();
            }

            if (targetLanguage == "fr" && text.Contains('1', StringComparison.Ordinal))
            {
                await SecondSpanishAsked.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return TranslationResult.Ok($"{targetLanguage}: {text}");
        }
    }
}
