using Babelcast.Testing;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class SilenceTests
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

        var (_, final) = await Engine.RecognizeAsync(recognizer, noise);

        Assert.True(WordErrorRate.Normalise(final).Length <= 1, $"noise was heard as \"{final}\"");
    }
}
