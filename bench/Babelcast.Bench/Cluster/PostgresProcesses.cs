using System.Globalization;
using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Cluster;

/// <summary>
/// CPU and memory of a PostgreSQL server from /proc: the postmaster (its pid is the first line of postmaster.pid) and
/// its children (backends, checkpointer, walwriter...). A backend that exited has its CPU in the postmaster's
/// cutime/cstime, so the total only grows. Memory is PSS (proportional set size), so that shared buffers mapped by
/// every backend count once.
/// </summary>
public static class PostgresProcesses
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static int? Postmaster(string dataDirectory)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>User plus system CPU of the postmaster, its live children and its reaped children.</summary>
    public static TimeSpan CpuTime(int postmaster)
    {
        var ticks = 0L;
        foreach (var (pid, fields) in Processes())
        {
            if (pid == postmaster)
            {
                ticks += Field(fields, 11) + Field(fields, 12) + Field(fields, 13) + Field(fields, 14);
            }
            else if (Field(fields, 1) == postmaster)
            {
                ticks += Field(fields, 11) + Field(fields, 12);
            }
        }

        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    /// <summary>Sum of the PSS of the postmaster and its children, in bytes; the process count.</summary>
    public static (long PssBytes, int Processes) Memory(int postmaster)
    {
        var pss = 0L;
        var count = 0;
        foreach (var (pid, fields) in Processes())
        {
            if (pid == postmaster || Field(fields, 1) == postmaster)
            {
                pss += Pss(pid);
                count++;
            }
        }

        return (pss, count);
    }

    private static long Pss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null
                ? ProcStats.ResidentBytes(pid)
                : long.Parse(line["Pss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Every process's /proc/PID/stat fields after the command name (field 0 is the state, 1 the parent).</summary>
    private static IEnumerable<(int Pid, string[] Fields)> Processes()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile
            }

            yield return (pid, stat[(stat.LastIndexOf(')') + 2)..].Split(' '));
        }
    }

    private static long Field(string[] fields, int index) =>
        index < fields.Length && long.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
