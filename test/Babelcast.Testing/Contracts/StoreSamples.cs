using Babelcast.Core.Storage;

namespace Babelcast.Testing.Contracts;

/// <summary>Sample records for the store contract tests. Instants are whole milliseconds, the precision every store keeps.</summary>
public static class StoreSamples
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    public const string UnicodeText = "¿Qué tal? Ça va — 你好，世界 👋🏽 Ünïcödé 'quotes' \"double\" ; DROP TABLE phrases; --";

    public static SessionRecord Session(
        string id,
        string owner = "owner-1",
        DateTimeOffset? createdAt = null,
        SessionStatus status = SessionStatus.Active,
        DateTimeOffset? lastActivityAt = null,
        DateTimeOffset? expiresAt = null)
    {
        var created = createdAt ?? T0;
        return new SessionRecord(
            id,
            owner,
            "en",
            "standard",
            status,
            created,
            created,
            lastActivityAt ?? created,
            expiresAt ?? created.AddHours(8),
            status == SessionStatus.Ended ? created : null);
    }

    public static PhraseRecord Phrase(string sessionId, long seq, string? text = null, string? timingsJson = null) =>
        new(sessionId, seq, text ?? $"phrase {seq}", seq * 1000, seq * 1000 + 900, T0.AddSeconds(seq), timingsJson);

    public static TranslationRecord Translation(string sessionId, long seq, string language, string? text = null) =>
        new(sessionId, seq, language, text ?? $"{language} {seq}", $"phrase {seq}", seq * 1000, seq * 1000 + 900, 850 + (int)seq, T0.AddSeconds(seq));
}
