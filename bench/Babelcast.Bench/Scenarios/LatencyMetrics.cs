using Babelcast.Bench.Measure;

namespace Babelcast.Bench.Scenarios;

/// <summary>Turns phrase rows into the latency and stage distributions (shared by the latency and speakers scenarios).</summary>
public static class LatencyMetrics
{
    public const string ToTranscript = "endToFinalTranscript";
    public const string ToCaption = "endToFinalCaption";
    public const string ToAudio = "endToFirstAudioByte";
    public const string PartialLag = "partialCaptionLag";

    /// <summary>Stages in pipeline order; the first three are per phrase, the rest per phrase and language.</summary>
    public static readonly string[] StageOrder =
        ["transit", "endDetected", "finalQueued", "finalStarted", "recognised", "translated", "captionQueued", "captionDelivered", "synthesised", "encoded", "audioQueued", "audioDelivered"];

    public static Dictionary<string, Stats> Latency(IReadOnlyList<PhraseRow> rows)
    {
        var phrases = rows.GroupBy(r => (r.Speaker, r.Seq)).Select(g => g.First()).ToList();
        return new Dictionary<string, Stats>(StringComparer.Ordinal)
        {
            [ToTranscript] = Stats.Of(phrases.Where(r => r.ToTranscriptMs.HasValue).Select(r => r.ToTranscriptMs!.Value)),
            [ToCaption] = Stats.Of(rows.Where(r => r.ToCaptionMs.HasValue).Select(r => r.ToCaptionMs!.Value)),
            [ToAudio] = Stats.Of(rows.Where(r => r.ToAudioMs.HasValue).Select(r => r.ToAudioMs!.Value)),
            [PartialLag] = Stats.Of(rows.Where(r => r.PartialLagMs.HasValue).Select(r => r.PartialLagMs!.Value)),
        };
    }

    public static Dictionary<string, Stats> Stages(IReadOnlyList<PhraseRow> rows)
    {
        var phrases = rows.GroupBy(r => (r.Speaker, r.Seq)).Select(g => g.First()).ToList();
        var result = new Dictionary<string, Stats>(StringComparer.Ordinal);
        for (var i = 0; i < StageOrder.Length; i++)
        {
            var stage = StageOrder[i];
            var source = i < 3 ? phrases : rows;
            result[stage] = Stats.Of(source.Where(r => r.Stages.ContainsKey(stage)).Select(r => r.Stages[stage]));
        }

        return result;
    }

    /// <summary>Clips (per speaker) that some final phrase covers; a phrase merged across clips covers each of them.</summary>
    public static int ClipsCovered(IEnumerable<PhraseRow> rows) =>
        rows.SelectMany(r => Enumerable.Range(r.FirstClipIndex, r.ClipIndex - r.FirstClipIndex + 1).Select(i => (r.Speaker, i))).Distinct().Count();

    /// <summary>Phrases the server closed only after two or more clips (a gap too short for its end-of-phrase pause).</summary>
    public static int MergedPhrases(IEnumerable<PhraseRow> rows) =>
        rows.Where(r => r.FirstClipIndex < r.ClipIndex).Select(r => (r.Speaker, r.Seq)).Distinct().Count();

    public static Dictionary<string, Stats> ByLanguage(IReadOnlyList<PhraseRow> rows)
    {
        var result = new Dictionary<string, Stats>(StringComparer.Ordinal);
        foreach (var g in rows.GroupBy(r => r.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result[g.Key + "." + ToCaption] = Stats.Of(g.Where(r => r.ToCaptionMs.HasValue).Select(r => r.ToCaptionMs!.Value));
            result[g.Key + "." + ToAudio] = Stats.Of(g.Where(r => r.ToAudioMs.HasValue).Select(r => r.ToAudioMs!.Value));
            result[g.Key + "." + PartialLag] = Stats.Of(g.Where(r => r.PartialLagMs.HasValue).Select(r => r.PartialLagMs!.Value));
        }

        return result;
    }
}
