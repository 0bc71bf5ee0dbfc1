using Babelcast.Core.Storage;
using Npgsql;

namespace Babelcast.Storage.Postgres;

internal sealed class PostgresGlossaryStore(PostgresDatabase database) : IGlossaryStore
{
    private const string Columns = "id, owner_id, name, created_at, updated_at";

    public async ValueTask<bool> TryCreateAsync(GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"INSERT INTO glossaries ({Columns}) VALUES (@id, @owner, @name, @created, @updated) ON CONFLICT (id) DO NOTHING;", connection, transaction))
        {
            command.Parameters.Add("id", glossary.Id);
            command.Parameters.Add("owner", glossary.OwnerId);
            command.Parameters.Add("name", glossary.Name);
            command.Parameters.Add("created", PostgresValues.ToUtc(glossary.CreatedAt));
            command.Parameters.Add("updated", PostgresValues.ToUtc(glossary.UpdatedAt));
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
        var found = await ReadAsync(connection, $"SELECT {Columns} FROM glossaries WHERE id = @key;", glossaryId, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async ValueTask<IReadOnlyList<GlossaryRecord>> ListByOwnerAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // Byte order, as SQLite sorts, whatever the database's default collation.
        return await ReadAsync(connection, $"SELECT {Columns} FROM glossaries WHERE owner_id = @key ORDER BY name COLLATE \"C\", id;", ownerId, cancellationToken);
    }

    public async ValueTask<bool> ReplaceAsync(GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("UPDATE glossaries SET name = @name, updated_at = @updated WHERE id = @id;", connection, transaction))
        {
            command.Parameters.Add("id", glossary.Id);
            command.Parameters.Add("name", glossary.Name);
            command.Parameters.Add("updated", PostgresValues.ToUtc(glossary.UpdatedAt));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM glossary_entries WHERE glossary_id = @id;", connection, transaction))
        {
            delete.Parameters.Add("id", glossary.Id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await InsertEntriesAsync(connection, transaction, glossary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async ValueTask<bool> DeleteAsync(string glossaryId, CancellationToken cancellationToken)
    {
        // Entries and session links go with it (ON DELETE CASCADE).
        await using var command = await database.CommandAsync("DELETE FROM glossaries WHERE id = @id;", cancellationToken);
        command.Parameters.Add("id", glossaryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask SetSessionGlossariesAsync(string sessionId, IReadOnlyList<string> glossaryIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM session_glossaries WHERE session_id = @session;", connection, transaction))
        {
            delete.Parameters.Add("session", sessionId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < glossaryIds.Count; i++)
        {
            // Unknown glossaries and sessions are skipped, not errors: the rows would point nowhere.
            await using var insert = new NpgsqlCommand("""
                INSERT INTO session_glossaries (session_id, glossary_id, position)
                SELECT @session, g.id, @position FROM glossaries g
                WHERE g.id = @glossary AND EXISTS (SELECT 1 FROM sessions WHERE id = @session)
                ON CONFLICT (session_id, glossary_id) DO NOTHING;
                """, connection, transaction);
            insert.Parameters.Add("session", sessionId);
            insert.Parameters.Add("glossary", glossaryIds[i]);
            insert.Parameters.Add("position", i);
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
            WHERE s.session_id = @key ORDER BY s.position;
            """, sessionId, cancellationToken);
    }

    private static async Task InsertEntriesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GlossaryRecord glossary, CancellationToken cancellationToken)
    {
        if (glossary.Entries.Count == 0)
        {
            return;
        }

        // One round trip: the entries as parallel arrays, unnested in order.
        await using var insert = new NpgsqlCommand("""
            INSERT INTO glossary_entries (glossary_id, position, term, sounds_like, renderings_json)
            SELECT @id, e.position - 1, e.term, e.sounds_like, e.renderings
            FROM unnest(@terms, @soundsLike, @renderings) WITH ORDINALITY AS e(term, sounds_like, renderings, position);
            """, connection, transaction);
        insert.Parameters.Add("id", glossary.Id);
        insert.Parameters.Add("terms", glossary.Entries.Select(e => e.Term).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("soundsLike", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = glossary.Entries.Select(e => e.SoundsLike).ToArray(),
        });
        insert.Parameters.Add("renderings", glossary.Entries.Select(e => GlossaryRenderingsJson.Write(e.Renderings)).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Glossaries from a query with one <c>@key</c> parameter, each with its entries in order.</summary>
    private static async Task<IReadOnlyList<GlossaryRecord>> ReadAsync(NpgsqlConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        var heads = new List<(string Id, string Owner, string Name, DateTimeOffset Created, DateTimeOffset Updated)>();
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            command.Parameters.Add("key", key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInstant(3), reader.GetInstant(4)));
            }
        }

        var result = new List<GlossaryRecord>(heads.Count);
        foreach (var (id, owner, name, created, updated) in heads)
        {
            var entries = new List<GlossaryEntry>();
            await using var command = new NpgsqlCommand(
                "SELECT term, sounds_like, renderings_json FROM glossary_entries WHERE glossary_id = @id ORDER BY position;", connection);
            command.Parameters.Add("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new GlossaryEntry(reader.GetString(0), reader.GetNullableString(1), GlossaryRenderingsJson.Read(reader.GetString(2))));
            }

            result.Add(new GlossaryRecord(id, owner, name, created, updated, entries));
        }

        return result;
    }
}
