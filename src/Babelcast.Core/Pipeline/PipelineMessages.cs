using System.Text.Json;
using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;

namespace Babelcast.Core.Pipeline;

/// <summary>The pipeline's WebSocket messages (names fixed by the protocol).</summary>
public static class PipelineMessages
{
    public static OutboundFrame Transcript(long seq, string text, bool final, long startMs, long endMs, PhraseClock? clock) =>
        MessageWriter.Json("transcript", w =>
        {
            w.WriteNumber("seq", seq);
            w.WriteString("text", text);
            w.WriteBoolean("final", final);
            w.WriteNumber("startMs", startMs);
            w.WriteNumber("endMs", endMs);
            WriteTimings(w, clock);
        });

    public static OutboundFrame Caption(long seq, string language, string text, bool final, string sourceText, long startMs, long endMs, bool replay, PhraseClock? clock) =>
        MessageWriter.Json("caption", w =>
        {
            w.WriteNumber("seq", seq);
            w.WriteString("targetLanguage", language);
            w.WriteString("text", text);
            w.WriteBoolean("final", final);
            w.WriteString("sourceText", sourceText);
            w.WriteNumber("startMs", startMs);
            w.WriteNumber("endMs", endMs);
            if (replay)
            {
                w.WriteBoolean("replay", true);
            }

            WriteTimings(w, clock);
        });

    public static OutboundFrame AudioHeader(long seq, string language, string format, int durationMs, int sampleRate, bool replay, PhraseClock? clock) =>
        MessageWriter.Json("audio", w =>
        {
            w.WriteNumber("seq", seq);
            w.WriteString("targetLanguage", language);
            w.WriteString("format", format);
            w.WriteNumber("durationMs", durationMs);
            w.WriteNumber("sampleRate", sampleRate);
            if (replay)
            {
                w.WriteBoolean("replay", true);
            }

            WriteTimings(w, clock);
        });

    public static OutboundFrame QualityWarning(AudioQualityIssue issue) =>
        MessageWriter.Json("audioQualityWarning", w =>
        {
            var (name, message) = issue switch
            {
                AudioQualityIssue.TooQuiet => ("tooQuiet", "Your microphone level is very low; move closer or raise the input gain."),
                AudioQualityIssue.Clipping => ("clipping", "Your audio is clipping; lower the input gain or move back from the microphone."),
                AudioQualityIssue.LowSnr => ("lowSnr", "There is a lot of background noise; recognition may suffer."),
                _ => ("longSilence", "No speech has been heard for a while; is the microphone muted?"),
            };
            w.WriteString("issue", name);
            w.WriteString("message", message);
        });

    private static void WriteTimings(Utf8JsonWriter w, PhraseClock? clock)
    {
        if (clock is null)
        {
            return;
        }

        w.WriteStartObject("timings");
        foreach (var (stage, ms) in clock.Snapshot())
        {
            w.WriteNumber(stage, ms);
        }

        w.WriteNumber("sinceSpeechEndMs", Math.Round(clock.ElapsedMs(), 1));
        w.WriteEndObject();
    }
}
