using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>Markdown and targets for the fan-out scenario.</summary>
public static class FanoutReport
{
    public static List<TargetCheck> Targets(IReadOnlyList<FanoutStep> steps)
    {
        var top = steps.OrderBy(s => s.Listeners).LastOrDefault();
        if (top is null)
        {
            return [];
        }

        var reached = top.Listeners >= 10_000 && top.ConnectFailures == 0;
        var p99 = Math.Max(top.SpreadAll.P99, top.QueueToReceive.P99);
        return
        [
            new($"p99 delivery at {top.Listeners} listeners (the larger of spread and queue-to-receive)", "<= 250 ms at 10,000", Markdown.Ms(p99), reached && p99 <= 250),
            new($"resident memory per idle listener at {top.Listeners}", "<= 32 KiB", $"{top.IdleBytesPerListener / 1024:F1} KiB", reached && top.IdleBytesPerListener <= 32 * 1024),
        ];
    }

    public static string Render(FanoutResult r, string svgName)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Fan-out{(r.Smoke ? " (smoke)" : string.Empty)}\n\n");
        sb.Append(Markdown.Machine(r.Machine, r.ServerIsolated));
        sb.Append(CultureInfo.InvariantCulture, $"\nCommand: `{r.Command}`. One speaker; listeners split evenly across {string.Join(", ", r.Languages)} in one session, added step by step (raw WebSocket clients in one process, read by one epoll thread; file-descriptor limit {r.FileDescriptorLimit}). At each count: 5 s idle, then {r.ClipsPerStep} real clips streamed at real-time pace. Server RSS baseline (after warm-up, {r.Languages.Count} listeners): {r.ServerBaselineRssBytes / 1048576.0:F0} MiB.\n\n");
        sb.Append("Spread = a message's arrival at each listener minus its arrival at the first listener of that language (partial and final captions, audio headers and MP3 frames). Queue-to-receive = the server's serialisation of a final caption or audio message (its `sinceSpeechEndMs`) to the arrival of the listener's first byte. Arrival = the kernel's receive time of the read that brought the first byte (SO_TIMESTAMPNS; on loopback, when the server's send reached the listener's socket, as a phone's network card would see it); queue-to-read = to when the clients' thread, sharing the cores with the server, read it. End-to-caption/audio: end of speech in the audio to arrival at every listener.\n\n");
        sb.Append("## Targets\n\n| target | bar | measured | |\n|---|---|---|---|\n");
        foreach (var t in r.Targets)
        {
            sb.Append(Markdown.Target(t)).Append('\n');
        }

