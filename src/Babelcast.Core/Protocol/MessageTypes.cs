namespace Babelcast.Core.Protocol;

/// <summary>Every <c>type</c> of a WebSocket text message, in both directions (see docs/protocol.md).</summary>
public static class MessageTypes
{
    /// <summary>Server to speaker: the connection is admitted; session state and the offered languages.</summary>
    public const string Connected = "connected";

    /// <summary>Server to speaker: recognised source text of a phrase, partial or final.</summary>
    public const string Transcript = "transcript";

    /// <summary>Server to speaker: listener count per language.</summary>
    public const string SessionStatus = "sessionStatus";

    /// <summary>Server to speaker: acknowledges pause, resume, mute, unmute, hold or unhold with the resulting state.</summary>
    public const string StatusChanged = "statusChanged";

    /// <summary>Server to speaker: the microphone signal is too quiet, clipping, noisy or silent.</summary>
    public const string AudioQualityWarning = "audioQualityWarning";

    /// <summary>Server to speaker and listener: the answer to <see cref="Heartbeat"/>.</summary>
    public const string HeartbeatAck = "heartbeatAck";

    /// <summary>Server to speaker and listener: the session has ended; the socket closes next.</summary>
    public const string SessionEnded = "sessionEnded";

    /// <summary>Server to speaker and listener: a refusal or a rejected message, with a code from <see cref="ErrorCodes"/>.</summary>
    public const string Error = "error";

    /// <summary>Server to listener: the listener is admitted to the session in its language.</summary>
    public const string SessionJoined = "sessionJoined";

    /// <summary>Server to listener: translated text of a phrase, partial or final.</summary>
    public const string Caption = "caption";

    /// <summary>Server to listener: header of the binary frame that follows with a phrase's audio.</summary>
    public const string Audio = "audio";

    /// <summary>Server to listener: the speaker paused the broadcast.</summary>
    public const string BroadcastPaused = "broadcastPaused";

    /// <summary>Server to listener: the speaker resumed the broadcast.</summary>
    public const string BroadcastResumed = "broadcastResumed";

    /// <summary>Server to listener: the speaker muted the broadcast; stop playing its audio.</summary>
    public const string BroadcastMuted = "broadcastMuted";

    /// <summary>Server to listener: the speaker unmuted the broadcast; play its audio again.</summary>
    public const string BroadcastUnmuted = "broadcastUnmuted";

    /// <summary>Server to listener: the speaker put the broadcast on hold for music; no captions or speech until <see cref="BroadcastUnheld"/>.</summary>
    public const string BroadcastHeld = "broadcastHeld";

    /// <summary>Server to listener: the hold for music is over; captions and speech go on.</summary>
    public const string BroadcastUnheld = "broadcastUnheld";

    /// <summary>Server to listener: the language change took effect.</summary>
    public const string LanguageChanged = "languageChanged";

    /// <summary>Speaker to server: stop processing audio.</summary>
    public const string Pause = "pause";

    /// <summary>Speaker to server: process audio again. Listener to server: replay what was missed after a reconnect.</summary>
    public const string Resume = "resume";

    /// <summary>Speaker to server: tell every listener to stop playing the translated audio.</summary>
    public const string Mute = "mute";

    /// <summary>Speaker to server: tell every listener to play the translated audio again.</summary>
    public const string Unmute = "unmute";

    /// <summary>Speaker to server: hold the broadcast for music (no phrases from audio; typed lines still go out).</summary>
    public const string Hold = "hold";

    /// <summary>Speaker to server: end the hold for music.</summary>
    public const string Unhold = "unhold";

    /// <summary>Speaker to server: end the session.</summary>
    public const string End = "end";

    /// <summary>Speaker and listener to server: keep the connection alive.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>Speaker to server: a line the operator typed, sent out as a phrase.</summary>
    public const string Typed = "typed";

    /// <summary>Speaker to server: replace the source text of one of the last final phrases (a correction).</summary>
    public const string Correct = "correct";

    /// <summary>Server to listener: a final caption's corrected text, to replace in place (its audio is not replayed).</summary>
    public const string CaptionCorrected = "captionCorrected";

    /// <summary>Server to speaker: a final phrase's corrected source text, to replace in place.</summary>
    public const string TranscriptCorrected = "transcriptCorrected";

    /// <summary>Server to speaker: a Bible reference was found in a final transcript; the speaker page offers the passage.</summary>
    public const string ScriptureDetected = "scriptureDetected";

    /// <summary>Speaker to server: send a Bible passage (<c>ref</c>) to the listeners, each in its language's Bible where one is installed.</summary>
    public const string Scripture = "scripture";

    /// <summary>Speaker to server: send one line (<c>index</c>) of the session's prepared text.</summary>
    public const string Cue = "cue";

    /// <summary>Speaker to server: follow the speaker through the prepared text (<c>on</c>), or stop.</summary>
    public const string Follow = "follow";

    /// <summary>Server to speaker: whether the prepared text follows the speaker, and where the speaker is in it.</summary>
    public const string FollowStatus = "followStatus";

    /// <summary>Listener to server: switch to another target language from the next phrase.</summary>
    public const string ChangeLanguage = "changeLanguage";
}
