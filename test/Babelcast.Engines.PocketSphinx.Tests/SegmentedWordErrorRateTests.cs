using Babelcast.Core.Diagnostics;
using Babelcast.Core.Pipeline;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// The final text as the pipeline makes it, without the server or a clock: the 12 real clips (each followed by 1.5 s of
/// silence, as the pipeline accuracy test streams them) cut by the <see cref="PhraseSegmenter"/>, each phrase decoded by
/// the final pass. Deterministic, so segmentation settings can be compared on a loaded machine.
/// </summary>
public sealed class SegmentedWordErrorRateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task FinalPass_SoftLengthLimit_NoWorseThanWithoutIt()
    {
        var without = await ErrorsAsync(new PipelineOptions { SoftMaxPhraseMs = 0 });
        var with = await ErrorsAsync(new PipelineOptions());

        Assert.True(with <= without, $"{with} word errors with the soft length limit, {without} without");
    }

    /// <summary>A fresh decoder per setting: PocketSphinx's cepstral mean carries over from one utterance to the next.</summary>
    private async Task<int> ErrorsAsync(PipelineOptions options)
    {
        using var factory = Engine.CreateFactory(o => o.FinalDecoders = 1);
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var clips = TestData.RealClips();
        var segmenter = new PhraseSegmenter(options);
        var events = new List<SegmentEvent>();
        foreach (var (file, _) in clips)
        {
            short[] audio = [.. Wav.Read16kMono(file), .. new short[24000]];
            for (var i = 0; i < audio.Length; i += Engine.ChunkSamples)
            {
                segmenter.Push(audio.AsSpan(i, Math.Min(Engine.ChunkSamples, audio.Length - i)), i, events);
            }
        }

        segmenter.Flush(events);
        var texts = new List<string>();
        foreach (var end in events.Where(e => e.Kind == SegmentEventKind.End && e.SpeechMs >= options.MinSpeechMs))
        {
            texts.Add(TextFilter.Clean(await recognizer.DecodeFinalAsync(end.Samples, CancellationToken.None)));
        }

        var reference = string.Join(' ', clips.Select(c => c.Reference));
        var hypothesis = string.Join(' ', texts.Where(t => t.Length > 0));
        var errors = WordErrorRate.Errors(reference, hypothesis);
        var words = WordErrorRate.WordCount(reference);
        output.WriteLine($"EndSilenceMs {options.EndSilenceMs}, FinalPassHeadStartMs {options.FinalPassHeadStartMs}, SoftMaxPhraseMs {options.SoftMaxPhraseMs}, " +
            $"PauseCutSilenceMs {options.PauseCutSilenceMs}: {texts.Count} phrases, WER {(double)errors / words:P1} ({errors}/{words}): {hypothesis}");
        return errors;
    }
}
