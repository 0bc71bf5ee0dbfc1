using Microsoft.Extensions.Logging.Testing;

namespace Babelcast.Engines.PocketSphinx.Tests;

public sealed class DecoderPoolTests
{
    private const int PoolExhaustedEventId = 3004;

    [Fact]
    public async Task RentAsync_BeyondMaximum_WaitsUntilCancelled()
    {
        var logger = new FakeLogger<PocketSphinxRecognizerFactory>();
        using var factory = Engine.CreateFactory(o => o.MaxStreamingDecoders = 1, logger);
        await using var first = await factory.RentAsync("en", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        // The pool says that it is full before the renter starts waiting for a slot (rather than creating a decoder).
        var pending = factory.RentAsync("en", cancellation.Token).AsTask();
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == PoolExhaustedEventId);
        Assert.False(pending.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(1, factory.StreamingPool.Created);
    }

    [Fact]
    public async Task RentAsync_AfterReturn_ReusesTheDecoder()
    {
        using var factory = Engine.CreateFactory(o => o.MaxStreamingDecoders = 1);
        var first = await factory.RentAsync("en", CancellationToken.None);
        first.StartUtterance();
        first.ProcessChunk(Engine.Clip("goforward.wav"));

        var waiting = factory.RentAsync("en", CancellationToken.None).AsTask();
        await first.DisposeAsync();
        await using var second = await waiting;
        var (_, final) = await Engine.RecognizeAsync(second, Engine.Clip("goforward.wav"));

        Assert.Equal(1, factory.StreamingPool.Created);
        Assert.Contains("forward", final);
    }

    [Fact]
    public async Task EndUtteranceAsync_TwoSessionsOnTwoThreads_GiveTheSequentialText()
    {
        using var factory = Engine.CreateFactory(o => (o.MaxStreamingDecoders, o.FinalDecoders) = (2, 2));
        var clips = new[] { Engine.Clip("new-home-in-the-stars-16k.wav"), Engine.Clip("example2.wav") };
        var sequential = new List<string>();
        await using (var recognizer = await factory.RentAsync("en", CancellationToken.None))
        {
            foreach (var clip in clips)
            {
                sequential.Add((await Engine.RecognizeAsync(recognizer, clip)).Final);
            }
        }

        await using var one = await factory.RentAsync("en", CancellationToken.None);
        await using var two = await factory.RentAsync("en", CancellationToken.None);
        var concurrent = await Task.WhenAll(
            Task.Run(async () => (await Engine.RecognizeAsync(one, clips[0])).Final),
            Task.Run(async () => (await Engine.RecognizeAsync(two, clips[1])).Final));

        Assert.Equal(sequential, concurrent);
        Assert.Contains("stars", concurrent[0]);
        Assert.Contains("father", concurrent[1]);
        Assert.Equal(2, factory.StreamingPool.Created);
    }

    [Fact]
    public async Task Dispose_WithRentedRecognizer_FreesDecodersAndRejectsUse()
    {
        var factory = Engine.CreateFactory();
        var recognizer = await factory.RentAsync("en", CancellationToken.None);

        await factory.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => recognizer.ProcessChunk(new short[1600]));
        await recognizer.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => factory.RentAsync("en", CancellationToken.None).AsTask());
    }
}
