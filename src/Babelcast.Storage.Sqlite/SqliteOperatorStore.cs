using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

internal sealed class SqliteOperatorStore(SqliteDatabase database) : IOperatorStore
{
    public async ValueTask<OperatorInvite> InviteAsync(OperatorRecord invitation, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            // One statement: SQLite runs it alone, so the count and the insert cannot be split by another invitation.
            insert.CommandText = """
                INSERT INTO session_operators (session_id, user_id, invited_at)
                SELECT $session, $user, $invited
                WHERE (SELECT COUNT(*) FROM session_operators WHERE session_id = $session) < $limit
                ON CONFLICT (session_id, user_id) DO NOTHING;
                """;
            insert.Parameters.Add("$session", invitation.SessionId);
            insert.Parameters.Add("$user", invitation.UserId);
            insert.Parameters.Add("$invited", SqliteValues.ToUnixMs(invitation.InvitedAt));
            insert.Parameters.Add("$limit", limit);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return OperatorInvite.Added;
            }
        }

        return await IsOperatorAsync(connection, invitation.SessionId, invitation.UserId, cancellationToken)
            ? OperatorInvite.AlreadyInvited
            : OperatorInvite.LimitReached;
    }

    public async ValueTask<bool> RevokeAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM session_operators WHERE session_id = $session AND user_id = $user;";
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask<IReadOnlyList<OperatorRecord>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT session_id, user_id, invited_at FROM session_operators WHERE session_id = $key ORDER BY invited_at, user_id;", sessionId, cancellationToken);

    public ValueTask<IReadOnlyList<OperatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT session_id, user_id, invited_at FROM session_operators WHERE user_id = $key ORDER BY invited_at DESC, session_id;", userId, cancellationToken);

    public async ValueTask<bool> IsOperatorAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await IsOperatorAsync(connection, sessionId, userId, cancellationToken);
    }

    private static async Task<bool> IsOperatorAsync(SqliteConnection connection, string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM session_operators WHERE session_id = $session AND user_id = $user;";
        command.Parameters.Add("$session", sessionId);
        command.Parameters.Add("$user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async ValueTask<IReadOnlyList<OperatorRecord>> ReadAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<OperatorRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new OperatorRecord(reader.GetString(0), reader.GetString(1), SqliteValues.FromUnixMs(reader.GetInt64(2))));
        }

        return found;
    }
}
