namespace Babelcast.Core.Storage;

/// <summary>A broadcast session. <see cref="OwnerId"/> is the speaker's subject and never leaves the server.</summary>
public sealed record SessionRecord(
    string Id,
    string OwnerId,
    string SourceLanguage,
    string QualityTier,
    SessionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt);
