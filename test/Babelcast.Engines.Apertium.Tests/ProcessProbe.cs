namespace Babelcast.Engines.Apertium.Tests;

/// <summary>Looks at /proc to find the members of a pipeline's process group.</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            // A zombie (state Z) is dead, only not yet reaped.
            return File.Exists(stat) && Fields(File.ReadAllText(stat))[0] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Live members of process group <paramref name="groupId"/> with their command lines.</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> GroupMembers(int groupId)
    {
        var members = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var fields = Fields(File.ReadAllText(Path.Combine(dir, "stat")));
                if (fields[0] != "Z" && fields[2] == groupId.ToString())
                {
                    members.Add((pid, File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ')));
                }
            }
            catch (IOException)
            {
                // The process went away while we looked.
            }
        }

        return members;
    }

    // Fields after "pid (comm)": state, ppid, pgrp, ...
    private static string[] Fields(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
}
