using System.Globalization;
using Babelcast.Core.Scripture;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Babelcast.Scripture.Sword;

/// <summary>
/// The "sword" library: Bibles are the SWORD modules whose .conf lies in SwordPath/mods.d (Debian's sword-text-*
/// packages), read through diatheke. Without diatheke or modules it lists nothing. Passages are cached in memory.
/// </summary>
internal sealed class SwordBibleLibrary : IBibleLibrary, IDisposable
{
    public const string LibraryName = "sword";

    private readonly SwordOptions _options;
    private readonly ILogger<SwordBibleLibrary> _logger;
    private readonly TimeProvider _time;
    private readonly MemoryCache _cache;
    private readonly Lazy<(IReadOnlyList<BibleInfo> Bibles, DiathekeRunner? Runner)> _discovery;

    public SwordBibleLibrary(IOptions<SwordOptions> options, ILogger<SwordBibleLibrary> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.CacheSize) });
        _discovery = new Lazy<(IReadOnlyList<BibleInfo>, DiathekeRunner?)>(Discover, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => LibraryName;

    public ValueTask<IReadOnlyList<BibleInfo>> ListBiblesAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_discovery.Value.Bibles);

    public async ValueTask<PassageLookup> GetPassageAsync(string bibleId, ScriptureReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (bibles, runner) = _discovery.Value;
        var bible = bibles.FirstOrDefault(b => b.Id.Equals(bibleId, StringComparison.OrdinalIgnoreCase));
        if (bible is null || runner is null)
        {
            return PassageLookup.Unavailable(reference, bible ?? new BibleInfo(bibleId, bibleId, "", ""), $"No Bible '{bibleId}' is installed.");
        }

        var cacheKey = (bible.Id, reference.Osis);
        if (_options.CacheSize > 0 && _cache.TryGetValue(cacheKey, out IReadOnlyList<BibleVerse>? cached) && cached is not null)
        {
            return PassageLookup.Found(reference, bible, cached);
        }

        var key = reference.IsWholeChapter
            ? string.Create(CultureInfo.InvariantCulture, $"{reference.Book.SwordName} {reference.Chapter}")
            : string.Create(CultureInfo.InvariantCulture, $"{reference.Book.SwordName} {reference.Chapter}:{reference.VerseStart}-{reference.VerseEnd}");
        var started = _time.GetTimestamp();
        var result = await runner.RunAsync(bible.Id, key, cancellationToken);
        if (!result.Succeeded)
        {
            Log.PassageFailed(_logger, bible.Id, key, result.Error ?? "");
            return PassageLookup.Unavailable(reference, bible, $"{bible.Name} could not be read: {result.Error}");
        }

        // A whole chapter keeps every verse the module has (its versification may number more than the KJV table).
        var (first, last) = reference.IsWholeChapter ? (1, int.MaxValue) : reference.VerseRange;
        var verses = SwordText.ParseVerses(result.Output, reference.Book.SwordName, reference.Chapter, first, last);
        Log.PassageRead(_logger, bible.Id, key, verses.Count, _time.GetElapsedTime(started).TotalMilliseconds);
        if (verses.Count == 0)
        {
            return PassageLookup.NoText(reference, bible);
        }

        if (_options.CacheSize > 0)
        {
            _cache.Set(cacheKey, (IReadOnlyList<BibleVerse>)verses, new MemoryCacheEntryOptions { Size = 1 });
        }

        return PassageLookup.Found(reference, bible, verses);
    }

    public void Dispose() => _cache.Dispose();

    private (IReadOnlyList<BibleInfo>, DiathekeRunner?) Discover()
    {
        var executable = FindExecutable(_options.DiathekePath);
        if (executable is null)
        {
            Log.DiathekeMissing(_logger, _options.DiathekePath);
            return ([], null);
        }

        var bibles = ReadModules(Path.Combine(_options.SwordPath, "mods.d"));
        if (bibles.Count == 0)
        {
            Log.NoModules(_logger, Path.Combine(_options.SwordPath, "mods.d"));
            return ([], null);
        }

        Log.BiblesFound(_logger, bibles.Count, string.Join(", ", bibles.Select(b => $"{b.Id} [{b.Language}]")), executable);
        return (bibles, new DiathekeRunner(executable, _options.SwordPath, _options.Timeout));
    }

    private List<BibleInfo> ReadModules(string directory)
    {
        var bibles = new List<BibleInfo>();
        if (!Directory.Exists(directory))
        {
            return bibles;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.conf").Order(StringComparer.Ordinal))
        {
            try
            {
                if (SwordModuleConf.Parse(File.ReadAllText(file)) is { } bible)
                {
                    bibles.Add(bible);
                }
            }
            catch (IOException e)
            {
                Log.ConfUnreadable(_logger, file, e);
            }
            catch (UnauthorizedAccessException e)
            {
                Log.ConfUnreadable(_logger, file, e);
            }
        }

        return bibles;
    }

    private static string? FindExecutable(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? name : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }
}
