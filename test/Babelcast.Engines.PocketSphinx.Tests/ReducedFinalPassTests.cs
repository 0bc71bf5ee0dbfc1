using Babelcast.Core.Recognition;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// The cheaper final pass a loaded node asks for: its own decoders, loaded in the background the first time it is asked
/// for (never on a phrase's path), or none when not configured. No warm decoders: a background refill of the final pool
/// would race the counts below.
/// </summary>
public sealed class ReducedFinalPassTests
{
    private const string Cheaper = "-fwdflat no -bestpath no -maxhmmpf 3000 -maxwpf 10";

    [Fact]
    public async Task EndUtterance_ReducedSelected_DecodesOnTheReducedPoolOnceItsDecoderIsLoaded()
    {
        using var factory = Engine.CreateFactory(o => (o.FinalArguments, o.ReducedFinalArguments, o.WarmDecoders) = ("-fwdflat no -bestpath no", Cheaper, 0));
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        // First asked for: nothing loaded yet, so the phrase takes the accurate pass while a reduced decoder loads.
        recognizer.SelectFinalPass(FinalPass.Reduced);
        var (_, first) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));
        Assert.Equal((1, 0), (factory.FinalPool.Rents, factory.ReducedPool!.Rents));
        await factory.ReducedPool.EnsureWarmAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, factory.ReducedPool.Idle);

        recognizer.SelectFinalPass(FinalPass.Reduced);
        var (_, reduced) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));
        Assert.Equal((1, 1), (factory.FinalPool.Rents, factory.ReducedPool.Rents));

        recognizer.SelectFinalPass(FinalPass.Accurate);
        var (_, accurate) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));
        Assert.Equal((2, 1), (factory.FinalPool.Rents, factory.ReducedPool.Rents));
        Assert.NotEmpty(first);
        Assert.NotEmpty(reduced);
        Assert.NotEmpty(accurate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("-fwdflat no -bestpath no")]
    public async Task EndUtterance_NoCheaperSetting_ReducedUsesTheFinalPool(string? reducedArguments)
    {
        using var factory = Engine.CreateFactory(o => (o.FinalArguments, o.ReducedFinalArguments, o.WarmDecoders) = ("-fwdflat no -bestpath no", reducedArguments, 0));
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        recognizer.SelectFinalPass(FinalPass.Reduced);
        await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));

        Assert.Null(factory.ReducedPool);
        Assert.Equal(1, factory.FinalPool.Created);
    }
}
