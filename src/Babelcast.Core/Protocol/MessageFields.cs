namespace Babelcast.Core.Protocol;

/// <summary>The field names of WebSocket messages, shared by the builders, the server's reader and the bench's parser.</summary>
public static class MessageFields
{
    public const string Type = "type";
    public const string Code = "code";
    public const string Message = "message";
    public const string RetryAfter = "retryAfter";
    public const string SupportedLanguages = "supportedLanguages";
    public const string Seq = "seq";
    public const string AfterSeq = "afterSeq";
    public const string Text = "text";
    public const string Final = "final";
    public const string Replay = "replay";
    public const string StartMs = "startMs";
    public const string EndMs = "endMs";
    public const string SourceText = "sourceText";
    public const string Origin = "origin";
    public const string SessionId = "sessionId";
    public const string SourceLanguage = "sourceLanguage";
    public const string TargetLanguage = "targetLanguage";
    public const string TargetLanguages = "targetLanguages";
    public const string Languages = "languages";
    public const string Status = "status";
    public const string Muted = "muted";
    public const string Held = "held";
    public const string LastAudioSeq = "lastAudioSeq";
    public const string Reason = "reason";
    public const string Format = "format";
    public const string DurationMs = "durationMs";
    public const string SampleRate = "sampleRate";
    public const string Issue = "issue";
    public const string ServerTime = "serverTime";
    public const string ListenerCount = "listenerCount";
    public const string LanguageDistribution = "languageDistribution";

    /// <summary>A Bible reference as the server reads it back ("John 3:16"): sent by the speaker, offered to it, shown to listeners.</summary>
    public const string Ref = "ref";

    /// <summary>On <c>scriptureDetected</c>: the reference as found, before any cap on the number of verses.</summary>
    public const string Display = "display";

    public const string Verses = "verses";
    public const string Truncated = "truncated";

    /// <summary>On a caption: the text was machine-translated where a prepared one (an installed Bible) was expected.</summary>
    public const string MachineTranslated = "machineTranslated";

    /// <summary>On <c>cue</c>: the zero-based line of the prepared text.</summary>
    public const string Index = "index";

    /// <summary>On a prepared phrase's transcript and captions: the zero-based lines of the prepared text it carries.</summary>
    public const string Cues = "cues";

    /// <summary>On <c>follow</c> and <c>followStatus</c>: whether the prepared text follows the speaker.</summary>
    public const string On = "on";

    /// <summary>On <c>followStatus</c>: the line of the prepared text the speaker is expected to read next.</summary>
    public const string Next = "next";

    /// <summary>On <c>followStatus</c>: the last line of the prepared text sent (-1: none).</summary>
    public const string Sent = "sent";

    /// <summary>Listener query parameter: <c>audio=false</c> joins for captions only (a projector view).</summary>
    public const string Audio = "audio";

    /// <summary>Per-stage milliseconds after the end of speech of the phrase (final captions, audio, final transcripts).</summary>
    public const string Timings = "timings";

    /// <summary>Inside <see cref="Timings"/>: milliseconds from the end of speech to the serialisation of the message.</summary>
    public const string SinceSpeechEndMs = "sinceSpeechEndMs";

    /// <summary>
    /// On the speaker socket's query and its <c>connected</c>, and on a session listed for its caller: <c>owner</c> or
    /// <c>operator</c> (<see cref="ControlRoles"/>).
    /// </summary>
    public const string Role = "role";
}