        sb.Append("\n## Results\n\n");
        sb.Append(Markdown.Table(
            ["listeners", "connect", "spread p50", "spread p99", "queue->receive p50", "queue->receive p99", "queue->read p50 / p99", "end->caption p50 / p99", "end->audio p50 / p99", "idle RSS/listener", "active RSS/listener", "server CPU idle / active", "client CPU", "errors"],
            r.Steps.Select(s => (IReadOnlyList<string>)[
                s.Listeners.ToString(CultureInfo.InvariantCulture),
                $"{s.ConnectSeconds:F1} s ({s.ConnectFailures} failed)",
                Markdown.Ms(s.SpreadAll.P50), Markdown.Ms(s.SpreadAll.P99),
                Markdown.Ms(s.QueueToReceive.P50), Markdown.Ms(s.QueueToReceive.P99),
                $"{Markdown.Ms(s.QueueToRead.P50)} / {Markdown.Ms(s.QueueToRead.P99)}",
                $"{Markdown.Ms(s.EndToCaption.P50)} / {Markdown.Ms(s.EndToCaption.P99)}",
                $"{Markdown.Ms(s.EndToAudio.P50)} / {Markdown.Ms(s.EndToAudio.P99)}",
                $"{s.IdleBytesPerListener / 1024:F1} KiB", $"{s.ActiveBytesPerListener / 1024:F1} KiB",
                $"{s.Idle.CpuCores:F2} / {s.Active.CpuCores:F2}",
                s.Clients.CpuCores.ToString("F2", CultureInfo.InvariantCulture),
                Errors(s)])));
        sb.Append("\nSpread by message kind (p50 / p99):\n\n");
        sb.Append(Markdown.Table(["listeners", .. r.Steps.SelectMany(s => s.SpreadByKind.Keys).Distinct().Order(StringComparer.Ordinal)],
            r.Steps.Select(s => (IReadOnlyList<string>)[s.Listeners.ToString(CultureInfo.InvariantCulture),
                .. r.Steps.SelectMany(x => x.SpreadByKind.Keys).Distinct().Order(StringComparer.Ordinal)
                    .Select(k => s.SpreadByKind.TryGetValue(k, out var v) ? $"{Markdown.Ms(v.P50)} / {Markdown.Ms(v.P99)}" : "-")])));
        sb.Append(Markdown.Table(["listeners", "phrases", "messages received", "MiB received", "server RSS idle", "server RSS peak active", "server threads"],
            r.Steps.Select(s => (IReadOnlyList<string>)[s.Listeners.ToString(CultureInfo.InvariantCulture), s.Phrases.ToString(CultureInfo.InvariantCulture),
                s.MessagesReceived.ToString(CultureInfo.InvariantCulture), (s.BytesReceived / 1048576.0).ToString("F1", CultureInfo.InvariantCulture),
                $"{s.Idle.RssMiB:F0} MiB", $"{s.Active.PeakRssMiB:F0} MiB", s.Active.Threads.ToString(CultureInfo.InvariantCulture)])).Insert(0, "\n"));
        sb.Append("\nWhere the time goes: the server's fan-out (`babelcast_fanout_seconds`: one message handed to every listener of a language, idle sockets written within it; p50 / p99 interpolated in its buckets) beside the CPU time of the server and of the clients per 1,000 delivered messages (the server's includes its pipeline; its fan-out share is the fan-out total over its CPU time).\n\n");
        var kinds = r.Steps.SelectMany(s => s.ServerFanout.Keys).Where(k => k != "all").Distinct().Order(StringComparer.Ordinal).ToList();
        sb.Append(Markdown.Table(["listeners", .. kinds.Select(k => $"fan-out {k} p50 / p99 (n)"), "fan-out total", "server CPU", "fan-out share", "server CPU ms / 1000 msgs", "client CPU ms / 1000 msgs"],
            r.Steps.Select(s => (IReadOnlyList<string>)[s.Listeners.ToString(CultureInfo.InvariantCulture),
                .. kinds.Select(k => s.ServerFanout.TryGetValue(k, out var f) ? $"{f.P50Ms:F1} / {f.P99Ms:F1} ms ({f.Count})" : "-"),
                s.ServerFanout.TryGetValue("all", out var all) ? $"{all.TotalMs / 1000:F2} s" : "-",
                $"{s.Active.CpuSeconds:F2} s",
                all is not null && s.Active.CpuSeconds > 0 ? $"{all.TotalMs / 10 / s.Active.CpuSeconds:F0} %" : "-",
                PerThousand(s.Active.CpuSeconds, s.MessagesReceived), PerThousand(s.Clients.CpuSeconds, s.MessagesReceived)])));
        sb.Append(CultureInfo.InvariantCulture, $"\n![delivery CDF]({svgName})\n");
        return sb.ToString();
    }

    /// <summary>One line for the log: the server's fan-out of a message to a language's listeners, all kinds.</summary>
    public static string ServerBrief(FanoutStep s) =>
        s.ServerFanout.TryGetValue("all", out var f) ? $"p50 {f.P50Ms:F1} ms, p99 {f.P99Ms:F1} ms, {f.TotalMs / 1000:F2} s in all (n={f.Count})" : "not reported";

    private static string PerThousand(double cpuSeconds, long messages) =>
        messages > 0 ? (cpuSeconds * 1000 * 1000 / messages).ToString("F1", CultureInfo.InvariantCulture) : "-";

    private static string Errors(FanoutStep s)
    {
        var parts = new List<string>();
        if (s.ListenersMissingCaptions > 0)
        {
            parts.Add($"{s.ListenersMissingCaptions} missing captions");
        }

        if (s.ListenersMissingAudio > 0)
        {
            parts.Add($"{s.ListenersMissingAudio} missing audio");
        }

        if (s.ListenersDisconnected > 0)
        {
            parts.Add($"{s.ListenersDisconnected} disconnected");
        }

        parts.AddRange(s.ErrorCodes.Select(kv => $"{kv.Key} x{kv.Value}"));
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
