using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>Markdown for the latency scenario.</summary>
public static class LatencyReport
{
    public static string Render(LatencyResult r, string svgName)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Latency{(r.Smoke ? " (smoke)" : string.Empty)}\n\n");
        sb.Append(Markdown.Machine(r.Machine, r.ServerIsolated));
        sb.Append(CultureInfo.InvariantCulture, $"\nCommand: `{r.Command}`. One speaker, {r.ClipsStreamed} real clips (+1 warm-up, not measured), {r.AudioSeconds} s of audio streamed at real-time pace in {r.FrameMs} ms frames with {Gaps(r)}; one listener each in {string.Join(", ", r.Languages)}. {r.ClipsWithFinal} clips produced a final phrase{Merged(r)}. Largest speaker send lateness {r.MaxStreamLatenessMs} ms.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Word error rate of the final transcripts: {r.FinalTranscriptWer.Brief()}** (all finals in order against the clips' reference texts, normalised as the accuracy tests do).\n\n");
        sb.Append("End of speech = end of the last 20 ms frame within 26 dB of the clip's loudest frame (found in the audio); onset = start of the first such frame. Audio = first byte of the MP3 frame at the listener.\n\n");
        sb.Append("## Targets\n\n| target | bar | measured | |\n|---|---|---|---|\n");
        foreach (var t in r.Targets)
        {
            sb.Append(Markdown.Target(t)).Append('\n');
        }

        sb.Append("\n## Latency\n\n");
        sb.Append(Markdown.Table(Markdown.StatsHeader("measure"), r.Latency.Select(kv => Markdown.StatsRow(kv.Key, kv.Value))));
        sb.Append("\nOnly the phrase that closes each clip (its end of speech is the clip's last voiced frame; other phrases ended at a pause inside a clip or were cut at the maximum phrase length, where the cut itself counts as their end of speech):\n\n");
        sb.Append(Markdown.Table(Markdown.StatsHeader("measure"), r.LatencyClipEnds.Select(kv => Markdown.StatsRow(kv.Key, kv.Value))));
        sb.Append("\nBy language:\n\n");
        sb.Append(Markdown.Table(Markdown.StatsHeader("measure"), r.ByLanguage.Select(kv => Markdown.StatsRow(kv.Key, kv.Value))));
        sb.Append(CultureInfo.InvariantCulture, $"\n![latency CDF]({svgName})\n\n## Where the time goes\n\n");
        sb.Append("Milliseconds after the server's end of speech (cumulative), from the `timings` each message carries; `transit` is before it.\n\n");
        sb.Append(Markdown.Table(["stage", "n", "p50", "p95", "max", "meaning"], LatencyMetrics.StageOrder.Where(r.Stages.ContainsKey).Select(s =>
            (IReadOnlyList<string>)[s, r.Stages[s].Count.ToString(CultureInfo.InvariantCulture), Markdown.Ms(r.Stages[s].P50), Markdown.Ms(r.Stages[s].P95), Markdown.Ms(r.Stages[s].Max), StageText.Meaning[s]])));
        sb.Append(CultureInfo.InvariantCulture, $"\nServer CPU during the run: {r.ServerResources.CpuCores:F2} cores on average{(r.ServerIsolated ? string.Empty : " (bench process: includes the clients)")}; RSS {r.ServerResources.RssMiB:F0} MiB (peak {r.ServerResources.PeakRssMiB:F0} MiB).\n");
        if (r.SpeakerErrors.Count > 0)
        {
            sb.Append("\nErrors sent to the speaker: ").AppendJoin("; ", r.SpeakerErrors.Distinct()).Append('\n');
        }

        sb.Append("\nMessages received: ").AppendJoin(", ", r.MessagesReceived.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}")).Append('\n');
        sb.Append("\n## Phrases\n\n");
        sb.Append(Markdown.Table(["seq", "clip", "lang", "transcript", "to transcript", "to caption", "to audio", "partial lag", "caption"],
            r.Phrases.Select(p => (IReadOnlyList<string>)[
                p.Seq.ToString(CultureInfo.InvariantCulture), p.Clip + (p.MaxLengthCut ? " (max-length cut)" : p.ClosesClip ? string.Empty : " (cut at a pause)") + (p.FirstClipIndex < p.ClipIndex ? " (merged)" : string.Empty), p.Language, p.SourceText,
                Markdown.Ms(p.ToTranscriptMs), Markdown.Ms(p.ToCaptionMs), Markdown.Ms(p.ToAudioMs), Markdown.Ms(p.PartialLagMs), p.CaptionText])));
        return sb.ToString();
    }

    private static string Gaps(LatencyResult r) => r.GapSeed is { } seed
        ? string.Create(CultureInfo.InvariantCulture, $"natural gaps between clips (seed {seed}: {string.Join(", ", r.GapSeconds.SkipLast(1).Select(g => g.ToString("F2", CultureInfo.InvariantCulture)))} s; {r.PauseSeconds} s after the last)")
        : string.Create(CultureInfo.InvariantCulture, $"{r.PauseSeconds} s pauses");

    // A merged phrase is measured once, from the first clip's onset to the last clip's end of speech: the earlier
    // clip's own end of speech closed nothing, so it has no latency of its own.
    private static string Merged(LatencyResult r) => r.MergedPhrases == 0 ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $" ({r.MergedPhrases} phrase(s) spanned two or more clips across a short gap: each is one measurement, from the first clip's onset to the last clip's end of speech, and covers every clip it spans)");
}
