using System.Diagnostics;
using System.Text.Json;
using Babelcast.Bench.Audio;
using Babelcast.Bench.Clients;
using Babelcast.Core.Protocol;

namespace Babelcast.Bench.Measure;

/// <summary>
/// Maps final phrases to the clips they came from and measures each. A phrase's place in the stream comes from its
/// <c>endMs</c> (offset in the session's audio); the end of speech is the last voiced frame the harness found in that
/// clip up to there, so a clip cut into several phrases yields one end of speech per phrase. Without <c>endMs</c> a
/// final is attributed to the clip whose end of speech precedes its arrival most recently. A phrase that spans
/// several clips (the server merged them across a short gap) belongs to the clip it ends in and is measured once.
/// </summary>
public static class PhraseAnalyzer
{
    public static List<PhraseRow> Analyse(SpeakerCapture capture)
    {
        var program = capture.Program;
        var finals = capture.SpeakerMessages.Where(m => m.Type == MessageTypes.Transcript && m.Final).ToList();
        var placed = finals.Select(f => (Message: f, Clip: Place(capture, f))).Where(p => p.Clip is not null).ToList();
        var rows = new List<PhraseRow>();
        foreach (var (final, clip) in placed)
        {
            if (clip!.Index < program.WarmupClips)
            {
                continue;
            }

            var seq = final.Seq;
            var closes = !placed.Any(p => p.Clip == clip && p.Message.Seq > seq);
            var endMs = final.Json.TryGetProperty("endMs", out var e) ? e.GetInt64() : 0;
            var startMs = final.Json.TryGetProperty("startMs", out var s) ? s.GetInt64() : 0;
            // A phrase cut at the maximum length ends mid-speech (the next phrase starts where it ends): its "end of
            // speech" is the cut itself. Otherwise the last voiced frame up to the phrase's end.
            var maxLengthCut = endMs > 0 && finals.Any(f => f.Seq > seq && f.Json.TryGetProperty("startMs", out var fs) && fs.GetInt64() == endMs);
            var endSample = endMs <= 0 ? clip.SpeechEndSample
                : maxLengthCut ? Math.Clamp(Local(capture, endMs), clip.StartSample, clip.EndSample)
                : clip.SpeechEndAtOrBefore(Local(capture, endMs));
            var first = endMs > 0 ? FirstSpokenClip(program, clip, Local(capture, startMs), Local(capture, endMs)) : clip;
            var speechEnd = capture.Streamer.TimestampOfSample(endSample);
            var onset = capture.Streamer.TimestampOfSample(first.OnsetAtOrAfter(Local(capture, startMs)));
            var timings = Timings(final.Json);
            var serverEnd = ServerSpeechEnd(final, timings, capture.Listeners);
            foreach (var listener in capture.Listeners)
            {
                rows.Add(Row(capture, listener, final, (first, clip), closes, maxLengthCut, speechEnd, onset, serverEnd, timings));
            }
        }

        return rows;
    }

    private static PhraseRow Row(SpeakerCapture capture, IListener listener, ReceivedMessage final, (ClipMark First, ClipMark Last) clips, bool closes, bool maxLengthCut, long speechEnd, long onset, long serverEnd, Dictionary<string, double> timings)
    {
        var seq = final.Seq;
        var clip = clips.Last;
        var arrivals = listener.Snapshot();
        var caption = arrivals.FirstOrDefault(a => a.Kind == ArrivalKind.FinalCaption && a.Seq == seq && !a.Replay);
        var header = arrivals.FirstOrDefault(a => a.Kind == ArrivalKind.AudioHeader && a.Seq == seq && !a.Replay);
        var audio = arrivals.FirstOrDefault(a => a.Kind == ArrivalKind.AudioData && a.Seq == seq && !a.Replay);
        var partial = arrivals.FirstOrDefault(a => a.Kind == ArrivalKind.PartialCaption && a.Seq == seq && a.Timestamp >= onset);
        var captionDetail = caption.Kind == ArrivalKind.FinalCaption ? listener.DetailOf(caption) : null;
        var headerDetail = header.Kind == ArrivalKind.AudioHeader ? listener.DetailOf(header) : null;
        var lang = listener.Language;
        var stages = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["transit"] = Since(speechEnd, serverEnd),
        };
        Copy(timings, "endDetected", stages, "endDetected");
        Copy(timings, "finalQueued", stages, "finalQueued");
        Copy(timings, "finalStarted", stages, "finalStarted");
        Copy(timings, "recognised", stages, "recognised");
        if (captionDetail is not null)
        {
            Copy(captionDetail.Timings, "translated." + lang, stages, "translated");
            Copy(captionDetail.Timings, "sinceSpeechEndMs", stages, "captionQueued");
            stages["captionDelivered"] = Math.Round(Since(serverEnd, caption.Timestamp), 1);
        }

