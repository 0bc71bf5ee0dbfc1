using Babelcast.Core.Audio;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Scripture;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Protocol;

/// <summary>Server messages to the speaker on <c>/ws/speak</c>.</summary>
public static class SpeakerMessages
{
    /// <summary>
    /// With <c>lastAudioSeq</c> for a client that numbers its frames: the highest number the session has (0: none);
    /// <paramref name="role"/> says whether this control connection is the owner's or a co-operator's (<see cref="ControlRoles"/>).
    /// </summary>
    public static OutboundFrame Connected(
        string sessionId, SessionStatus status, string sourceLanguage, int sampleRate, bool muted, bool held, IEnumerable<string> targetLanguages,
        long? lastAudioSeq = null, string role = ControlRoles.Owner) =>
        MessageWriter.Json(MessageTypes.Connected, w =>
        {
            w.WriteString(MessageFields.SessionId, sessionId);
            w.WriteString(MessageFields.Status, MessageWriter.StatusName(status));
            w.WriteString(MessageFields.SourceLanguage, sourceLanguage);
            w.WriteNumber(MessageFields.SampleRate, sampleRate);
            w.WriteBoolean(MessageFields.Muted, muted);
            w.WriteBoolean(MessageFields.Held, held);
            w.WriteStartArray(MessageFields.TargetLanguages);
            foreach (var l in targetLanguages)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            if (lastAudioSeq is { } last)
            {
                w.WriteNumber(MessageFields.LastAudioSeq, last);
            }

            w.WriteString(MessageFields.Role, role);
        });

    public static OutboundFrame Transcript(
        long seq, string text, bool final, long startMs, long endMs, PhraseClock? clock, PhraseOrigin origin = PhraseOrigin.Speech, string? reference = null,
        IReadOnlyList<int>? cues = null) =>
        MessageWriter.Json(MessageTypes.Transcript, w =>
        {
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.Text, text);
            w.WriteBoolean(MessageFields.Final, final);
            w.WriteNumber(MessageFields.StartMs, startMs);
            w.WriteNumber(MessageFields.EndMs, endMs);
            MessageWriter.WriteOrigin(w, origin);
            if (reference is not null)
            {
                w.WriteString(MessageFields.Ref, reference);
            }

            MessageWriter.WriteCues(w, cues);
            MessageWriter.WriteTimings(w, clock);
        });

    /// <summary>
    /// Whether the server follows the speaker through the prepared text (<c>on</c>), the line it expects next
    /// (<c>next</c>, zero-based; the script's length once the last line was read) and the last line sent (<c>sent</c>,
    /// -1 before any). Acknowledges <c>follow</c>; sent again whenever a followed phrase moves the position.
    /// </summary>
    public static OutboundFrame FollowStatus(bool on, int next, int sent) =>
        MessageWriter.Json(MessageTypes.FollowStatus, w =>
        {
            w.WriteBoolean(MessageFields.On, on);
            w.WriteNumber(MessageFields.Next, next);
            w.WriteNumber(MessageFields.Sent, sent);
        });

    /// <summary>The corrected source text of final phrase <paramref name="seq"/> and the languages it was sent again in.</summary>
    public static OutboundFrame TranscriptCorrected(long seq, string text, IEnumerable<string> languages) =>
        MessageWriter.Json(MessageTypes.TranscriptCorrected, w =>
        {
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.Text, text);
            w.WriteStartArray(MessageFields.Languages);
            foreach (var l in languages)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
        });

    /// <summary>
    /// A reference found in the final text of phrase <paramref name="seq"/>. <c>ref</c> is what the speaker sends back
    /// to confirm: the reference itself, or its first <see cref="LiveScripture.MaxVerses"/> verses (<c>truncated</c>).
    /// </summary>
    public static OutboundFrame ScriptureDetected(long seq, ScriptureMatch match) =>
        MessageWriter.Json(MessageTypes.ScriptureDetected, w =>
        {
            var offered = LiveScripture.Capped(match.Reference);
            var (first, last) = offered.VerseRange;
            w.WriteNumber(MessageFields.Seq, seq);
            w.WriteString(MessageFields.Ref, offered.Display);
            w.WriteString(MessageFields.Display, match.Reference.Display);
            w.WriteString(MessageFields.Text, match.Text);
            w.WriteNumber(MessageFields.Verses, last - first + 1);
            w.WriteBoolean(MessageFields.Truncated, !ReferenceEquals(offered, match.Reference));
        });

    /// <summary>Listener count in all and per language (languages in ordinal order).</summary>
    public static OutboundFrame SessionStatus(IReadOnlyDictionary<string, int> distribution) =>
        MessageWriter.Json(MessageTypes.SessionStatus, w =>
        {
            w.WriteNumber(MessageFields.ListenerCount, distribution.Values.Sum());
            w.WriteStartObject(MessageFields.LanguageDistribution);
            foreach (var (lang, n) in distribution.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(lang, n);
            }

            w.WriteEndObject();
        });

    public static OutboundFrame StatusChanged(SessionStatus status, bool muted, bool held) =>
        MessageWriter.Json(MessageTypes.StatusChanged, w =>
        {
            w.WriteString(MessageFields.Status, MessageWriter.StatusName(status));
            w.WriteBoolean(MessageFields.Muted, muted);
            w.WriteBoolean(MessageFields.Held, held);
        });

    public static OutboundFrame AudioQualityWarning(AudioQualityIssue issue) =>
        MessageWriter.Json(MessageTypes.AudioQualityWarning, w =>
        {
            var (name, message) = issue switch
            {
                AudioQualityIssue.TooQuiet => ("tooQuiet", "Your microphone level is very low; move closer or raise the input gain."),
                AudioQualityIssue.Clipping => ("clipping", "Your audio is clipping; lower the input gain or move back from the microphone."),
                AudioQualityIssue.LowSnr => ("lowSnr", "There is a lot of background noise; recognition may suffer."),
                _ => ("longSilence", "No speech has been heard for a while; is the microphone muted?"),
            };
            w.WriteString(MessageFields.Issue, name);
            w.WriteString(MessageFields.Message, message);
        });
}
