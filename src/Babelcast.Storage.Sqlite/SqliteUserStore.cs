using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

/// <summary>Users keyed by the exact (ordinal, case-sensitive) user name; normalise names before calling.</summary>
internal sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    private const string Columns = "username, password_hash, created_at, disabled, token_version";

    public async ValueTask<bool> TryCreateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO users ({Columns}) VALUES ($username, $hash, $created, $disabled, $version) ON CONFLICT (username) DO NOTHING;";
        command.Parameters.Add("$username", user.Username);
        command.Parameters.Add("$hash", user.PasswordHash);
        command.Parameters.Add("$created", SqliteValues.ToUnixMs(user.CreatedAt));
        command.Parameters.Add("$disabled", user.Disabled ? 1 : 0);
        command.Parameters.Add("$version", user.TokenVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<UserRecord?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users WHERE username = $username;";
        command.Parameters.Add("$username", username);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async ValueTask<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users ORDER BY username;";
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET password_hash = $hash, token_version = token_version + 1 WHERE username = $username;";
        command.Parameters.Add("$username", username);
        command.Parameters.Add("$hash", passwordHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET disabled = $disabled, token_version = token_version + 1 WHERE username = $username;";
        command.Parameters.Add("$username", username);
        command.Parameters.Add("$disabled", disabled ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask<bool> DeleteAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // A later account of the same name must not inherit the invitations of this one.
        await using (var invitations = connection.CreateCommand())
        {
            invitations.CommandText = "DELETE FROM session_operators WHERE user_id = $username;";
            invitations.Parameters.Add("$username", username);
            await invitations.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM users WHERE username = $username;";
        command.Parameters.Add("$username", username);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static UserRecord Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), SqliteValues.FromUnixMs(reader.GetInt64(2)), reader.GetInt64(3) != 0, reader.GetInt64(4));
}
