using Babelcast.Core.Storage;
using Babelcast.Testing.Contracts;

namespace Babelcast.Storage.Sqlite.Tests;

/// <summary>The shared contract, plus what only the file layout can show (paths, file times, directory clean-up).</summary>
public sealed class FilePhraseAudioStoreTests : PhraseAudioStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "babelcast-audio-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => CancellationToken.None;

    private string AudioRoot => Path.Combine(_root, "audio");

    protected override ValueTask<IPhraseAudioStore> CreateStoreAsync() =>
        ValueTask.FromResult<IPhraseAudioStore>(new FilePhraseAudioStore(AudioRoot, Clock));

    [Fact]
    public async Task SaveAsync_NewKey_WritesOneFileAtExpectedPathStampedByTheClock()
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);
        byte[] audio = [0xFF, 0xFB, 0x90, 0x64, 1, 2, 3];

        await store.SaveAsync("sess-1", 7, "es", audio, Ct);

        var path = Path.Combine(AudioRoot, "sess-1", "es", "7.mp3");
        Assert.Equal(audio, await File.ReadAllBytesAsync(path, Ct));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task SaveAsync_MixedCaseLanguage_IsStoredLowerCase()
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);

        await store.SaveAsync("sess-1", 1, "pt-BR", new byte[] { 9 }, Ct);

        Assert.True(File.Exists(Path.Combine(AudioRoot, "sess-1", "pt-br", "1.mp3")));
    }

    [Theory]
    [InlineData("../escape", "es")]
    [InlineData("sess-1", "../../x")]
    [InlineData("/etc", "es")]
    public async Task SaveAsync_UnsafeSegments_WritesNoFileAnywhere(string sessionId, string language)
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(sessionId, 1, language, new byte[] { 1 }, Ct));

        Assert.False(Directory.Exists(_root) && Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task TryReadAsync_TraversalToExistingFile_ReturnsNull()
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);
        var outside = Path.Combine(_root, "secret", "es");
        Directory.CreateDirectory(outside);
        await File.WriteAllBytesAsync(Path.Combine(outside, "1.mp3"), [42], Ct);

        Assert.Null(await store.TryReadAsync("../secret", 1, "es", Ct));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_SessionAllOld_RemovesItsDirectories()
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);
        var start = Clock.GetUtcNow();
        await store.SaveAsync("old-session", 1, "es", new byte[] { 1 }, Ct);
        await store.SaveAsync("old-session", 2, "fr", new byte[] { 2 }, Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        await store.SaveAsync("new-session", 1, "ca", new byte[] { 5 }, Ct);

        Assert.Equal(2, await store.DeleteOlderThanAsync(start.AddHours(1), Ct));

        Assert.False(Directory.Exists(Path.Combine(AudioRoot, "old-session")));
        Assert.True(Directory.Exists(Path.Combine(AudioRoot, "new-session", "ca")));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_NoRootYet_ReturnsZeroAndCreatesNothing()
    {
        var store = new FilePhraseAudioStore(AudioRoot, Clock);

        Assert.Equal(0, await store.DeleteOlderThanAsync(Clock.GetUtcNow(), Ct));

        Assert.False(Directory.Exists(AudioRoot));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
