using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

/// <summary>
/// Phrases and translations. Writes are single statements with <c>ON CONFLICT DO NOTHING</c>: the first write of
/// a key wins and repeats (a replay after takeover) are no-ops. Rows belong to a session (foreign key).
/// </summary>
internal sealed partial class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    private const string PhraseColumns = "session_id, seq, source_text, start_ms, end_ms, created_at, timings_json, origin";
    private const string TranslationColumns =
        "session_id, seq, language, text, source_text, start_ms, end_ms, audio_duration_ms, created_at, origin";

    /// <summary>A write under generation 0 (never an owner) always passes; a replaced owner's is refused.</summary>
    private const string Unfenced =
        "@generation = 0 OR NOT EXISTS (SELECT 1 FROM session_fences WHERE session_id = @session AND generation > @generation)";

    public async ValueTask AddPhraseAsync(PhraseRecord phrase, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"""
            INSERT INTO phrases ({PhraseColumns}) SELECT @session, @seq, @source, @startMs, @endMs, @created, @timings, @origin
            WHERE {Unfenced}
            ON CONFLICT (session_id, seq) DO NOTHING;
            """, cancellationToken);
        var p = command.Parameters;
        p.Add("session", phrase.SessionId);
        p.Add("seq", phrase.Seq);
        p.Add("source", phrase.SourceText);
        p.Add("startMs", phrase.StartMs);
        p.Add("endMs", phrase.EndMs);
        p.Add("created", PostgresValues.ToUtc(phrase.CreatedAt));
        p.Add(new NpgsqlParameter("timings", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)phrase.TimingsJson ?? DBNull.Value });
        p.Add("generation", phrase.Generation);
        p.Add("origin", phrase.Origin.StoredName());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask UpdatePhraseTimingsAsync(string sessionId, long seq, string timingsJson, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            "UPDATE phrases SET timings_json = @timings WHERE session_id = @session AND seq = @seq;", cancellationToken);
        command.Parameters.Add("timings", timingsJson);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask AddTranslationAsync(TranslationRecord translation, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"""
            INSERT INTO translations ({TranslationColumns})
            SELECT @session, @seq, @language, @text, @source, @startMs, @endMs, @duration, @created, @origin
            WHERE {Unfenced}
            ON CONFLICT (session_id, language, seq) DO NOTHING;
            """, cancellationToken);
        var p = command.Parameters;
        p.Add("session", translation.SessionId);
        p.Add("seq", translation.Seq);
        p.Add("language", translation.Language);
        p.Add("text", translation.Text);
        p.Add("source", translation.SourceText);
        p.Add("startMs", translation.StartMs);
        p.Add("endMs", translation.EndMs);
        p.Add("duration", translation.AudioDurationMs);
        p.Add("created", PostgresValues.ToUtc(translation.CreatedAt));
        p.Add("generation", translation.Generation);
        p.Add("origin", translation.Origin.StoredName());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<PhraseRecord>> GetPhrasesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            $"SELECT {PhraseColumns} FROM phrases WHERE session_id = @session ORDER BY seq;", cancellationToken);
        command.Parameters.Add("session", sessionId);
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
                reader.GetInstant(5),
                reader.GetNullableString(6),
                Origin: PhraseOrigins.FromStoredName(reader.GetString(7))));
        }

        return phrases;
    }

    public async ValueTask<IReadOnlyList<TranslationRecord>> GetTranslationsAsync(
        string sessionId, string language, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        // PostgreSQL rejects a negative LIMIT; SQLite reads it as "no limit". Neither is meant: return nothing.
        if (limit <= 0)
        {
            return [];
        }

        await using var command = await database.CommandAsync($"""
            SELECT {TranslationColumns} FROM translations
            WHERE session_id = @session AND language = @language AND seq > @after
            ORDER BY seq LIMIT @limit;
            """, cancellationToken);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("language", language);
        command.Parameters.Add("after", afterSeq);
        command.Parameters.Add("limit", limit);
        return await ReadTranslationsAsync(command, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<TranslationRecord>> GetLatestTranslationsAsync(
        string sessionId, string language, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        await using var command = await database.CommandAsync($"""
            SELECT {TranslationColumns} FROM (
                SELECT {TranslationColumns} FROM translations
                WHERE session_id = @session AND language = @language
                ORDER BY seq DESC LIMIT @count) AS latest
            ORDER BY seq;
            """, cancellationToken);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("language", language);
        command.Parameters.Add("count", count);
        return await ReadTranslationsAsync(command, cancellationToken);
    }

    public async ValueTask RaiseFenceAsync(string sessionId, long generation, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync("""
            INSERT INTO session_fences (session_id, generation) SELECT @session, @generation
            WHERE EXISTS (SELECT 1 FROM sessions WHERE id = @session)
            ON CONFLICT (session_id) DO UPDATE SET generation = GREATEST(session_fences.generation, excluded.generation);
            """, cancellationToken);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("generation", generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<long> GetLastSeqAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            "SELECT COALESCE(MAX(seq), 0) FROM phrases WHERE session_id = @session;", cancellationToken);
        command.Parameters.Add("session", sessionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<TranslationRecord>> ReadTranslationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                reader.GetInstant(8),
                Origin: PhraseOrigins.FromStoredName(reader.GetString(9))));
        }

        return translations;
    }
}
