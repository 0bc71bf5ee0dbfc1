namespace Babelcast.Storage.Postgres.Migrations;

/// <summary>
/// The schema history, in version order. Keys are <c>COLLATE "C"</c> so that equality and ordering are ordinal,
/// as in SQLite, whatever the database's default collation. Instants are timestamptz.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "initial schema", """
            CREATE TABLE users (
                username      text COLLATE "C" NOT NULL PRIMARY KEY,
                password_hash text        NOT NULL,
                created_at    timestamptz NOT NULL,
                disabled      boolean     NOT NULL DEFAULT false,
                token_version bigint      NOT NULL DEFAULT 0
            );

            CREATE TABLE sessions (
                id               text COLLATE "C" NOT NULL PRIMARY KEY,
                owner_id         text COLLATE "C" NOT NULL,
                source_language  text        NOT NULL,
                quality_tier     text        NOT NULL,
                status           text        NOT NULL CHECK (status IN ('active', 'paused', 'ended')),
                created_at       timestamptz NOT NULL,
                updated_at       timestamptz NOT NULL,
                last_activity_at timestamptz NOT NULL,
                expires_at       timestamptz NOT NULL,
                ended_at         timestamptz NULL
            );
            CREATE INDEX ix_sessions_owner ON sessions (owner_id, created_at DESC);
            CREATE INDEX ix_sessions_open_activity ON sessions (last_activity_at) WHERE status <> 'ended';
            CREATE INDEX ix_sessions_open_expiry ON sessions (expires_at) WHERE status <> 'ended';

            CREATE TABLE phrases (
                session_id   text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                seq          bigint      NOT NULL,
                source_text  text        NOT NULL,
                start_ms     bigint      NOT NULL,
                end_ms       bigint      NOT NULL,
                created_at   timestamptz NOT NULL,
                timings_json text        NULL,
                PRIMARY KEY (session_id, seq)
            );

            CREATE TABLE translations (
                session_id        text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                language          text COLLATE "C" NOT NULL,
                seq               bigint      NOT NULL,
                text              text        NOT NULL,
                source_text       text        NOT NULL,
                start_ms          bigint      NOT NULL,
                end_ms            bigint      NOT NULL,
                audio_duration_ms integer     NOT NULL,
                created_at        timestamptz NOT NULL,
                PRIMARY KEY (session_id, language, seq)
            );
            """),
        new(2, "phrase audio", """
            -- No foreign key to sessions: audio is kept for its retention whatever happens to the session row,
            -- as the file store does.
            CREATE TABLE phrase_audio (
                session_id text COLLATE "C" NOT NULL,
                language   text COLLATE "C" NOT NULL,
                seq        bigint      NOT NULL,
                audio      bytea       NOT NULL,
                saved_at   timestamptz NOT NULL,
                PRIMARY KEY (session_id, language, seq)
            );
            CREATE INDEX ix_phrase_audio_saved ON phrase_audio (saved_at);
            """),
        new(3, "session write fences", """
            -- The lease generation of a session's current owner: writes of a replaced owner are refused.
            CREATE TABLE session_fences (
                session_id text COLLATE "C" NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                generation bigint NOT NULL
            );
            """),
        new(4, "phrase origin", """
            -- speech, or typed by the operator; translations carry their phrase's, so that a replay can mark them.
            ALTER TABLE phrases ADD COLUMN origin text NOT NULL DEFAULT 'speech';
            ALTER TABLE translations ADD COLUMN origin text NOT NULL DEFAULT 'speech';
            """),
        new(5, "glossaries", """
            -- A speaker's reusable term lists; entries keep their order; renderings are a JSON object of language -> text.
            CREATE TABLE glossaries (
                id         text COLLATE "C" NOT NULL PRIMARY KEY,
                owner_id   text COLLATE "C" NOT NULL,
                name       text        NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX ix_glossaries_owner ON glossaries (owner_id, name);

            CREATE TABLE glossary_entries (
                glossary_id     text COLLATE "C" NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
                position        integer NOT NULL,
                term            text    NOT NULL,
                sounds_like     text    NULL,
                renderings_json text    NOT NULL,
                PRIMARY KEY (glossary_id, position)
            );

            -- The glossaries a session uses, in order of precedence.
            CREATE TABLE session_glossaries (
                session_id  text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                glossary_id text COLLATE "C" NOT NULL REFERENCES glossaries (id) ON DELETE CASCADE,
                position    integer NOT NULL,
                PRIMARY KEY (session_id, glossary_id)
            );
            CREATE INDEX ix_session_glossaries_glossary ON session_glossaries (glossary_id);
            """),
        new(6, "session co-operators", """
            -- The accounts a session's owner invited to operate it beside them (type, correct, hold, prepared text).
            CREATE TABLE session_operators (
                session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                user_id    text COLLATE "C" NOT NULL,
                invited_at timestamptz NOT NULL,
                PRIMARY KEY (session_id, user_id)
            );
            CREATE INDEX ix_session_operators_user ON session_operators (user_id, invited_at DESC);
            """),
    ];

    public static int LatestVersion => All[^1].Version;
}
