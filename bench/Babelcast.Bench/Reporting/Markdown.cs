using System.Globalization;
using System.Text;
using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Reporting;

/// <summary>Small Markdown helpers shared by the scenario reports.</summary>
public static class Markdown
{
    public static string Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", header).Append(" |\n|").AppendJoin("|", header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return sb.ToString();
    }

    public static IReadOnlyList<string> StatsHeader(string first) => [first, "n", "p50", "p90", "p95", "p99", "max"];

    public static IReadOnlyList<string> StatsRow(string name, Stats s) =>
        [name, s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.P50), Ms(s.P90), Ms(s.P95), Ms(s.P99), Ms(s.Max)];

    public static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    public static string Ms(double? ms) => ms is { } v ? Ms(v) : "-";

    public static string Machine(MachineInfo m, bool isolated) =>
        $"Machine: {m.Cores} cores ({m.CpuModel}), {m.MemoryGiB:F1} GiB, {m.Os}, {m.Runtime}. " +
        $"Load average at start {m.LoadAverageAtStart}, at end {m.LoadAverageAtEnd ?? "n/a"}. " +
        $"Server {(isolated ? "in its own process" : "in the bench process")}, loopback only.\n";

    public static string Target(TargetCheck t) =>
        $"| {t.Name} | {t.Bar} | {t.Measured} | {(t.Met ? "met" : "**missed**")} |";
}
