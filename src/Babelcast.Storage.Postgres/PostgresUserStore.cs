using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

/// <summary>Users keyed by the exact (ordinal, case-sensitive) user name; normalise names before calling.</summary>
internal sealed class PostgresUserStore(PostgresDatabase database) : IUserStore
{
    private const string Columns = "username, password_hash, created_at, disabled, token_version";

    public async ValueTask<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            $"INSERT INTO users ({Columns}) VALUES (@username, @hash, @created, @disabled, @version) ON CONFLICT (username) DO NOTHING;",
            cancellationToken);
        command.Parameters.Add("username", user.Username);
        command.Parameters.Add("hash", user.PasswordHash);
        command.Parameters.Add("created", PostgresValues.ToUtc(user.CreatedAt));
        command.Parameters.Add("disabled", user.Disabled);
        command.Parameters.Add("version", user.TokenVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<UserRecord?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"SELECT {Columns} FROM users WHERE username = @username;", cancellationToken);
        command.Parameters.Add("username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async ValueTask<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"SELECT {Columns} FROM users ORDER BY username;", cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async ValueTask<bool> UpdatePasswordAsync(string username, string passwordHash, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            "UPDATE users SET password_hash = @hash, token_version = token_version + 1 WHERE username = @username;", cancellationToken);
        command.Parameters.Add("username", username);
        command.Parameters.Add("hash", passwordHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(
            "UPDATE users SET disabled = @disabled, token_version = token_version + 1 WHERE username = @username;", cancellationToken);
        command.Parameters.Add("username", username);
        command.Parameters.Add("disabled", disabled);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<bool> DeleteAsync(string username, CancellationToken cancellationToken)
    {
        // A later account of the same name must not inherit the invitations of this one.
        await using var command = await database.CommandAsync(
            "WITH invitations AS (DELETE FROM session_operators WHERE user_id = @username) DELETE FROM users WHERE username = @username;", cancellationToken);
        command.Parameters.Add("username", username);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static UserRecord Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInstant(2), reader.GetBoolean(3), reader.GetInt64(4));
}
