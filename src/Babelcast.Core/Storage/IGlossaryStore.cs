namespace Babelcast.Core.Storage;

/// <summary>Speakers' glossaries and which of them each session uses.</summary>
public interface IGlossaryStore
{
    /// <summary>Inserts the glossary with its entries; false if the id already exists.</summary>
    ValueTask<bool> TryCreateAsync(GlossaryRecord glossary, CancellationToken cancellationToken);

    ValueTask<GlossaryRecord?> GetAsync(string glossaryId, CancellationToken cancellationToken);

    /// <summary>The owner's glossaries with their entries, by name.</summary>
    ValueTask<IReadOnlyList<GlossaryRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>Replaces the name, entries and update time of an existing glossary in one transaction; false if unknown.</summary>
    ValueTask<bool> ReplaceAsync(GlossaryRecord glossary, CancellationToken cancellationToken);

    /// <summary>Deletes the glossary (and detaches it from every session); false if unknown.</summary>
    ValueTask<bool> DeleteAsync(string glossaryId, CancellationToken cancellationToken);

    /// <summary>Sets the glossaries a session uses, in order of precedence (an unknown glossary id is skipped).</summary>
    ValueTask SetSessionGlossariesAsync(string sessionId, IReadOnlyList<string> glossaryIds, CancellationToken cancellationToken);

    /// <summary>The glossaries a session uses, with their entries, in order of precedence.</summary>
    ValueTask<IReadOnlyList<GlossaryRecord>> GetSessionGlossariesAsync(string sessionId, CancellationToken cancellationToken);
}
