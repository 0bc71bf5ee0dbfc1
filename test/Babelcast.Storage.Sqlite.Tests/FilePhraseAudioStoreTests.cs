using Babelcast.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Babelcast.Storage.Sqlite.Tests;

public sealed class FilePhraseAudioStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "babelcast-audio-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new();

    private static CancellationToken Ct => CancellationToken.None;

    private string AudioRoot => Path.Combine(_root, "audio");

    [Fact]
    public async Task SaveAsync_ThenTryRead_ReturnsSameBytesAtExpectedPath()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);
        byte[] audio = [0xFF, 0xFB, 0x90, 0x64, 1, 2, 3];

        await store.SaveAsync("sess-1", 7, "es", audio, Ct);

        Assert.Equal(audio, await store.TryReadAsync("sess-1", 7, "es", Ct));
        var path = Path.Combine(AudioRoot, "sess-1", "es", "7.mp3");
        Assert.Equal(audio, await File.ReadAllBytesAsync(path, Ct));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task SaveAsync_SameKeyTwice_KeepsLatestBytes()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);

        await store.SaveAsync("sess-1", 1, "fr", new byte[] { 1 }, Ct);
        await store.SaveAsync("sess-1", 1, "fr", new byte[] { 2, 2 }, Ct);

        Assert.Equal(new byte[] { 2, 2 }, await store.TryReadAsync("sess-1", 1, "fr", Ct));
    }

    [Fact]
    public async Task SaveAsync_MixedCaseLanguage_IsStoredLowerCase()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);

        await store.SaveAsync("sess-1", 1, "pt-BR", new byte[] { 9 }, Ct);

        Assert.True(File.Exists(Path.Combine(AudioRoot, "sess-1", "pt-br", "1.mp3")));
        Assert.Equal(new byte[] { 9 }, await store.TryReadAsync("sess-1", 1, "pt-BR", Ct));
    }

    [Fact]
    public async Task TryReadAsync_Absent_ReturnsNull()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);
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
    public async Task SaveAsync_UnsafeSegments_ThrowsAndWritesNothing(string sessionId, string language)
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(sessionId, 1, language, new byte[] { 1 }, Ct));

        Assert.False(Directory.Exists(_root) && Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task TryReadAsync_TraversalToExistingFile_ReturnsNull()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);
        var outside = Path.Combine(_root, "secret", "es");
        Directory.CreateDirectory(outside);
        await File.WriteAllBytesAsync(Path.Combine(outside, "1.mp3"), [42], Ct);

        Assert.Null(await store.TryReadAsync("../secret", 1, "es", Ct));
        Assert.Null(await store.TryReadAsync("sess-1", -1, "es", Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_MixedAges_DeletesOldFilesAndEmptyDirectories()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);
        var start = _clock.GetUtcNow();
        await store.SaveAsync("old-session", 1, "es", new byte[] { 1 }, Ct);
        await store.SaveAsync("old-session", 2, "fr", new byte[] { 2 }, Ct);
        await store.SaveAsync("mixed", 1, "es", new byte[] { 3 }, Ct);
        _clock.Advance(TimeSpan.FromHours(2));
        await store.SaveAsync("mixed", 2, "es", new byte[] { 4 }, Ct);
        await store.SaveAsync("new-session", 1, "ca", new byte[] { 5 }, Ct);

        var deleted = await store.DeleteOlderThanAsync(start.AddHours(1), Ct);

        Assert.Equal(3, deleted);
        Assert.False(Directory.Exists(Path.Combine(AudioRoot, "old-session")));
        Assert.Null(await store.TryReadAsync("mixed", 1, "es", Ct));
        Assert.Equal(new byte[] { 4 }, await store.TryReadAsync("mixed", 2, "es", Ct));
        Assert.Equal(new byte[] { 5 }, await store.TryReadAsync("new-session", 1, "ca", Ct));
        Assert.Equal(0, await store.DeleteOlderThanAsync(start.AddHours(1), Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_NoRootYet_ReturnsZero()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);

        Assert.Equal(0, await store.DeleteOlderThanAsync(_clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task SaveAsync_AfterSweepRemovedDirectories_RecreatesThem()
    {
        var store = new FilePhraseAudioStore(AudioRoot, _clock);
        await store.SaveAsync("sess-1", 1, "es", new byte[] { 1 }, Ct);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await store.DeleteOlderThanAsync(_clock.GetUtcNow(), Ct));

        await store.SaveAsync("sess-1", 2, "es", new byte[] { 2 }, Ct);

        Assert.Equal(new byte[] { 2 }, await store.TryReadAsync("sess-1", 2, "es", Ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
