namespace Babelcast.Storage.Sqlite.Migrations;

/// <summary>The schema history, in version order. Timestamps are Unix milliseconds.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE users (
                username      TEXT    NOT NULL PRIMARY KEY,
                password_hash TEXT    NOT NULL,
                created_at    INTEGER NOT NULL
            );

            CREATE TABLE sessions (
                id               TEXT    NOT NULL PRIMARY KEY,
                owner_id         TEXT    NOT NULL,
                source_language  TEXT    NOT NULL,
                quality_tier     TEXT    NOT NULL,
                status           TEXT    NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
                created_at       INTEGER NOT NULL,
                updated_at       INTEGER NOT NULL,
                last_activity_at INTEGER NOT NULL,
                expires_at       INTEGER NOT NULL,
                ended_at         INTEGER NULL
            );
            CREATE INDEX ix_sessions_owner ON sessions (owner_id, created_at DESC);
            CREATE INDEX ix_sessions_open_activity ON sessions (last_activity_at) WHERE status <> 'ended';
            CREATE INDEX ix_sessions_open_expiry ON sessions (expires_at) WHERE status <> 'ended';

            CREATE TABLE phrases (
                session_id   TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                seq          INTEGER NOT NULL,
                source_text  TEXT    NOT NULL,
                start_ms     INTEGER NOT NULL,
                end_ms       INTEGER NOT NULL,
                created_at   INTEGER NOT NULL,
                timings_json TEXT    NULL,
                PRIMARY KEY (session_id, seq)
            ) WITHOUT ROWID;

            CREATE TABLE translations (
                session_id        TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                language          TEXT    NOT NULL,
                seq               INTEGER NOT NULL,
                text              TEXT    NOT NULL,
                source_text       TEXT    NOT NULL,
                start_ms          INTEGER NOT NULL,
                end_ms            INTEGER NOT NULL,
                audio_duration_ms INTEGER NOT NULL,
                created_at        INTEGER NOT NULL,
                PRIMARY KEY (session_id, language, seq)
            ) WITHOUT ROWID;
            """),
        new(2, "user disable flag and token version", """
            ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
            """),
        new(3, "session write fences", """
            -- The lease generation of a session's current owner in cluster mode: writes of a replaced owner are refused.
            CREATE TABLE session_fences (
                session_id TEXT    NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                generation INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(4, "phrase origin", """
            -- speech, or typed by the operator; translations carry their phrase's, so that a replay can mark them.
            ALTER TABLE phrases ADD COLUMN origin TEXT NOT NULL DEFAULT 'speech';
            ALTER TABLE translations ADD COLUMN origin TEXT NOT NULL DEFAULT 'speech';
            """),
        new(5, "glossaries", """
            -- A speaker's reusable term lists; entries keep their order; renderings are a JSON object of language -> text.
            CREATE TABLE glossaries (
                id         TEXT    NOT NULL PRIMARY KEY,
                owner_id   TEXT    NOT NULL,
                name       TEXT    NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX ix_glossaries_owner ON glossaries (owner_id, name);

            CREATE TABLE glossary_entries (
                glossary_id     TEXT    NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
                position        INTEGER NOT NULL,
                term            TEXT    NOT NULL,
                sounds_like     TEXT    NULL,
                renderings_json TEXT    NOT NULL,
                PRIMARY KEY (glossary_id, position)
            ) WITHOUT ROWID;

            -- The glossaries a session uses, in order of precedence.
            CREATE TABLE session_glossaries (
                session_id  TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                glossary_id TEXT    NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                PRIMARY KEY (session_id, glossary_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_session_glossaries_glossary ON session_glossaries (glossary_id);
            """),
        new(6, "session co-operators", """
            -- The accounts a session's owner invited to operate it beside them (type, correct, hold, prepared text).
            CREATE TABLE session_operators (
                session_id TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                user_id    TEXT    NOT NULL,
                invited_at INTEGER NOT NULL,
                PRIMARY KEY (session_id, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_session_operators_user ON session_operators (user_id, invited_at DESC);
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
