using Babelcast.Core.Diagnostics;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class StreamingTests
{
    [Fact]
    public async Task ProcessChunk_JfkIn100MsChunks_PartialsGrowAndFinalContainsCountry()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        var (partials, final) = await Engine.RecognizeAsync(recognizer, Engine.Clip("jfk.wav"));

        var nonEmpty = partials.Where(p => p.Length > 0).ToList();
        Assert.True(nonEmpty.Count > partials.Count / 2, $"only {nonEmpty.Count} of {partials.Count} partials have text");
        Assert.True(nonEmpty.Distinct().Count() >= 5, "partials should be revised as audio arrives");
        var firstWords = WordErrorRate.Normalise(nonEmpty[0]).Length;
        var lastWords = WordErrorRate.Normalise(nonEmpty[^1]).Length;
        Assert.True(lastWords >= firstWords + 10, $"partials should grow: {firstWords} -> {lastWords} words");
        Assert.Contains("country", WordErrorRate.Normalise(final));
    }

    [Fact]
    public async Task EndUtteranceAsync_SecondUtteranceOfSession_IsDecodedOnItsOwn()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        var (_, first) = await Engine.RecognizeAsync(recognizer, Engine.Clip("example2.wav"));
        var (_, second) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));

        Assert.Equal(0, WordErrorRate.Errors("my father has revealed the culprit's name", first));
        Assert.Equal(0, WordErrorRate.Errors("go forward ten meters", second));
    }

    [Fact]
    public async Task EndUtteranceAsync_EmptyUtterance_ReturnsStreamingText()
    {
        using var factory = Engine.CreateFactory();
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        recognizer.StartUtterance();
        recognizer.ProcessChunk(Engine.Clip("goforward.wav"));

        var final = await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None);

        Assert.Contains("forward", final);
    }
}
