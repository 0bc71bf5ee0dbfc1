using Babelcast.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Babelcast.Testing.Contracts;

/// <summary>The behaviour every <see cref="IPhraseAudioStore"/> must show. A backend's test class derives and supplies the store.</summary>
public abstract class PhraseAudioStoreContractTests
{
    /// <summary>The fake clock the store under test must stamp saves with.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>A store with nothing saved yet, on <see cref="Clock"/>; called once per test.</summary>
    protected abstract ValueTask<IPhraseAudioStore> CreateStoreAsync();

    [Fact]
    public async Task SaveAsync_ThenTryRead_ReturnsSameBytes()
    {
        var store = await CreateStoreAsync();
        byte[] audio = [0xFF, 0xFB, 0x90, 0x64, 0, 1, 2, 3];

        await store.SaveAsync("sess-1", 7, "es", audio, Ct);

        Assert.Equal(audio, await store.TryReadAsync("sess-1", 7, "es", Ct));
    }

    [Fact]
    public async Task SaveAsync_LargeAudio_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var audio = new byte[256 * 1024];
        new Random(7).NextBytes(audio);

        await store.SaveAsync("sess-1", 1, "fr", audio, Ct);

        Assert.Equal(audio, await store.TryReadAsync("sess-1", 1, "fr", Ct));
    }

    [Fact]
    public async Task SaveAsync_SameKeyTwice_KeepsLatestBytes()
    {
        var store = await CreateStoreAsync();

        await store.SaveAsync("sess-1", 1, "fr", new byte[] { 1 }, Ct);
        await store.SaveAsync("sess-1", 1, "fr", new byte[] { 2, 2 }, Ct);

        Assert.Equal(new byte[] { 2, 2 }, await store.TryReadAsync("sess-1", 1, "fr", Ct));
    }

    [Fact]
    public async Task SaveAsync_MixedCaseLanguage_ReadsBackUnderEitherCase()
    {
        var store = await CreateStoreAsync();

        await store.SaveAsync("sess-1", 1, "pt-BR", new byte[] { 9 }, Ct);

        Assert.Equal(new byte[] { 9 }, await store.TryReadAsync("sess-1", 1, "pt-BR", Ct));
        Assert.Equal(new byte[] { 9 }, await store.TryReadAsync("sess-1", 1, "pt-br", Ct));
    }

    [Fact]
    public async Task TryReadAsync_Absent_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("sess-1", 1, "es", new byte[] { 1 }, Ct);

        Assert.Null(await store.TryReadAsync("sess-1", 2, "es", Ct));
        Assert.Null(await store.TryReadAsync("sess-1", 1, "fr", Ct));
        Assert.Null(await store.TryReadAsync("sess-2", 1, "es", Ct));
    }

    [Theory]
    [InlineData("../escape", "es")]
    [InlineData("..", "es")]
    [InlineData("sess/../../x", "es")]
    [InlineData("sess-1", "../../x")]
    [InlineData("Sess-1", "es")]
    [InlineData("sess 1", "es")]
    [InlineData("", "es")]
    [InlineData("sess-1", "")]
    [InlineData("/etc", "es")]
    public async Task SaveAsync_UnsafeKey_ThrowsAndStoresNothing(string sessionId, string language)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(sessionId, 1, language, new byte[] { 1 }, Ct));

        Assert.Null(await store.TryReadAsync(sessionId, 1, language, Ct));
        Assert.Equal(0, await store.DeleteOlderThanAsync(Clock.GetUtcNow().AddDays(1), Ct));
    }

    [Fact]
    public async Task TryReadAsync_NegativeSeqOrUnsafeKey_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("sess-1", 0, "es", new byte[] { 1 }, Ct);

        Assert.Null(await store.TryReadAsync("sess-1", -1, "es", Ct));
        Assert.Null(await store.TryReadAsync("../sess-1", 0, "es", Ct));
        Assert.Null(await store.TryReadAsync("SESS-1", 0, "es", Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_MixedAges_DeletesOnlyOldAudio()
    {
        var store = await CreateStoreAsync();
        var start = Clock.GetUtcNow();
        await store.SaveAsync("old-session", 1, "es", new byte[] { 1 }, Ct);
        await store.SaveAsync("old-session", 2, "fr", new byte[] { 2 }, Ct);
        await store.SaveAsync("mixed", 1, "es", new byte[] { 3 }, Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        await store.SaveAsync("mixed", 2, "es", new byte[] { 4 }, Ct);
        await store.SaveAsync("new-session", 1, "ca", new byte[] { 5 }, Ct);

        var deleted = await store.DeleteOlderThanAsync(start.AddHours(1), Ct);

        Assert.Equal(3, deleted);
        Assert.Null(await store.TryReadAsync("old-session", 1, "es", Ct));
        Assert.Null(await store.TryReadAsync("old-session", 2, "fr", Ct));
        Assert.Null(await store.TryReadAsync("mixed", 1, "es", Ct));
        Assert.Equal(new byte[] { 4 }, await store.TryReadAsync("mixed", 2, "es", Ct));
        Assert.Equal(new byte[] { 5 }, await store.TryReadAsync("new-session", 1, "ca", Ct));
        Assert.Equal(0, await store.DeleteOlderThanAsync(start.AddHours(1), Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_SavedAgainLater_KeepsTheNewerSave()
    {
        var store = await CreateStoreAsync();
        var start = Clock.GetUtcNow();
        await store.SaveAsync("sess-1", 1, "es", new byte[] { 1 }, Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        await store.SaveAsync("sess-1", 1, "es", new byte[] { 2 }, Ct);

        Assert.Equal(0, await store.DeleteOlderThanAsync(start.AddHours(1), Ct));

        Assert.Equal(new byte[] { 2 }, await store.TryReadAsync("sess-1", 1, "es", Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_NothingSaved_ReturnsZero()
    {
        var store = await CreateStoreAsync();

        Assert.Equal(0, await store.DeleteOlderThanAsync(Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task SaveAsync_AfterSweep_StoresAgain()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("sess-1", 1, "es", new byte[] { 1 }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await store.DeleteOlderThanAsync(Clock.GetUtcNow(), Ct));

        await store.SaveAsync("sess-1", 2, "es", new byte[] { 2 }, Ct);

        Assert.Equal(new byte[] { 2 }, await store.TryReadAsync("sess-1", 2, "es", Ct));
    }
}
