using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>Markdown for the speakers scenario.</summary>
public static class SpeakersReport
{
    public static string Render(SpeakersResult r, string svgName)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Concurrent speakers{(r.Smoke ? " (smoke)" : string.Empty)}\n\n");
        sb.Append(Markdown.Machine(r.Machine, r.ServerIsolated));
        sb.Append(CultureInfo.InvariantCulture, $"\nCommand: `{r.Command}`. Each speaker streams {r.ClipsPerSpeaker} real clips (+1 warm-up) at real-time pace, starting at a different clip, a quarter second after the previous speaker; each has one listener in each of {string.Join(", ", r.Languages)}. Lag = a clip's end of speech to its final caption. WER = word error rate of all speakers' final transcripts against the clips' reference texts (normalised as the accuracy tests do). A count is bounded when every caption arrived, the lag's p90 is at most {r.MaxLagSeconds} s (single spikes happen on a shared machine; the max is shown) and the lag did not grow by more than 1 s from the first third of the clips to the last.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Largest count with bounded lag: {r.LargestBoundedSpeakers} speakers x {r.Languages.Count} languages** (target: at least 6 on 2 cores: {(r.LargestBoundedSpeakers >= 6 ? "met" : "**missed**")}). Server RSS idle before the first step: {r.ServerIdleRssBytes / 1048576.0:F0} MiB.\n\n");
        sb.Append(Markdown.Table(
            ["speakers", "verdict", "lag p50", "lag p95", "lag max", "growth", "audio p95", "partial p50", "captions", "WER", "server CPU (cores)", "server peak RSS", "send lateness"],
            r.Steps.Select(s => (IReadOnlyList<string>)[
                s.Speakers.ToString(CultureInfo.InvariantCulture), s.Verdict, Markdown.Ms(s.Lag.P50), Markdown.Ms(s.Lag.P95), Markdown.Ms(s.Lag.Max),
                Markdown.Ms(s.LagGrowthMs), Markdown.Ms(s.ToAudio.P95), Markdown.Ms(s.PartialLag.P50), $"{s.ClipsWithCaption}/{s.ClipsExpected}", s.FinalTranscriptWer?.Brief() ?? "-",
                s.Server.CpuCores.ToString("F2", CultureInfo.InvariantCulture), $"{s.Server.PeakRssMiB:F0} MiB", Markdown.Ms(s.MaxStreamLatenessMs)])));
        sb.Append(CultureInfo.InvariantCulture, $"\n![lag vs speakers]({svgName})\n\n## Where the time goes (p50 / p95, ms after the server's end of speech)\n\n");
        var stages = LatencyMetrics.StageOrder;
        sb.Append(Markdown.Table(["speakers", .. stages], r.Steps.Where(s => s.Stages is not null).Select(s => (IReadOnlyList<string>)[
            s.Speakers.ToString(CultureInfo.InvariantCulture),
            .. stages.Select(k => s.Stages!.TryGetValue(k, out var v) && v.Count > 0 ? $"{v.P50:F0} / {v.P95:F0}" : "-")])));
        return sb.ToString();
    }
}
