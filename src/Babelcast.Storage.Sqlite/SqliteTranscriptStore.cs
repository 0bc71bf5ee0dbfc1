using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

/// <summary>
/// Phrases and translations. Writes are single autocommit statements (no read-then-write transaction), so
/// concurrent writers only queue on the WAL write lock and never hit an upgrade deadlock. The first write of a
/// key wins; repeats are no-ops. Rows belong to a session (foreign key): create the session first.
/// </summary>
internal sealed partial class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    private const string PhraseColumns = "session_id, seq, source_text, start_ms, end_ms, created_at, timings_json, origin";
    private const string TranslationColumns =
        "session_id, seq, language, text, source_text, start_ms, end_ms, audio_duration_ms, created_at, origin";

    /// <summary>A write under generation 0 (never an owner) always passes; a replaced owner's is refused.</summary>
    private const string Unfenced =
        "$generation = 0 OR NOT EXISTS (SELECT 1 FROM session_fences WHERE session_id = $session AND generation > $generation)";

    public async ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO phrases ({PhraseColumns}) SELECT $session, $seq, $source, $start, $end, $created, $timings, $origin
            WHERE {Unfenced}
            ON CONFLICT (session_id, seq) DO NOTHING;
            """;
        var p = command.Parameters;
        p.Add("$session", phrase.SessionId);
        p.Add("$seq", phrase.Seq);
        p.Add("$source", phrase.SourceText);
        p.Add("$start", phrase.StartMs);
        p.Add("$end", phrase.EndMs);
        p.Add("$created", SqliteValues.ToUnixMs(phrase.CreatedAt));
        p.Add("$timings", phrase.TimingsJson);
        p.Add("$generation", phrase.Generation);
        p.Add("$origin", phrase.Origin.StoredName());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE phrases SET timings_json = $timings WHERE session_id = $session AND seq = $seq;";
        command.Parameters.Add("$timings", timingsJson);
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO translations ({TranslationColumns})
            SELECT $session, $seq, $language, $text, $source, $start, $end, $duration, $created, $origin
            WHERE {Unfenced}
            ON CONFLICT (session_id, language, seq) DO NOTHING;
            """;
        var p = command.Parameters;
        p.Add("$session", translation.SessionId);
        p.Add("$seq", translation.Seq);
        p.Add("$language", translation.Language);
        p.Add("$text", translation.Text);
        p.Add("$source", translation.SourceText);
        p.Add("$start", translation.StartMs);
        p.Add("$end", translation.EndMs);
        p.Add("$duration", translation.AudioDurationMs);
        p.Add("$created", SqliteValues.ToUnixMs(translation.CreatedAt));
        p.Add("$generation", translation.Generation);
        p.Add("$origin", translation.Origin.StoredName());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {PhraseColumns} FROM phrases WHERE session_id = $session ORDER BY seq;";
        command.Parameters.Add("$session", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var phrases = new List<PhraseRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            phrases.Add(new PhraseRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                SqliteValues.FromUnixMs(reader.GetInt64(5)),
                reader.GetNullableString(6),
                Origin: PhraseOrigins.FromStoredName(reader.GetString(7))));
        }

        return phrases;
    }

    public async ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(
        string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        // SQLite reads a negative LIMIT as "no limit": never pass one through.
        if (limit <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TranslationColumns} FROM translations
            WHERE session_id = $session AND language = $language AND seq > $after
            ORDER BY seq LIMIT $limit;
            """;
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$language", language);
        command.Parameters.Add("$after", afterSeq);
        command.Parameters.Add("$limit", limit);
        return await ReadTranslationsAsync(command, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(
        string sessionId, string language, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TranslationColumns} FROM (
                SELECT {TranslationColumns} FROM translations
                WHERE session_id = $session AND language = $language
                ORDER BY seq DESC LIMIT $count)
            ORDER BY seq;
            """;
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$language", language);
        command.Parameters.Add("$count", count);
        return await ReadTranslationsAsync(command, cancellationToken);
    }

    public async ValueTask RaiseFenceAsync(string sessionId, long generation, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO session_fences (session_id, generation) SELECT $session, $generation
            WHERE EXISTS (SELECT 1 FROM sessions WHERE id = $session)
            ON CONFLICT (session_id) DO UPDATE SET generation = max(generation, excluded.generation);
            """;
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$generation", generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM phrases WHERE session_id = $session;";
        command.Parameters.Add("$session", sessionId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private static async Task<IReadOnlyList<TranslationRecord>> ReadTranslationsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var translations = new List<TranslationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            translations.Add(new TranslationRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetInt32(7),
                SqliteValues.FromUnixMs(reader.GetInt64(8)),
                Origin: PhraseOrigins.FromStoredName(reader.GetString(9))));
        }

        return translations;
    }
}
