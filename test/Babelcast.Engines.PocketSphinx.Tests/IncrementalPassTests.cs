namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>The incremental final pass's own rules: when it answers, when the phrase is decoded whole instead.</summary>
public sealed class IncrementalPassTests
{
    private const int StartMs = 1000;

    private static PocketSphinxRecognizerFactory Factory(bool incremental = true) =>
        Engine.CreateFactory(o => (o.IncrementalFinalPass, o.IncrementalStartMs, o.WarmDecoders) = (incremental, StartMs, 1));

    private static void Speak(PocketSphinxRecognizer recognizer, short[] clip, int settled)
    {
        recognizer.StartUtterance();
        for (var offset = 0; offset < clip.Length; offset += Engine.ChunkSamples)
        {
            var count = Math.Min(Engine.ChunkSamples, clip.Length - offset);
            recognizer.ProcessChunk(clip.AsSpan(offset, count));
            if (offset < settled)
            {
                recognizer.ProcessSettled(clip.AsSpan(offset, Math.Min(count, settled - offset)));
            }
        }
    }

    [Fact]
    public async Task EndUtteranceAsync_PhraseSettledAsItWasSpoken_DecodedIncrementallyOnItsOwnDecoderThenGivenBack()
    {
        using var factory = Factory();
        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
        var clip = Engine.Clip("sense_and_sensibility_01_austen_64kb-0880.wav");

        Speak(recognizer, clip, clip.Length);
        await recognizer.IncrementalWork;
        var final = await recognizer.EndUtteranceAsync(clip, CancellationToken.None);

        Assert.Contains("young man", final, StringComparison.Ordinal);
        Assert.Equal(0, factory.FinalPool.Created - factory.FinalPool.Idle); // the whole-phrase pass was not used
        await recognizer.IncrementalWork;
        await factory.IncrementalPool!.EnsureWarmAsync(CancellationToken.None);
        Assert.True(factory.IncrementalPool.Idle >= 1, "the phrase's decoder is back in its pool");
    }

    [Fact]
    public async Task EndUtteranceAsync_PhraseCutBeforeSettledAudio_DecodedWhole()
    {
        using var factory = Factory();
        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
        var clip = Engine.Clip("sense_and_sensibility_01_austen_64kb-0880.wav");
        var cut = clip.AsMemory(0, clip.Length * 2 / 3);

        Speak(recognizer, clip, clip.Length);
        var final = await recognizer.EndUtteranceAsync(cut, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(final));
        Assert.True(factory.FinalPool.Created >= 1, "a phrase cut before audio the incremental pass had is decoded whole");
    }

    [Fact]
    public async Task DecodeFinalAsync_SpeechResumesAfterTheHeadStart_TheEndDecodesTheLongerPhrase()
    {
        using var factory = Factory();
        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
        var clip = Engine.Clip("sense_and_sensibility_01_austen_64kb-0890.wav");
        var pause = clip.Length / 2;

        Speak(recognizer, clip, pause);
        var early = await recognizer.DecodeFinalAsync(clip.AsMemory(0, pause), CancellationToken.None);
        recognizer.ProcessSettled(clip.AsSpan(pause));
        var final = await recognizer.EndUtteranceAsync(clip, CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(early));
        Assert.True(final.Split(' ').Length > early.Split(' ').Length, $"\"{final}\" after \"{early}\"");
        Assert.Contains("selfish", final, StringComparison.Ordinal);
        Assert.Equal(0, factory.FinalPool.Created - factory.FinalPool.Idle);
    }

    [Fact]
    public async Task ProcessSettled_IncrementalPassOff_NoIncrementalPool()
    {
        using var factory = Factory(incremental: false);
        await using var rented = await factory.RentAsync("en", CancellationToken.None);
        var recognizer = (PocketSphinxRecognizer)rented;
        var clip = Engine.Clip("goforward.wav");

        Speak(recognizer, clip, clip.Length);
        var final = await recognizer.EndUtteranceAsync(clip, CancellationToken.None);

        Assert.Null(factory.IncrementalPool);
        Assert.Contains("forward", final, StringComparison.Ordinal);
    }
}
