using Babelcast.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Babelcast.Storage.Sqlite;

internal sealed class SqliteGlossaryStore(SqliteDatabase database) : IGlossaryStore
{
    private const string Columns = "id, owner_id, name, created_at, updated_at";

    public async ValueTask<bool> TryCreateAsync(GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, transaction, $"""
            INSERT INTO glossaries ({Columns}) VALUES ($id, $owner, $name, $created, $updated) ON CONFLICT (id) DO NOTHING;
            """))
        {
            command.Parameters.AddWithValue("$id", glossary.Id);
            command.Parameters.AddWithValue("$owner", glossary.OwnerId);
            command.Parameters.AddWithValue("$name", glossary.Name);
            command.Parameters.AddWithValue("$created", SqliteValues.ToUnixMs(glossary.CreatedAt));
            command.Parameters.AddWithValue("$updated", SqliteValues.ToUnixMs(glossary.UpdatedAt));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await InsertEntriesAsync(connection, transaction, glossary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async ValueTask<GlossaryRecord?> GetAsync(string glossaryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await ReadAsync(connection, $"SELECT {Columns} FROM glossaries WHERE id = $key;", glossaryId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async ValueTask<IReadOnlyList<GlossaryRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, $"SELECT {Columns} FROM glossaries WHERE owner_id = $key ORDER BY name, id;", ownerId, cancellationToken);
    }

    public async ValueTask<bool> ReplaceAsync(GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, transaction, "UPDATE glossaries SET name = $name, updated_at = $updated WHERE id = $id;"))
        {
            command.Parameters.AddWithValue("$id", glossary.Id);
            command.Parameters.AddWithValue("$name", glossary.Name);
            command.Parameters.AddWithValue("$updated", SqliteValues.ToUnixMs(glossary.UpdatedAt));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (var delete = Command(connection, transaction, "DELETE FROM glossary_entries WHERE glossary_id = $id;"))
        {
            delete.Parameters.AddWithValue("$id", glossary.Id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertEntriesAsync(connection, transaction, glossary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async ValueTask<bool> DeleteAsync(string glossaryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // Explicit rather than through the foreign keys, which depend on a connection setting.
        await using (var children = Command(connection, transaction, """
            DELETE FROM glossary_entries WHERE glossary_id = $id;
            DELETE FROM session_glossaries WHERE glossary_id = $id;
            """))
        {
            children.Parameters.AddWithValue("$id", glossaryId);
            await children.ExecuteNonQueryAsync(cancellationToken);
        }

        int deleted;
        await using (var command = Command(connection, transaction, "DELETE FROM glossaries WHERE id = $id;"))
        {
            command.Parameters.AddWithValue("$id", glossaryId);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    public async ValueTask SetSessionGlossariesAsync(string sessionId, IReadOnlyList<string> glossaryIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = Command(connection, transaction, "DELETE FROM session_glossaries WHERE session_id = $session;"))
        {
            delete.Parameters.AddWithValue("$session", sessionId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < glossaryIds.Count; i++)
        {
            // Unknown glossaries and sessions are skipped, not errors: the rows would point nowhere.
            await using var insert = Command(connection, transaction, """
                INSERT INTO session_glossaries (session_id, glossary_id, position)
                SELECT $session, g.id, $position FROM glossaries g
                WHERE g.id = $glossary AND EXISTS (SELECT 1 FROM sessions WHERE id = $session)
                ON CONFLICT (session_id, glossary_id) DO NOTHING;
                """);
            insert.Parameters.AddWithValue("$session", sessionId);
            insert.Parameters.AddWithValue("$glossary", glossaryIds[i]);
            insert.Parameters.AddWithValue("$position", i);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<GlossaryRecord>> GetSessionGlossariesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, """
            SELECT g.id, g.owner_id, g.name, g.created_at, g.updated_at
            FROM session_glossaries s JOIN glossaries g ON g.id = s.glossary_id
            WHERE s.session_id = $key ORDER BY s.position;
            """, sessionId, cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task InsertEntriesAsync(SqliteConnection connection, SqliteTransaction transaction, GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, transaction, """
            INSERT INTO glossary_entries (glossary_id, position, term, sounds_like, renderings_json)
            VALUES ($id, $position, $term, $soundsLike, $renderings);
            """);
        insert.Parameters.AddWithValue("$id", glossary.Id);
        var position = insert.Parameters.Add("$position", SqliteType.Integer);
        var term = insert.Parameters.Add("$term", SqliteType.Text);
        var soundsLike = insert.Parameters.Add("$soundsLike", SqliteType.Text);
        var renderings = insert.Parameters.Add("$renderings", SqliteType.Text);
        for (var i = 0; i < glossary.Entries.Count; i++)
        {
            var e = glossary.Entries[i];
            position.Value = i;
            term.Value = e.Term;
            soundsLike.Value = (object?)e.SoundsLike ?? DBNull.Value;
            renderings.Value = GlossaryRenderingsJson.Write(e.Renderings);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Glossaries from a query with one <c>$key</c> parameter, each with its entries in order.</summary>
    private static async Task<IReadOnlyList<GlossaryRecord>> ReadAsync(SqliteConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        var heads = new List<(string Id, string Owner, string Name, long Created, long Updated)>();
        await using (var command = Command(connection, null, sql))
        {
            command.Parameters.AddWithValue("$key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        var result = new List<GlossaryRecord>(heads.Count);
        foreach (var (id, owner, name, created, updated) in heads)
        {
            var entries = new List<GlossaryEntry>();
            await using var command = Command(connection, null,
                "SELECT term, sounds_like, renderings_json FROM glossary_entries WHERE glossary_id = $id ORDER BY position;");
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var soundsLike = await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1);
                entries.Add(new GlossaryEntry(reader.GetString(0), soundsLike, GlossaryRenderingsJson.Read(reader.GetString(2))));
            }

            result.Add(new GlossaryRecord(id, owner, name, SqliteValues.FromUnixMs(created), SqliteValues.FromUnixMs(updated), entries));
        }

        return result;
    }
}
