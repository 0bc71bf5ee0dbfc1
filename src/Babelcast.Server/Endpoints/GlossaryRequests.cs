namespace Babelcast.Server.Endpoints;

/// <summary>Body of POST and PUT /api/glossaries: the name and the whole list of entries (PUT replaces them all).</summary>
internal sealed record GlossaryRequest(string? Name, IReadOnlyList<GlossaryEntryBody?>? Entries);

/// <summary>One entry as the API reads and writes it; renderings map a language code to the fixed text.</summary>
internal sealed record GlossaryEntryBody(string? Term, string? SoundsLike, IReadOnlyDictionary<string, string?>? Renderings);

/// <summary>Body of PUT /api/sessions/{id}/glossaries and its answer.</summary>
internal sealed record SessionGlossariesBody(IReadOnlyList<string?>? GlossaryIds);

internal sealed record GlossaryView(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<GlossaryEntryBody> Entries);

internal sealed record GlossaryList(IReadOnlyList<GlossaryView> Glossaries);
