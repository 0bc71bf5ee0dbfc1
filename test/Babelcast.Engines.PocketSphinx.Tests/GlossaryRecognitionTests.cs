using Babelcast.Core.Glossaries;
using Babelcast.Core.Storage;
using Babelcast.Testing;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// A session glossary on the real decoders: words missing from the dictionary get espeak-ng pronunciations, a "sounds
/// like" spelling becomes an alternative pronunciation, and the glossary model (weight 0.01) biases the search; the
/// clips are spoken by flite in the test.
/// </summary>
public sealed class GlossaryRecognitionTests(ITestOutputHelper output)
{
    private static GlossaryEntry Entry(string term, string? soundsLike = null) => new(term, soundsLike, new Dictionary<string, string>());

    private static readonly SessionGlossary Glossary = new([Entry("Pastor Nguyen", "pastor win"), Entry("Ecclesiastes"), Entry("Zacchaeus", "zack key us")]);

    // kal16 says "Ecclesiastes" too far from espeak-ng's pronunciation for the decoder to take it; slt is close enough.
    [Theory]
    [InlineData("Today Pastor Win will read from the book of Ecclesiastes.", "kal16", false)]
    [InlineData("Today Pastor Win will read from the book of Ecclesiastes.", "slt", true)]
    public async Task ApplyGlossary_TermsSpoken_AreRecognised(string sentence, string voice, bool bookToo)
    {
        var clip = SpokenClips.Speak(sentence, voice);
        using var factory = Engine.CreateFactory(o => o.IncrementalFinalPass = false);

        string without;
        await using (var plain = await factory.RentAsync("en", CancellationToken.None))
        {
            (_, without) = await Engine.RecognizeAsync(plain, clip);
        }

        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        recognizer.ApplyGlossary(Glossary);
        var (_, with) = await Engine.RecognizeAsync(recognizer, clip);
        output.WriteLine($"{voice} without: {without}");
        output.WriteLine($"{voice} with:    {with}");

        Assert.Contains("pastor nguyen", with, StringComparison.Ordinal);
        Assert.Contains("Pastor Nguyen", Glossary.Canonicalize(with, "en"), StringComparison.Ordinal);
        Assert.DoesNotContain("nguyen", without, StringComparison.Ordinal);
        Assert.DoesNotContain("ecclesiastes", without, StringComparison.Ordinal);
        if (bookToo)
        {
            Assert.Contains("ecclesiastes", with, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApplyGlossary_ThenEmptyOrReturned_DecoderBackOnTheDefaultSearch()
    {
        var clip = SpokenClips.Speak("Today Pastor Win will read.", "kal16");
        using var factory = Engine.CreateFactory(o => (o.MaxStreamingDecoders, o.WarmDecoders, o.IncrementalFinalPass, o.SecondPass) = (1, 0, false, false));

        await using (var first = await factory.RentAsync("en", CancellationToken.None))
        {
            first.ApplyGlossary(Glossary);
            var (_, with) = await Engine.RecognizeAsync(first, clip);
            Assert.Contains("nguyen", with, StringComparison.Ordinal);
            first.ApplyGlossary(SessionGlossary.Empty);
            var (_, cleared) = await Engine.RecognizeAsync(first, clip);
            Assert.DoesNotContain("nguyen", cleared, StringComparison.Ordinal);
            first.ApplyGlossary(Glossary);
        }

        // The same (only) decoder, rented by a session without a glossary: the words it added do not leak.
        await using var second = await factory.RentAsync("en", CancellationToken.None);
        var (_, plain) = await Engine.RecognizeAsync(second, clip);
        Assert.DoesNotContain("nguyen", plain, StringComparison.Ordinal);
        Assert.Equal(1, factory.StreamingPool.Created);
    }
}
