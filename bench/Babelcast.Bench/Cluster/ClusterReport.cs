using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;
using Babelcast.Bench.Scenarios;

namespace Babelcast.Bench.Cluster;

/// <summary>The cluster scenario's Markdown report.</summary>
public static class ClusterReport
{
    private static readonly (string Key, string Name)[] Measures =
    [
        (LatencyMetrics.ToTranscript, "end of speech -> final transcript (speaker)"),
        (LatencyMetrics.ToCaption, "end of speech -> final caption"),
        (LatencyMetrics.ToAudio, "end of speech -> first audio byte"),
        (LatencyMetrics.PartialLag, "onset -> first partial caption"),
    ];

    public static string Render(ClusterResult r, string svgName)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Cluster: single node vs 1 gateway + {r.Workers} workers{(r.Smoke ? " (smoke)" : string.Empty)}\n\n");
        sb.Append("Command: `").Append(r.Command).Append("`\n\n");
        sb.Append(Markdown.Machine(r.Machine, isolated: true));
        sb.Append(CultureInfo.InvariantCulture, $"\n{r.Speakers} speaker(s), each with one listener per language ({string.Join(", ", r.Languages)}), {r.AudioSecondsPerSpeaker:F1} s of audio each after a warm-up clip; every node in its own process, Redis and PostgreSQL private on loopback.\n");
        sb.Append("Single node: ").Append(r.SingleNode.Setup).Append(". Cluster: ").Append(r.Cluster.Setup).Append(", speakers and listeners on the gateway.\n");

        sb.Append("\n## Targets\n\n| target | bar | measured | |\n|---|---|---|---|\n");
        foreach (var t in r.Targets)
        {
            sb.Append(Markdown.Target(t)).Append('\n');
        }

        sb.Append("\n## Latency per phrase: the bus's added latency\n\n");
        sb.Append(Markdown.Table(["measure", "single p50", "cluster p50", "added p50", "single p95", "cluster p95", "added p95"],
            Measures.Select(m => (IReadOnlyList<string>)[
                m.Name, Markdown.Ms(r.BusAdded[m.Key].SingleP50), Markdown.Ms(r.BusAdded[m.Key].ClusterP50), Signed(r.BusAdded[m.Key].AddedP50),
                Markdown.Ms(r.BusAdded[m.Key].SingleP95), Markdown.Ms(r.BusAdded[m.Key].ClusterP95), Signed(r.BusAdded[m.Key].AddedP95)])));
        sb.Append("\n![latency CDF](").Append(svgName).Append(")\n\n");
        sb.Append(Markdown.Table(["setup", "phrases", "clips with a final", "missing final captions", "missing audio", "finals doubled", "lease moves", "speaker errors", "final transcript WER"],
            new[] { r.SingleNode, r.Cluster }.Select(s => (IReadOnlyList<string>)[
                s.Setup, N(s.FinalPhrases), $"{s.ClipsWithFinal}/{s.ClipsStreamed}", N(s.MissingFinalCaptions), N(s.MissingAudio), N(s.DuplicateFinals),
                s.LeaseMoves.Count == 0 ? "0" : string.Join("; ", s.LeaseMoves),
                N(s.SpeakerErrors) + (s.SpeakerErrorCodes.Count == 0 ? string.Empty : $" ({string.Join(", ", s.SpeakerErrorCodes.Select(kv => $"{kv.Key} {kv.Value}"))})"), s.FinalTranscriptWer.Brief()])));

