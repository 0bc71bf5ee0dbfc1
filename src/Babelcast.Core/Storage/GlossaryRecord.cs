namespace Babelcast.Core.Storage;

/// <summary>A speaker's reusable glossary. <see cref="OwnerId"/> is the speaker's subject and never leaves the server.</summary>
public sealed record GlossaryRecord(
    string Id,
    string OwnerId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<GlossaryEntry> Entries);
