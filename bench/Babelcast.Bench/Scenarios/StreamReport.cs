using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

public static class StreamReport
{
    public static string Render(StreamResult r, string svgName)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# Stream benchmark{(r.Smoke ? " (smoke)" : string.Empty)}\n\n`{r.Command}`\n\n");
        sb.Append(Markdown.Machine(r.Machine, r.ServerIsolated)).Append('\n');
        sb.Append(c, $"{r.StreamListeners} MP3 stream listeners ({r.FailedStreams} failed) and one WebSocket listener in `{r.Language}`; ");
        sb.Append(c, $"{r.PhrasesOnWebSocket} phrases reached the WebSocket listener while the streams were open.\n\n");
        sb.Append("| target | bar | measured | |\n|---|---|---|---|\n");
        foreach (var t in r.Targets)
        {
            sb.Append(Markdown.Target(t)).Append('\n');
        }

        sb.Append("\nExtra delay over the WebSocket audio (ms), per phrase that starts after silence on the stream:\n\n");
        sb.Append(Markdown.Table(Markdown.StatsHeader("measure"),
        [
            Markdown.StatsRow("first non-silent byte on the stream", r.ExtraDelayArrival),
            Markdown.StatsRow("played by a player that started at the first byte", r.ExtraDelayPlayback),
        ]));
        sb.Append(c, $"\n![extra delay]({svgName})\n");
        sb.Append(c, $"\nBytes per stream listener per second: {r.BytesPerListenerPerSecond:F0}; stream seconds per wall-clock second: {r.StreamSecondsPerWallSecond:F4}.\n\n");
        sb.Append("| server window | wall s | CPU cores | RSS MiB |\n|---|---|---|---|\n");
        foreach (var (name, w) in new[] { ("idle, no stream listener", r.IdleWithoutStreams), ($"idle, {r.StreamListeners} stream listeners", r.IdleWithStreams), ($"speech, {r.StreamListeners} stream listeners", r.SpeechWithStreams) })
        {
            sb.Append(c, $"| {name} | {w.WallSeconds:F1} | {w.CpuCores:F3} | {w.RssMiB:F0} |\n");
        }

        sb.Append(c, $"\nCPU cost of {r.StreamListeners} stream listeners (idle, with minus without): {r.StreamCpuCores:F3} cores.\n");
        return sb.ToString();
    }
}
