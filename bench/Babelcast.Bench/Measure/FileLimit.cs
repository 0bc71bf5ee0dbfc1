using System.Runtime.InteropServices;

namespace Babelcast.Bench.Measure;

/// <summary>Raises RLIMIT_NOFILE so that thousands of sockets fit (the server child process inherits it).</summary>
public static partial class FileLimit
{
    private const int RlimitNoFile = 7;

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    /// <summary>Raises the soft limit to at least <paramref name="wanted"/> (and the hard limit when permitted); returns the soft limit in force.</summary>
    public static ulong Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNoFile, out var limit) != 0)
        {
            return 0;
        }

        if (limit.Current >= wanted)
        {
            return limit.Current;
        }

        var raised = new RLimit { Current = wanted, Max = Math.Max(limit.Max, wanted) };
        if (SetRLimit(RlimitNoFile, in raised) != 0)
        {
            raised = new RLimit { Current = Math.Min(wanted, limit.Max), Max = limit.Max };
            _ = SetRLimit(RlimitNoFile, in raised);
        }

        return GetRLimit(RlimitNoFile, out limit) == 0 ? limit.Current : 0;
    }

    [LibraryImport("libc.so.6", EntryPoint = "getrlimit")]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc.so.6", EntryPoint = "setrlimit")]
    private static partial int SetRLimit(int resource, in RLimit limit);
}
