using Babelcast.Core.Recognition;

namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>
/// The cheaper final pass a loaded node asks for: its own lazily created decoders, or none when not configured.
/// No warm decoders: a background refill of the final pool would race the counts below.
/// </summary>
public sealed class ReducedFinalPassTests
{
    private const string Cheaper = "-fwdflat no -bestpath no -maxhmmpf 3000 -maxwpf 10";

    [Fact]
    public async Task EndUtterance_ReducedSelected_DecodesOnTheReducedPoolOnly()
    {
        using var factory = Engine.CreateFactory(o => (o.FinalArguments, o.ReducedFinalArguments, o.WarmDecoders) = ("-fwdflat no -bestpath no", Cheaper, 0));
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);

        recognizer.SelectFinalPass(FinalPass.Reduced);
        var (_, reduced) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));
        Assert.Equal((0, 1), (factory.FinalPool.Created, factory.ReducedPool!.Created));

        recognizer.SelectFinalPass(FinalPass.Accurate);
        var (_, accurate) = await Engine.RecognizeAsync(recognizer, Engine.Clip("goforward.wav"));
        Assert.Equal((1, 1), (factory.FinalPool.Created, factory.ReducedPool.Created));
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
