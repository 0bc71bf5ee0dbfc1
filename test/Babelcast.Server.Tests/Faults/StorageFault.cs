using Microsoft.Data.Sqlite;

namespace Babelcast.Server.Tests.Faults;

/// <summary>
/// The switch of the injected storage fault. While <see cref="ReadOnly"/> is set, every write to the real stores fails
/// as SQLite fails on a read-only database (SQLITE_READONLY, error 8); reads go on working, as they do on such a file.
/// Tests run as root, which ignores file permissions, so the fault is injected around the real stores instead.
/// </summary>
public sealed class StorageFault
{
    private const int SqliteReadOnly = 8;
    private volatile bool _readOnly;
    private int _refused;

    public bool ReadOnly
    {
        get => _readOnly;
        set => _readOnly = value;
    }

    /// <summary>Writes refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            Interlocked.Increment(ref _refused);
            throw new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", SqliteReadOnly);
        }
    }
}
