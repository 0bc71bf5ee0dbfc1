using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

internal sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    private const string Columns =
        "id, owner_id, source_language, quality_tier, status, created_at, updated_at, last_activity_at, expires_at, ended_at";

    public async ValueTask<bool> TryCreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO sessions ({Columns})
            VALUES ($id, $owner, $language, $tier, $status, $created, $updated, $activity, $expires, $ended)
            ON CONFLICT (id) DO NOTHING;
            """;
        var p = command.Parameters;
        p.Add("$id", session.Id);
        p.Add("$owner", session.OwnerId);
        p.Add("$language", session.SourceLanguage);
        p.Add("$tier", session.QualityTier);
        p.Add("$status", SqliteValues.ToText(session.Status));
        p.Add("$created", SqliteValues.ToUnixMs(session.CreatedAt));
        p.Add("$updated", SqliteValues.ToUnixMs(session.UpdatedAt));
        p.Add("$activity", SqliteValues.ToUnixMs(session.LastActivityAt));
        p.Add("$expires", SqliteValues.ToUnixMs(session.ExpiresAt));
        p.Add("$ended", SqliteValues.ToUnixMsOrNull(session.EndedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, sessionId, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SessionRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM sessions WHERE owner_id = $owner ORDER BY created_at DESC, id DESC;";
        command.Parameters.Add("$owner", ownerId);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async ValueTask<SessionRecord?> UpdateStatusAsync(string sessionId, SessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            // The status guard makes "ended is final" hold even against a concurrent update.
            command.CommandText = """
                UPDATE sessions
                SET status = $status, updated_at = $now,
                    ended_at = CASE WHEN $status = 'ended' THEN $now ELSE ended_at END
                WHERE id = $id AND status <> 'ended';
                """;
            command.Parameters.Add("$id", sessionId);
            command.Parameters.Add("$status", SqliteValues.ToText(status));
            command.Parameters.Add("$now", SqliteValues.ToUnixMs(now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetAsync(connection, sessionId, cancellationToken);
    }

    public async ValueTask<SessionRecord?> UpdateQualityTierAsync(string sessionId, string qualityTier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE sessions SET quality_tier = $tier, updated_at = $now WHERE id = $id AND status <> 'ended';";
            command.Parameters.Add("$id", sessionId);
            command.Parameters.Add("$tier", qualityTier);
            command.Parameters.Add("$now", SqliteValues.ToUnixMs(now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetAsync(connection, sessionId, cancellationToken);
    }

    public async ValueTask TouchAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // MAX keeps activity monotonic when touches from several connections land out of order.
        command.CommandText = "UPDATE sessions SET last_activity_at = MAX(last_activity_at, $now) WHERE id = $id;";
        command.Parameters.Add("$id", sessionId);
        command.Parameters.Add("$now", SqliteValues.ToUnixMs(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SessionRecord>> ListExpiredAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM sessions
            WHERE status <> 'ended' AND (last_activity_at < $idleBefore OR expires_at < $now)
            ORDER BY last_activity_at, id;
            """;
        command.Parameters.Add("$idleBefore", SqliteValues.ToUnixMs(idleBefore));
        command.Parameters.Add("$now", SqliteValues.ToUnixMs(now));
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<SessionRecord?> GetAsync(SqliteConnection connection, string sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM sessions WHERE id = $id;";
        command.Parameters.Add("$id", sessionId);
        var sessions = await ReadAllAsync(command, cancellationToken);
        return sessions.Count == 0 ? null : sessions[0];
    }

    private static async Task<IReadOnlyList<SessionRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new List<SessionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new SessionRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                SqliteValues.StatusFromText(reader.GetString(4)),
                SqliteValues.FromUnixMs(reader.GetInt64(5)),
                SqliteValues.FromUnixMs(reader.GetInt64(6)),
                SqliteValues.FromUnixMs(reader.GetInt64(7)),
                SqliteValues.FromUnixMs(reader.GetInt64(8)),
                await reader.IsDBNullAsync(9, cancellationToken) ? null : SqliteValues.FromUnixMs(reader.GetInt64(9))));
        }

        return sessions;
    }
}
