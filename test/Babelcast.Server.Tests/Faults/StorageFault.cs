using Microsoft.Data.Sqlite;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// The switch of the injected storage fault. While <see cref="Failing"/> is set, every write to the real stores fails
/// as SQLite fails on a read-only database (SQLITE_READONLY, error 8) or a full disk (SQLITE_FULL, error 13); reads go
/// on working, as they do in both cases. Tests run as root, which ignores file permissions, and cannot fill a disk
/// without touching the machine, so the fault is injected around the real stores instead.
/// </summary>
public sealed class StorageFault(int sqliteError)
{
    public const int SqliteReadOnly = 8;
    public const int SqliteFull = 13;
    private volatile bool _failing;
    private int _refused;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Writes refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void ThrowIfFailing()
    {
        if (_failing)
        {
            Interlocked.Increment(ref _refused);
            throw sqliteError == SqliteFull
                ? new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull)
                : new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", SqliteReadOnly);
        }
    }
}
