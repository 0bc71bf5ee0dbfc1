namespace Babelcast.Engines.PocketSphinx.Tests;

/// <summary>The warm pool: idle decoders kept ready in the background, never beyond the pool's capacity.</summary>
public sealed class WarmPoolTests
{
    [Fact]
    public async Task RentAsync_WithWarmTarget_RefillsAReadyDecoderAfterEachRentUpToCapacity()
    {
        using var factory = Engine.CreateFactory(o => (o.MaxStreamingDecoders, o.FinalDecoders, o.WarmDecoders) = (2, 1, 1));
        var pool = factory.StreamingPool;

        await factory.PrewarmAsync("en", CancellationToken.None);
        Assert.Equal((1, 1), (pool.Idle, pool.Created));
        Assert.Equal(1, factory.FinalPool.Idle);

        // The rent takes the ready decoder at once; the pool makes the next one ready in the background.
        await using var first = await factory.RentAsync("en", CancellationToken.None);
        Assert.Equal(1, pool.Created);
        await pool.EnsureWarmAsync(CancellationToken.None);
        Assert.Equal((1, 2), (pool.Idle, pool.Created));
        Assert.Equal(1, factory.ReadyDecoders);

        // At capacity every decoder is rented: no refill creates a third.
        await using var second = await factory.RentAsync("en", CancellationToken.None);
        await pool.EnsureWarmAsync(CancellationToken.None);
        Assert.Equal((0, 2), (pool.Idle, pool.Created));
    }

    [Fact]
    public async Task PrewarmAsync_NoWarmTarget_CreatesNothing()
    {
        using var factory = Engine.CreateFactory(o => o.WarmDecoders = 0);

        await factory.PrewarmAsync("en", CancellationToken.None);
        await using var recognizer = await factory.RentAsync("en", CancellationToken.None);
        await factory.StreamingPool.EnsureWarmAsync(CancellationToken.None);

        Assert.Equal((0, 1), (factory.StreamingPool.Idle, factory.StreamingPool.Created));
        Assert.Equal(0, factory.FinalPool.Created);
    }

    [Fact]
    public async Task PrewarmAsync_UnsupportedLanguage_DoesNothing()
    {
        using var factory = Engine.CreateFactory();

        await factory.PrewarmAsync("fr", CancellationToken.None);

        Assert.Equal(0, factory.StreamingPool.Created);
    }
}
