using System.Runtime.InteropServices;

namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>Signals a whole process group. A pipeline is a bash with 12-18 children; when bash is gone
/// its children are re-parented to init and a process-tree walk no longer finds them, a group kill does.</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Kills every process of the group led by <paramref name="groupId"/>; a vanished group is fine.</summary>
    public static void Kill(int groupId)
    {
        if (groupId > 1)
        {
            _ = NativeKill(-groupId, SigKill);
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