        sb.Append("\n## Failover (the owning worker of a live session, mid-phrase)\n\n");
        if (r.Failover is { } f)
        {
            sb.Append("Times from the signal. \"Next caption\" counts only captions that arrived after another node held the lease (the new owner's), at the slowest listener.\n\n");
            sb.Append(Markdown.Table(["signal", "from -> to", "lease moved", "old owner exited", "next transcript (speaker)", "next caption (any node)", "next caption", "next final caption"],
                new[] { f.Kill, f.Stop }.OfType<FailoverResult>().Select(x => (IReadOnlyList<string>)[
                    x.Signal, $"{x.FromNode} -> {x.ToNode ?? "nobody"}", Markdown.Ms(x.LeaseMovedMs), Markdown.Ms(x.OldOwnerExitedMs), Markdown.Ms(x.SpeakerTranscriptMs),
                    Markdown.Ms(x.FirstCaptionAnyMs), Markdown.Ms(x.FirstCaptionMs), Markdown.Ms(x.FirstFinalCaptionMs) + (x.Note is null ? string.Empty : $" ({x.Note})")])));
            sb.Append("\nNext caption by language: ").AppendJoin("; ", new[] { f.Kill, f.Stop }.OfType<FailoverResult>().Select(x =>
                x.Signal + " " + string.Join(", ", x.FirstCaptionByLanguage.Select(kv => $"{kv.Key} {Markdown.Ms(kv.Value)}")))).Append(
                ". The standby worker joined after the latency run and had run no session of its own; a worker warms the translators of every language listened to anywhere in the cluster before it claims a session (hot standby), so the listeners' next caption follows the speaker's next transcript (recognition resumed) closely.\n");
            sb.Append(CultureInfo.InvariantCulture, $"\nAcross both failovers: {f.FinalsAtSpeaker} final phrases at the speaker; {f.MissingFinalCaptions} final captions missing and {f.DuplicateFinalCaptions} doubled at the listeners.\n");
        }

        foreach (var e in r.Errors)
        {
            sb.Append("\n- **error**: ").Append(e).Append('\n');
        }

        sb.Append("\n## Redis and PostgreSQL per session\n\n");
        sb.Append("Over each run, from before its sessions were created to its last phrase (sessions still live); per session = total / sessions. PostgreSQL memory is the PSS of the postmaster and its backends (shared buffers counted once).\n\n");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in new[] { r.SingleNode, r.Cluster })
        {
            if (s.Backends?.Redis is { } redis)
            {
                rows.Add([s.Setup, "Redis", $"{redis.CpuSecondsPerSession:F2} s ({redis.CoresPerSession:F3} cores)", $"{MiB(redis.UsedMemoryGrowthPerSessionBytes)} (used_memory {MiB(redis.UsedMemoryBytes)}, peak {MiB(redis.PeakUsedMemoryBytes)})", "-"]);
            }

            if (s.Backends?.Postgres is { } pg)
            {
                rows.Add([s.Setup, $"PostgreSQL ({pg.Processes} processes)", $"{pg.CpuSecondsPerSession:F2} s ({pg.CoresPerSession:F3} cores)", $"{MiB(pg.PssGrowthPerSessionBytes)} (PSS {MiB(pg.PssBytes)}, peak {MiB(pg.PeakPssBytes)})", $"{KiB(pg.DatabaseGrowthPerSessionBytes)} (database {MiB(pg.DatabaseBytes)})"]);
            }
        }

        sb.Append(Markdown.Table(["setup", "server", "CPU per session", "memory growth per session", "database growth per session"], rows));
        sb.Append("\n## Babelcast processes\n\n");
        sb.Append(Markdown.Table(["setup", "process", "CPU", "peak RSS"],
            new[] { r.SingleNode, r.Cluster }.SelectMany(s => s.Processes.Select(p => (IReadOnlyList<string>)[
                s.Setup, p.Key, string.Create(CultureInfo.InvariantCulture, $"{p.Value.CpuSeconds:F1} s ({p.Value.CpuCores:F2} cores)"), string.Create(CultureInfo.InvariantCulture, $"{p.Value.PeakRssMiB:F0} MiB")]))));
        return sb.ToString();
    }

    private static string Signed(double ms) => (ms >= 0 ? "+" : string.Empty) + Markdown.Ms(ms);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string MiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");

    private static string KiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F0} KiB");
}
