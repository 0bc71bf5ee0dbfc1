namespace Babelcast.Core.Scripture;

/// <summary>The "none" library: no Bibles, so every language falls back to machine translation.</summary>
public sealed class EmptyBibleLibrary : IBibleLibrary
{
    public const string LibraryName = "none";

    public string Name => LibraryName;

    public ValueTask<IReadOnlyList<BibleInfo>> ListBiblesAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<BibleInfo>>([]);

    public ValueTask<PassageLookup> GetPassageAsync(string bibleId, ScriptureReference reference, CancellationToken cancellationToken) =>
        ValueTask.FromResult(PassageLookup.Unavailable(reference, new BibleInfo(bibleId, bibleId, "", ""), $"No Bible '{bibleId}' is installed."));
}