        if (headerDetail is not null)
        {
            Copy(headerDetail.Timings, "synthesised." + lang, stages, "synthesised");
            Copy(headerDetail.Timings, "encoded." + lang, stages, "encoded");
            Copy(headerDetail.Timings, "sinceSpeechEndMs", stages, "audioQueued");
        }

        if (audio.Kind == ArrivalKind.AudioData)
        {
            stages["audioDelivered"] = Math.Round(Since(serverEnd, audio.Timestamp), 1);
        }

        return new PhraseRow(
            capture.Speaker, seq, clip.Index, clips.First.Index, clips.First == clip ? clip.Name : $"{clips.First.Name} .. {clip.Name}", closes, maxLengthCut, lang,
            Math.Round(Since(speechEnd, final.ReceivedTimestamp), 1),
            caption.Kind == ArrivalKind.FinalCaption ? Math.Round(Since(speechEnd, caption.Timestamp), 1) : null,
            audio.Kind == ArrivalKind.AudioData ? Math.Round(Since(speechEnd, audio.Timestamp), 1) : null,
            partial.Kind == ArrivalKind.PartialCaption ? Math.Round(Since(onset, partial.Timestamp), 1) : null,
            stages,
            final.Text(),
            captionDetail?.Text ?? string.Empty);
    }

    private static ClipMark? Place(SpeakerCapture capture, ReceivedMessage final) => Place(capture.Program, capture.Streamer, capture.SampleOffset, final);

    /// <summary>The clip a final transcript belongs to, or null (another program's phrase).</summary>
    public static ClipMark? Place(SpeechProgram program, PacedStreamer streamer, long sampleOffset, ReceivedMessage final)
    {
        if (final.Json.TryGetProperty("endMs", out var e) && e.GetInt64() > 0)
        {
            return program.ClipAt(Local(sampleOffset, e.GetInt64()));
        }

        return program.Clips.LastOrDefault(c => streamer.WasSent(c.SpeechEndSample) &&
            streamer.TimestampOfSample(c.SpeechEndSample) <= final.ReceivedTimestamp);
    }

    /// <summary>
    /// The first clip whose speech lies inside the phrase from <paramref name="start"/> to <paramref name="end"/>
    /// (samples): the phrase's own clip, or an earlier one when the server heard a short gap as part of the phrase
    /// and merged clips. Such a phrase is one measurement: its onset is the first clip's, its end of speech the last's.
    /// </summary>
    private static ClipMark FirstSpokenClip(SpeechProgram program, ClipMark last, int start, int end) =>
        program.Clips.FirstOrDefault(c => c.Index < last.Index && c.Index >= program.WarmupClips && c.OnsetSample < end && c.SpeechEndSample > start) ?? last;

    /// <summary>The newest final phrase of the program's last clip, once it has arrived.</summary>
    public static long? LastClipSeq(SpeechProgram program, PacedStreamer streamer, long sampleOffset, IEnumerable<ReceivedMessage> speakerMessages)
    {
        var last = program.Clips[^1];
        return speakerMessages.Where(m => m.Type == MessageTypes.Transcript && m.Final && Place(program, streamer, sampleOffset, m) == last)
            .Select(m => (long?)m.Seq).Max();
    }

    /// <summary>
    /// The server's end-of-speech instant on our clock: every message that carries <c>sinceSpeechEndMs</c> bounds it
    /// from above (arrival minus that age); the least-delayed message gives the tightest bound.
    /// </summary>
    public static long ServerSpeechEnd(ReceivedMessage final, IReadOnlyDictionary<string, double> timings, IEnumerable<IListener> listeners)
    {
        var end = final.ReceivedTimestamp - Ms(timings.GetValueOrDefault("sinceSpeechEndMs"));
        foreach (var listener in listeners)
        {
            foreach (var a in listener.Snapshot())
            {
                if (a.Seq == final.Seq && a.Kind is ArrivalKind.FinalCaption or ArrivalKind.AudioHeader && !float.IsNaN(a.ServerMs) && !a.Replay)
                {
                    end = Math.Min(end, a.Timestamp - Ms(a.ServerMs));
                }
            }
        }

        return end;
    }

    public static Dictionary<string, double> Timings(JsonElement json)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (json.TryGetProperty("timings", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in t.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                result[p.Name] = p.Value.GetDouble();
            }
        }

        return result;
    }

    private static void Copy(IReadOnlyDictionary<string, double> from, string key, Dictionary<string, double> to, string name)
    {
        if (from.TryGetValue(key, out var v))
        {
            to[name] = v;
        }
    }

    /// <summary>A server stream offset (ms since the session's first sample) as a sample index in this program.</summary>
    private static int Local(SpeakerCapture capture, long ms) => Local(capture.SampleOffset, ms);

    private static int Local(long sampleOffset, long ms) => (int)Math.Clamp((ms * 16) - sampleOffset, int.MinValue, int.MaxValue);

    private static double Since(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static long Ms(double ms) => (long)(ms / 1000 * Stopwatch.Frequency);
}
