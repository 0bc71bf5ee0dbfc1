namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary><c>SecondPass=false</c>: the streaming decoder's own end-of-phrase result is the final text.</summary>
public sealed class SinglePassTests
{
    private const string FinalQualitySearch = "-fwdflat no -bestpath yes -bestpathlw 8.5 -maxhmmpf 10000";

    [Fact]
    public async Task EndUtteranceAsync_WithoutSecondPass_ReturnsTheStreamingResultAndCreatesNoSecondPassDecoder()
    {
        using var factory = Engine.CreateFactory(o => (o.SecondPass, o.StreamingArguments) = (false, FinalQualitySearch));
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        var (partials, final) = await Engine.RecognizeAsync(recognizer, Engine.Clip("sense_and_sensibility_01_austen_64kb-0880.wav"));

        Assert.Contains("young man", final, StringComparison.Ordinal);
        Assert.NotEmpty(partials);
        Assert.Equal(0, factory.FinalPool.Created);
    }

    [Fact]
    public async Task DecodeFinalAsync_WithoutSecondPass_CompletesWithTheResultWhenThePhraseEnds()
    {
        using var factory = Engine.CreateFactory(o => (o.SecondPass, o.StreamingArguments) = (false, FinalQualitySearch));
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        var clip = Engine.Clip("goforward.wav");
        recognizer.StartUtterance();
        for (var offset = 0; offset < clip.Length; offset += Engine.ChunkSamples)
        {
            recognizer.ProcessChunk(clip.AsSpan(offset, Math.Min(Engine.ChunkSamples, clip.Length - offset)));
        }

        var early = recognizer.DecodeFinalAsync(clip, CancellationToken.None).AsTask();
        Assert.False(early.IsCompleted);
        var final = await recognizer.EndUtteranceAsync(ReadOnlyMemory<short>.Empty, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(final));
        Assert.Equal(final, await early.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
