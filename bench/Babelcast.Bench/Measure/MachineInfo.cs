using System.Runtime.InteropServices;

namespace Babelcast.Bench.Measure;

/// <summary>What the numbers were measured on, including how busy the machine was.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double MemoryGiB, string Os, string Runtime, string LoadAverageAtStart, string? LoadAverageAtEnd)
{
    public static MachineInfo Capture() => new(
        Environment.ProcessorCount,
        ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(ReadMemTotalKb() / 1048576.0, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        LoadAverage(),
        null);

    public MachineInfo WithEnd() => this with { LoadAverageAtEnd = LoadAverage() };

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? ReadFirst(string path, string key) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;

    private static long ReadMemTotalKb()
    {
        var line = ReadFirst("/proc/meminfo", "MemTotal");
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
