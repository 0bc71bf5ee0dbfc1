using Babelcast.Core.Diagnostics;
using Babelcast.Core.Glossaries;
using Babelcast.Core.Recognition;
using Babelcast.Core.Storage;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// Word error rate with and without a glossary: on flite-spoken sentences that contain its terms (it must help) and on
/// the 12 shared real clips, which contain none of them (it must not hurt).
/// </summary>
public sealed class GlossaryWordErrorRateTests(ITestOutputHelper output)
{
    private static GlossaryEntry Entry(string term, string? soundsLike = null) => new(term, soundsLike, new Dictionary<string, string>());

    private static readonly SessionGlossary Glossary = new(
    [
        Entry("Pastor Nguyen", "pastor win"), Entry("Ecclesiastes"), Entry("Zacchaeus", "zack key us"), Entry("Babelcast"), Entry("Thessalonians"),
    ]);

    // What the speaker says (flite reads the "sounds like" spellings) and what the caption should show.
    private static readonly (string Spoken, string Reference)[] TermSentences =
    [
        ("Today Pastor Win will read from the book of Ecclesiastes.", "today pastor nguyen will read from the book of ecclesiastes"),
        ("Pastor Win welcomes you to our church.", "pastor nguyen welcomes you to our church"),
        ("Zack key us climbed a tree to see him.", "zacchaeus climbed a tree to see him"),
        ("The letter to the Thessalonians is short.", "the letter to the thessalonians is short"),
        ("We translate this service with Babelcast.", "we translate this service with babelcast"),
        ("Please open your bibles to Ecclesiastes chapter three.", "please open your bibles to ecclesiastes chapter three"),
    ];

    [Fact]
    public async Task TermClips_WithGlossary_FewerErrors()
    {
        using var factory = Engine.CreateFactory(o => o.FinalDecoders = 1);
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var clips = TermSentences.SelectMany(s => new[] { "kal16", "slt" }.Select(v => (Samples: SpokenClips.Speak(s.Spoken, v), s.Reference, Voice: v))).ToList();

        var without = await ErrorsAsync(recognizer, clips.Select(c => (c.Samples, c.Reference, c.Voice)), "without");
        recognizer.ApplyGlossary(Glossary);
        var with = await ErrorsAsync(recognizer, clips.Select(c => (c.Samples, c.Reference, c.Voice)), "with");

        var words = clips.Sum(c => WordErrorRate.WordCount(c.Reference));
        output.WriteLine($"term clips ({clips.Count} clips, {words} words): WER without {(double)without / words:P1} ({without}), with {(double)with / words:P1} ({with})");
        Assert.True(with < without, $"with the glossary {with} errors, without {without}");
    }

    [Fact]
    public async Task TwelveRealClips_WithGlossary_NoWorse()
    {
        using var factory = Engine.CreateFactory(o => o.FinalDecoders = 1);
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var clips = TestData.RealClips().Select(c => (Samples: Wav.Read16kMono(c.File), c.Reference, Name: Path.GetFileName(c.File))).ToList();

        var without = await ErrorsAsync(recognizer, clips, "without");
        recognizer.ApplyGlossary(Glossary);
        var with = await ErrorsAsync(recognizer, clips, "with");

        var words = clips.Sum(c => WordErrorRate.WordCount(c.Reference));
        output.WriteLine($"12 real clips ({words} words): WER without {(double)without / words:P1} ({without}), with {(double)with / words:P1} ({with})");
        Assert.True(with <= without, $"with the glossary {with} errors, without {without}");
    }

    private async Task<int> ErrorsAsync(ISpeechRecognizer recognizer, IEnumerable<(short[] Samples, string Reference, string Name)> clips, string label)
    {
        var errors = 0;
        foreach (var (samples, reference, name) in clips)
        {
            var (_, final) = await Engine.RecognizeAsync(recognizer, samples);
            var clipErrors = WordErrorRate.Errors(reference, final);
            errors += clipErrors;
            output.WriteLine($"{label} {name}: {clipErrors} errors: \"{final}\"");
        }

        return errors;
    }
}
