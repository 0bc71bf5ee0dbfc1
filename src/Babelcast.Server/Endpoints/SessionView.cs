using System.Text.Json.Serialization;

namespace Babelcast.Server.Endpoints;

/// <summary>
/// The public JSON shape of a session; deliberately without the owner. <see cref="Role"/> only in the caller's own list
/// (<c>owner</c> or <c>operator</c>).
/// </summary>
internal sealed record SessionView(
    string SessionId,
    string Status,
    string SourceLanguage,
    string QualityTier,
    int ListenerCount,
    IReadOnlyDictionary<string, int> LanguageDistribution,
    IReadOnlyList<string> TargetLanguages,
    bool Muted,
    bool Held,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? EndedAt,
    string JoinUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null);
