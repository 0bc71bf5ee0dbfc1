namespace Babelcast.Core.Scripture;

/// <summary>
/// A source of installed Bibles, chosen by <see cref="Name"/> (<c>Babelcast:Scripture:Library</c>). A library with
/// nothing installed lists no Bibles; it never throws for a missing reader or module.
/// </summary>
public interface IBibleLibrary
{
    string Name { get; }

    ValueTask<IReadOnlyList<BibleInfo>> ListBiblesAsync(CancellationToken cancellationToken);

    /// <summary>The passage from the Bible <paramref name="bibleId"/>, one plain-text entry per verse.</summary>
    ValueTask<PassageLookup> GetPassageAsync(string bibleId, ScriptureReference reference, CancellationToken cancellationToken);
}
