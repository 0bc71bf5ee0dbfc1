using Babelcast.Core.Diagnostics;
using Xunit.Abstractions;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class SilenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EndUtteranceAsync_DigitalSilence_ReturnsEmpty()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        var (partials, final) = await Engine.RecognizeAsync(recognizer, new short[16000 * 2]);

        Assert.All(partials, p => Assert.Equal(string.Empty, p));
        Assert.Equal(string.Empty, final);
    }

    [Fact]
    public async Task EndUtteranceAsync_LowWhiteNoise_ReturnsAtMostOneWord()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var random = new Random(42);
        var noise = new short[16000 * 2];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(-100, 101);
        }

        var (partials, final) = await Engine.RecognizeAsync(recognizer, noise);

        output.WriteLine($"last partial \"{partials[^1]}\", final \"{final}\"");

        Assert.True(WordErrorRate.Normalise(final).Length <= 1, $"noise was heard as \"{final}\"");
    }

    [Fact]
    public async Task EndUtteranceAsync_UtterancesShorterThanAFewFrames_ReturnEmpty()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        foreach (var length in new[] { 1, 10, 400 })
        {
            var audio = new short[length];
            Array.Fill(audio, (short)1000);
            var (_, final) = await Engine.RecognizeAsync(recognizer, audio);
            Assert.Equal(string.Empty, final);
        }
    }
}
