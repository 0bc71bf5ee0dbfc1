using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

/// <summary>
/// Operator corrections: the phrase and its translations rewritten in place in one transaction (the schema is
/// unchanged). The transaction starts with a write, so it takes the write lock at once and never upgrades a read lock.
/// </summary>
internal sealed partial class SqliteTranscriptStore
{
    public async ValueTask<IReadOnlyList<string>> GetTranslationLanguagesAsync(string sessionId, long seq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT language FROM translations WHERE session_id = $session AND seq = $seq ORDER BY language;";
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$seq", seq);
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
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var phrase = await UpdatePhraseAsync(connection, transaction, sessionId, seq, sourceText, cancellationToken);
        if (phrase is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await using (var sources = connection.CreateCommand())
        {
            // Languages not translated again keep their text but name the corrected source.
            sources.Transaction = transaction;
            sources.CommandText = "UPDATE translations SET source_text = $source WHERE session_id = $session AND seq = $seq;";
            sources.Parameters.Add("$source", sourceText);
            sources.Parameters.Add("$session", sessionId);
            sources.Parameters.Add("$seq", seq);
            await sources.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (language, text) in translations)
        {
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = $"""
                INSERT INTO translations ({TranslationColumns})
                VALUES ($session, $seq, $language, $text, $source, $start, $end, 0, $created, $origin)
                ON CONFLICT (session_id, language, seq) DO UPDATE SET text = excluded.text, source_text = excluded.source_text;
                """;
            var p = upsert.Parameters;
            p.Add("$session", sessionId);
            p.Add("$seq", seq);
            p.Add("$language", language);
            p.Add("$text", text);
            p.Add("$source", sourceText);
            p.Add("$start", phrase.StartMs);
            p.Add("$end", phrase.EndMs);
            p.Add("$created", SqliteValues.ToUnixMs(now));
            p.Add("$origin", phrase.Origin.StoredName());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return phrase;
    }

    private static async Task<PhraseRecord?> UpdatePhraseAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sessionId, long seq, string sourceText, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE phrases SET source_text = $source WHERE session_id = $session AND seq = $seq RETURNING {PhraseColumns};";
        command.Parameters.Add("$source", sourceText);
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$seq", seq);
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
            SqliteValues.FromUnixMs(reader.GetInt64(5)),
            reader.GetNullableString(6),
            Origin: PhraseOrigins.FromStoredName(reader.GetString(7)));
    }
}
