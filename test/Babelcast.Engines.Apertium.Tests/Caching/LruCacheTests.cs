using Babelcast.Engines.Apertium.Caching;

namespace Babelcast.Engines.Apertium.Tests.Caching;

public sealed class LruCacheTests
{
    [Fact]
    public void Set_OverCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _));
        cache.Set("c", 3);

        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Set_ZeroCapacity_StoresNothing()
    {
        var cache = new LruCache<string, int>(0);
        cache.Set("a", 1);
        Assert.False(cache.TryGet("a", out _));
    }
}
