using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

internal sealed class PostgresSessionStore(PostgresDatabase database) : ISessionStore
{
    private const string Columns =
        "id, owner_id, source_language, quality_tier, status, created_at, updated_at, last_activity_at, expires_at, ended_at";

    public async ValueTask<bool> TryCreateAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"""
            INSERT INTO sessions ({Columns})
            VALUES (@id, @owner, @language, @tier, @status, @created, @updated, @activity, @expires, @ended)
            ON CONFLICT (id) DO NOTHING;
            """, cancellationToken);
        var p = command.Parameters;
        p.Add("id", session.Id);
        p.Add("owner", session.OwnerId);
        p.Add("language", session.SourceLanguage);
        p.Add("tier", session.QualityTier);
        p.Add("status", PostgresValues.ToText(session.Status));
        p.Add("created", PostgresValues.ToUtc(session.CreatedAt));
        p.Add("updated", PostgresValues.ToUtc(session.UpdatedAt));
        p.Add("activity", PostgresValues.ToUtc(session.LastActivityAt));
        p.Add("expires", PostgresValues.ToUtc(session.ExpiresAt));
        p.Add(new NpgsqlParameter("ended", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = PostgresValues.ToUtcOrNull(session.EndedAt) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<SessionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"SELECT {Columns} FROM sessions WHERE id = @id;", cancellationToken);
        command.Parameters.Add("id", sessionId);
        var sessions = await ReadAllAsync(command, cancellationToken);
        return sessions.Count == 0 ? null : sessions[0];
    }

    public async ValueTask<IReadOnlyList<SessionRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            $"SELECT {Columns} FROM sessions WHERE owner_id = @owner ORDER BY created_at DESC, id DESC;", cancellationToken);
        command.Parameters.Add("owner", ownerId);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async ValueTask<SessionRecord?> UpdateStatusAsync(string sessionId, SessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = await database.CommandAsync("""
            UPDATE sessions
            SET status = @status, updated_at = @now,
                ended_at = CASE WHEN @status = 'ended' THEN @now ELSE ended_at END
            WHERE id = @id AND status <> 'ended';
            """, cancellationToken))
        {
            // The status guard makes "ended is final" hold even against a concurrent update from another node.
            command.Parameters.Add("id", sessionId);
            command.Parameters.Add("status", PostgresValues.ToText(status));
            command.Parameters.Add("now", PostgresValues.ToUtc(now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetAsync(sessionId, cancellationToken);
    }

    public async ValueTask<SessionRecord?> UpdateQualityTierAsync(string sessionId, string qualityTier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var command = await database.CommandAsync(
            "UPDATE sessions SET quality_tier = @tier, updated_at = @now WHERE id = @id AND status <> 'ended';", cancellationToken))
        {
            command.Parameters.Add("id", sessionId);
            command.Parameters.Add("tier", qualityTier);
            command.Parameters.Add("now", PostgresValues.ToUtc(now));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await GetAsync(sessionId, cancellationToken);
    }

    public async ValueTask TouchAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // GREATEST keeps activity monotonic when touches from several nodes land out of order.
        await using var command = await database.CommandAsync(
            "UPDATE sessions SET last_activity_at = GREATEST(last_activity_at, @now) WHERE id = @id;", cancellationToken);
        command.Parameters.Add("id", sessionId);
        command.Parameters.Add("now", PostgresValues.ToUtc(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SessionRecord>> ListExpiredAsync(DateTimeOffset idleBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"""
            SELECT {Columns} FROM sessions
            WHERE status <> 'ended' AND (last_activity_at < @idleBefore OR expires_at < @now)
            ORDER BY last_activity_at, id;
            """, cancellationToken);
        command.Parameters.Add("idleBefore", PostgresValues.ToUtc(idleBefore));
        command.Parameters.Add("now", PostgresValues.ToUtc(now));
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<SessionRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                PostgresValues.StatusFromText(reader.GetString(4)),
                reader.GetInstant(5),
                reader.GetInstant(6),
                reader.GetInstant(7),
                reader.GetInstant(8),
                reader.GetNullableInstant(9)));
        }

        return sessions;
    }
}
