using Babelcast.Core.Storage;

namespace Babelcast.Storage.Postgres;

/// <summary>
/// Phrase audio as bytea rows, so that every node of a cluster serves any phrase without a shared file system.
/// Rows are small (an MP3 phrase is a few KB to tens of KB) and retention deletes by the saved time, which
/// <see cref="SaveAsync"/> takes from the injected clock. Keys obey the same rules as the file store's
/// (<see cref="PhraseAudioKey"/>), so a deployment can switch stores without new failures.
/// </summary>
internal sealed class PostgresPhraseAudioStore(PostgresDatabase database, TimeProvider timeProvider) : IPhraseAudioStore
{
    public async ValueTask SaveAsync(string sessionId, long seq, string language, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        var lang = PhraseAudioKey.NormaliseLanguage(language);
        PhraseAudioKey.ThrowIfInvalid(sessionId, lang, language);
        ArgumentOutOfRangeException.ThrowIfNegative(seq);

        await using var command = await database.CommandAsync("""
            INSERT INTO phrase_audio (session_id, language, seq, audio, saved_at) VALUES (@session, @language, @seq, @bytes, @saved)
            ON CONFLICT (session_id, language, seq) DO UPDATE SET audio = excluded.audio, saved_at = excluded.saved_at;
            """, cancellationToken);
        command.Parameters.AddWithValue("session", sessionId);
        command.Parameters.AddWithValue("language", lang);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("bytes", audio);
        command.Parameters.AddWithValue("saved", timeProvider.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<byte[]?> TryReadAsync(string sessionId, long seq, string language, CancellationToken cancellationToken)
    {
        var lang = PhraseAudioKey.NormaliseLanguage(language);
        if (!PhraseAudioKey.IsValidSegment(sessionId) || !PhraseAudioKey.IsValidSegment(lang) || seq < 0)
        {
            return null;
        }

        await using var command = await database.CommandAsync(
            "SELECT audio FROM phrase_audio WHERE session_id = @session AND language = @language AND seq = @seq;", cancellationToken);
        command.Parameters.AddWithValue("session", sessionId);
        command.Parameters.AddWithValue("language", lang);
        command.Parameters.AddWithValue("seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async ValueTask<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync("DELETE FROM phrase_audio WHERE saved_at < @cutoff;", cancellationToken);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
