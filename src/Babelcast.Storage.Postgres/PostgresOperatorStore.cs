using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

internal sealed class PostgresOperatorStore(PostgresDatabase database) : IOperatorStore
{
    public async ValueTask<OperatorInvite> InviteAsync(OperatorRecord invitation, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The session row's lock orders two invitations to one session: the second counts the first's row.
        await using (var lockSession = new NpgsqlCommand("SELECT 1 FROM sessions WHERE id = @session FOR UPDATE;", connection, transaction))
        {
            lockSession.Parameters.Add("session", invitation.SessionId);
            await lockSession.ExecuteScalarAsync(cancellationToken);
        }

        OperatorInvite result;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO session_operators (session_id, user_id, invited_at)
            SELECT @session, @user, @invited
            WHERE (SELECT COUNT(*) FROM session_operators WHERE session_id = @session) < @limit
            ON CONFLICT (session_id, user_id) DO NOTHING;
            """, connection, transaction))
        {
            insert.Parameters.Add("session", invitation.SessionId);
            insert.Parameters.Add("user", invitation.UserId);
            insert.Parameters.Add("invited", PostgresValues.ToUtc(invitation.InvitedAt));
            insert.Parameters.Add("limit", (long)limit);
            result = await insert.ExecuteNonQueryAsync(cancellationToken) == 1 ? OperatorInvite.Added
                : await IsOperatorAsync(connection, transaction, invitation.SessionId, invitation.UserId, cancellationToken) ? OperatorInvite.AlreadyInvited
                : OperatorInvite.LimitReached;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async ValueTask<bool> RevokeAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync("DELETE FROM session_operators WHERE session_id = @session AND user_id = @user;", cancellationToken);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask<IReadOnlyList<OperatorRecord>> ListBySessionAsync(string sessionId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT session_id, user_id, invited_at FROM session_operators WHERE session_id = @key ORDER BY invited_at, user_id;", sessionId, cancellationToken);

    public ValueTask<IReadOnlyList<OperatorRecord>> ListByUserAsync(string userId, CancellationToken cancellationToken) =>
        ReadAsync("SELECT session_id, user_id, invited_at FROM session_operators WHERE user_id = @key ORDER BY invited_at DESC, session_id;", userId, cancellationToken);

    public async ValueTask<bool> IsOperatorAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await IsOperatorAsync(connection, null, sessionId, userId, cancellationToken);
    }

    private static async Task<bool> IsOperatorAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM session_operators WHERE session_id = @session AND user_id = @user;", connection, transaction);
        command.Parameters.Add("session", sessionId);
        command.Parameters.Add("user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async ValueTask<IReadOnlyList<OperatorRecord>> ReadAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(sql, cancellationToken);
        command.Parameters.Add("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<OperatorRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new OperatorRecord(reader.GetString(0), reader.GetString(1), reader.GetInstant(2)));
        }

        return found;
    }
}
