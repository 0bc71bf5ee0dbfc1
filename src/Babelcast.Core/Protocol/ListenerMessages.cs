using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Protocol;

/// <summary>Server messages to listeners on <c>/ws/listen</c>.</summary>
public static class ListenerMessages
{
    public static OutboundFrame SessionJoined(string sessionId, string targetLanguage, string sourceLanguage, SessionStatus status, bool muted, bool held) =>
        MessageWriter.Json(MessageTypes.SessionJoined, w =>
        {
            w.WriteString(MessageFields.SessionId, sessionId);
            w.WriteString(MessageFields.TargetLanguage, targetLanguage);
            w.WriteString(MessageFields.SourceLanguage, sourceLanguage);
            w.WriteString(MessageFields.Status, MessageWriter.StatusName(status));
            w.WriteBoolean(MessageFields.Muted, muted);
            w.WriteBoolean(MessageFields.Held, held);
        });

    public static OutboundFrame Caption(
        long seq, string language, string text, bool final, string sourceText, long startMs, long endMs, bool replay, PhraseClock? clock, PhraseOrigin origin = PhraseOrigin.Speech,
        CaptionMarks marks = default) =>
        MessageWriter.Json(MessageTypes.Caption, w =>
        {
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.TargetLanguage, language);
            w.WriteString(MessageFields.Text, text);
            w.WriteBoolean(MessageFields.Final, final);
            w.WriteString(MessageFields.SourceText, sourceText);
            w.WriteNumber(MessageFields.StartMs, startMs);
            w.WriteNumber(MessageFields.EndMs, endMs);
            MessageWriter.WriteOrigin(w, origin);
            if (marks.Reference is { } reference)
            {
                w.WriteString(MessageFields.Ref, reference);
            }

            MessageWriter.WriteCues(w, marks.Cues);
            if (marks.MachineTranslated)
            {
                w.WriteBoolean(MessageFields.MachineTranslated, true);
            }

            if (replay)
            {
                w.WriteBoolean(MessageFields.Replay, true);
            }

            MessageWriter.WriteTimings(w, clock);
        });

    /// <summary>An operator's correction of final caption <paramref name="seq"/>: the text to put in its place.</summary>
    public static OutboundFrame CaptionCorrected(long seq, string language, string text, string sourceText, long startMs, long endMs, PhraseOrigin origin) =>
        MessageWriter.Json(MessageTypes.CaptionCorrected, w =>
        {
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.TargetLanguage, language);
            w.WriteString(MessageFields.Text, text);
            w.WriteString(MessageFields.SourceText, sourceText);
            w.WriteNumber(MessageFields.StartMs, startMs);
            w.WriteNumber(MessageFields.EndMs, endMs);
            MessageWriter.WriteOrigin(w, origin);
        });

    /// <summary>The header of a phrase's audio; the binary frame with the encoded audio follows it.</summary>
    public static OutboundFrame AudioHeader(long seq, string language, string format, int durationMs, int sampleRate, bool replay, PhraseClock? clock) =>
        MessageWriter.Json(MessageTypes.Audio, w =>
        {
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.TargetLanguage, language);
            w.WriteString(MessageFields.Format, format);
            w.WriteNumber(MessageFields.DurationMs, durationMs);
            w.WriteNumber(MessageFields.SampleRate, sampleRate);
            if (replay)
            {
                w.WriteBoolean(MessageFields.Replay, true);
            }

            MessageWriter.WriteTimings(w, clock);
        });

    /// <summary><c>broadcastPaused</c> or <c>broadcastResumed</c>.</summary>
    public static OutboundFrame Paused(string sessionId, bool paused) =>
        SessionEvent(paused ? MessageTypes.BroadcastPaused : MessageTypes.BroadcastResumed, sessionId);

    /// <summary><c>broadcastMuted</c> or <c>broadcastUnmuted</c>.</summary>
    public static OutboundFrame Muted(string sessionId, bool muted) =>
        SessionEvent(muted ? MessageTypes.BroadcastMuted : MessageTypes.BroadcastUnmuted, sessionId);

    /// <summary><c>broadcastHeld</c> or <c>broadcastUnheld</c>.</summary>
    public static OutboundFrame Held(string sessionId, bool held) =>
        SessionEvent(held ? MessageTypes.BroadcastHeld : MessageTypes.BroadcastUnheld, sessionId);

    public static OutboundFrame LanguageChanged(string targetLanguage) =>
        MessageWriter.Json(MessageTypes.LanguageChanged, w => w.WriteString(MessageFields.TargetLanguage, targetLanguage));

    private static OutboundFrame SessionEvent(string type, string sessionId) =>
        MessageWriter.Json(type, w => w.WriteString(MessageFields.SessionId, sessionId));
}
