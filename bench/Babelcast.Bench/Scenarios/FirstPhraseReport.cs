using System.Globalization;
using System.Text;
using Babelcast.Bench.Reporting;

namespace Babelcast.Bench.Scenarios;

/// <summary>Markdown for the first-phrase scenario.</summary>
public static class FirstPhraseReport
{
    public static string Render(FirstPhraseResult r, string svgName)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# First phrase of a fresh session{(r.Smoke ? " (smoke)" : string.Empty)}\n\n");
        sb.Append(Markdown.Machine(r.Machine, r.ServerIsolated));
        sb.Append(CultureInfo.InvariantCulture, $"\nCommand: `{r.Command}`. {r.Sessions} fresh sessions in a row; each is created, its speaker and one listener in each of {string.Join(", ", r.Languages)} connect, and a real clip is streamed at once (the server's start-up warm-up, `warmup` on /healthz, is waited for before the first session, as a node behind readiness routing) ({r.FrameMs} ms frames, no warm-up clip). {r.BusySessions} other session(s) stream clips throughout. Measured: end of speech (found in the audio) to the first translated audio byte of the session's first phrase. {r.SessionsWithAudio} of {r.Sessions} sessions delivered it in every language.\n\n");
        sb.Append("## Targets\n\n| target | bar | measured | |\n|---|---|---|---|\n");
        foreach (var t in r.Targets)
        {
            sb.Append(Markdown.Target(t)).Append('\n');
        }

        sb.Append("\n## Latency\n\n");
        sb.Append(Markdown.Table(Markdown.StatsHeader("measure"), [
            Markdown.StatsRow("first phrase, every language", r.FirstAudio),
            Markdown.StatsRow("first phrase, slowest language of each session", r.FirstAudioWorstLanguage)]));
        sb.Append(CultureInfo.InvariantCulture, $"\n![first phrase CDF]({svgName})\n\n## Where the time goes\n\n");
        sb.Append("Milliseconds after the server's end of speech (cumulative), first phrases only.\n\n");
        sb.Append(Markdown.Table(["stage", "n", "p50", "max", "meaning"], LatencyMetrics.StageOrder.Where(r.Stages.ContainsKey).Select(s =>
            (IReadOnlyList<string>)[s, r.Stages[s].Count.ToString(CultureInfo.InvariantCulture), Markdown.Ms(r.Stages[s].P50), Markdown.Ms(r.Stages[s].Max), StageText.Meaning[s]])));
        if (r.SpeakerErrors.Count > 0)
        {
            sb.Append("\nErrors sent to the speakers: ").AppendJoin("; ", r.SpeakerErrors.Distinct()).Append('\n');
        }

        sb.Append("\n## Phrases\n\n");
        sb.Append(Markdown.Table(["session", "seq", "clip", "lang", "recognised", "to caption", "to audio", "translated"],
            r.Phrases.Select(p => (IReadOnlyList<string>)[
                p.Speaker.ToString(CultureInfo.InvariantCulture), p.Seq.ToString(CultureInfo.InvariantCulture), p.Clip, p.Language, p.SourceText,
                Markdown.Ms(p.ToCaptionMs), Markdown.Ms(p.ToAudioMs), p.CaptionText])));
        return sb.ToString();
    }
}
