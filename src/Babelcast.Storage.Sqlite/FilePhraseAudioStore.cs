using Babelcast.Core.Storage;

namespace Babelcast.Storage.Sqlite;

/// <summary>
/// Keeps phrase audio as files under <c>{root}/{sessionId}/{language}/{seq}.mp3</c>. Retention works on the files'
/// last-write time, which <see cref="SaveAsync"/> sets from the injected clock so that a fake clock drives it in tests.
/// Keys follow <see cref="PhraseAudioKey"/> (<c>[a-z0-9-]</c> only), which keeps every path inside the root.
/// Part of the embedded provider: one node, one disk.
/// </summary>
internal sealed class FilePhraseAudioStore : IPhraseAudioStore
{
    private const string Extension = ".mp3";
    private const string TempExtension = ".tmp";

    private readonly string _root;
    private readonly TimeProvider _timeProvider;

    /// <param name="rootDirectory">The audio root, usually <c>{DataDirectory}/audio</c>; created on first save.</param>
    /// <param name="timeProvider">The clock that stamps saved files.</param>
    public FilePhraseAudioStore(string rootDirectory, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _root = Path.GetFullPath(rootDirectory);
        _timeProvider = timeProvider;
    }

    public string RootDirectory => _root;

    /// <exception cref="ArgumentException">The session id or language holds characters outside [a-z0-9-].</exception>
    public async ValueTask SaveAsync(string sessionId, long seq, string language, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        var lang = PhraseAudioKey.NormaliseLanguage(language);
        PhraseAudioKey.ThrowIfInvalid(sessionId, lang, language);

        ArgumentOutOfRangeException.ThrowIfNegative(seq);
        var directory = Path.Combine(_root, sessionId, lang);
        var target = Path.Combine(directory, seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension);

        // A retention sweep may remove the (empty) directory between creating it and writing: try once more.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Directory.CreateDirectory(directory);
                await WriteAtomicallyAsync(target, audio, cancellationToken);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt == 0)
            {
            }
        }
    }

    /// <summary>The bytes, or null if absent, deleted, or if the ids could not name a stored file.</summary>
    public async ValueTask<byte[]?> TryReadAsync(string sessionId, long seq, string language, CancellationToken cancellationToken)
    {
        var lang = PhraseAudioKey.NormaliseLanguage(language);
        if (!PhraseAudioKey.IsValidSegment(sessionId) || !PhraseAudioKey.IsValidSegment(lang) || seq < 0)
        {
            // Untrusted lookups (a listener's URL) simply find nothing.
            return null;
        }

        var path = Path.Combine(_root, sessionId, lang, seq.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public ValueTask<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(_root);
        if (!root.Exists)
        {
            return ValueTask.FromResult(0);
        }

        var deleted = 0;
        var cutoffUtc = cutoff.UtcDateTime;
        foreach (var session in root.EnumerateDirectories())
        {
            foreach (var language in session.EnumerateDirectories())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var file in language.EnumerateFiles())
                {
                    if (file.LastWriteTimeUtc >= cutoffUtc)
                    {
                        continue;
                    }

                    var isAudio = file.Extension == Extension;
                    if ((isAudio || file.Extension == TempExtension) && TryDelete(file) && isAudio)
                    {
                        deleted++;
                    }
                }

                TryDeleteIfEmpty(language);
            }

            TryDeleteIfEmpty(session);
        }

        return ValueTask.FromResult(deleted);
    }

    private async Task WriteAtomicallyAsync(string target, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        var temp = target + "." + Guid.NewGuid().ToString("N") + TempExtension;
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(audio, cancellationToken);
            }

            File.SetLastWriteTimeUtc(temp, _timeProvider.GetUtcNow().UtcDateTime);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(new FileInfo(temp));
            throw;
        }
    }

    private static bool TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDeleteIfEmpty(DirectoryInfo directory)
    {
        try
        {
            if (!directory.EnumerateFileSystemInfos().Any())
            {
                directory.Delete(recursive: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A concurrent save just put a file there, or it is already gone: either way leave it.
        }
    }
}
