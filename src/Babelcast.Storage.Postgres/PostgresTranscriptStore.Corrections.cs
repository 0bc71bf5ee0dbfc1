using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

/// <summary>Operator corrections: the phrase and its translations rewritten in place in one transaction (the schema is unchanged).</summary>
internal sealed partial class PostgresTranscriptStore
{
    public async ValueTask<IReadOnlyList<string>> GetTranslationLanguagesAsync(string sessionId, long seq, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            "SELECT language FROM translations WHERE session_id = @session AND seq = @seq ORDER BY language;", cancellationToken);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("seq", seq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var languages = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            languages.Add(reader.GetString(0));
        }

        return languages;
    }

    public async ValueTask<PhraseRecord?> CorrectPhraseAsync(
        string sessionId, long seq, string sourceText, IReadOnlyDictionary<string, string> translations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var phrase = await UpdatePhraseAsync(connection, transaction, sessionId, seq, sourceText, cancellationToken);
        if (phrase is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await using (var sources = new NpgsqlCommand(
            "UPDATE translations SET source_text = @source WHERE session_id = @session AND seq = @seq;", connection, transaction))
        {
            // Languages not translated again keep their text but name the corrected source.
            sources.Parameters.Add(new NpgsqlParameter("source", sourceText));
            sources.Parameters.Add(new NpgsqlParameter("session", sessionId));
            sources.Parameters.Add(new NpgsqlParameter("seq", seq));
            await sources.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (language, text) in translations)
        {
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO translations ({TranslationColumns})
                VALUES (@session, @seq, @language, @text, @source, @startMs, @endMs, 0, @created, @origin)
                ON CONFLICT (session_id, language, seq) DO UPDATE SET text = excluded.text, source_text = excluded.source_text;
                """, connection, transaction);
            var p = upsert.Parameters;
            p.Add(new NpgsqlParameter("session", sessionId));
            p.Add(new NpgsqlParameter("seq", seq));
            p.Add(new NpgsqlParameter("language", language));
            p.Add(new NpgsqlParameter("text", text));
            p.Add(new NpgsqlParameter("source", sourceText));
            p.Add(new NpgsqlParameter("startMs", phrase.StartMs));
            p.Add(new NpgsqlParameter("endMs", phrase.EndMs));
            p.Add(new NpgsqlParameter("created", PostgresValues.ToUtc(now)));
            p.Add(new NpgsqlParameter("origin", phrase.Origin.StoredName()));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return phrase;
    }

    private static async Task<PhraseRecord?> UpdatePhraseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sessionId, long seq, string sourceText, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE phrases SET source_text = @source WHERE session_id = @session AND seq = @seq RETURNING {PhraseColumns};", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("source", sourceText));
        command.Parameters.Add(new NpgsqlParameter("session", sessionId));
        command.Parameters.Add(new NpgsqlParameter("seq", seq));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PhraseRecord(
            reader.GetString(0),
            reader.GetInt64(1),
            reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInstant(5),
            reader.GetNullableString(6),
            Origin: PhraseOrigins.FromStoredName(reader.GetString(7)));
    }
}
