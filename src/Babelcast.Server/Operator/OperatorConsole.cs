using System.Globalization;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Ingest;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.Operator;

/// <summary>
/// The speaker socket's <c>scripture</c> and <c>cue</c> messages: each becomes one item of the session's ingest log,
/// so that it goes out in order with the speech around it, with the texts it brings for some languages.
/// </summary>
internal sealed class OperatorConsole(
    ScripturePhraseBuilder scripture, PreparedScripts scripts, IAudioIngest ingest, IBroadcaster broadcaster, TimeProvider time, ILogger<OperatorConsole> logger)
{
    /// <summary>Sends the passage; a refusal says why nothing was sent (bad reference, too long, the Bible unreadable).</summary>
    public async ValueTask<OperatorRefusal?> SendScriptureAsync(string sessionId, string sessionLanguage, string reference, CancellationToken cancellationToken)
    {
        var (phrase, refusal) = await scripture.BuildAsync(reference, sessionId, sessionLanguage, cancellationToken);
        if (phrase is null)
        {
            return refusal;
        }

        var sent = Append(sessionId, phrase, "The server cannot keep up with this session; the passage was not sent.");
        if (sent is null)
        {
            Log.ScriptureSent(logger, sessionId, phrase.Segments[0].Ready.Reference ?? reference, phrase.Segments.Count);
        }

        return sent;
    }

    /// <summary>Sends line <paramref name="index"/> of the session's prepared text with the translations ready so far.</summary>
    public OperatorRefusal? SendCue(string sessionId, int index)
    {
        if (scripts.Find(sessionId) is not { } script)
        {
            return new OperatorRefusal(ErrorCodes.CueNotFound, "This session has no prepared text; load one first (POST /api/sessions/{id}/script).");
        }

        if (index < 0 || index >= script.Cues.Count)
        {
            return new OperatorRefusal(ErrorCodes.CueNotFound, string.Create(CultureInfo.InvariantCulture,
                $"The prepared text has cues 0 to {script.Cues.Count - 1}; there is no cue {index}."));
        }

        var cue = script.Cues[index];
        script.Follow.Sent(index);
        var phrase = new ScriptedPhrase(PhraseOrigin.Prepared, script.SourceLanguage,
            [new ScriptedSegment(cue.Text, new PreparedTexts(script.TranslationsOf(index), false, null) { Cues = [index] })]);
        return Append(sessionId, phrase, "The server cannot keep up with this session; the cue was not sent.");
    }

    /// <summary>Turns following the speaker on or off; the acknowledgement (<c>followStatus</c>) says where the speaker is.</summary>
    /// <summary>
    /// Turns following on or off; the new state goes to every control connection of the session (the owner's page and
    /// each co-operator's console show the same toggle).
    /// </summary>
    public OperatorRefusal? SetFollow(string sessionId, bool on)
    {
        if (scripts.Find(sessionId) is not { } script)
        {
            return new OperatorRefusal(ErrorCodes.CueNotFound, "This session has no prepared text to follow; load one first (POST /api/sessions/{id}/script).");
        }

        script.Follow.Set(on);
        Log.FollowTurned(logger, sessionId, on ? "on" : "off");
        broadcaster.SendToSpeaker(sessionId, ScriptFollower.StatusOf(script));
        return null;
    }

    private OperatorRefusal? Append(string sessionId, ScriptedPhrase phrase, string overloaded) =>
        ingest.TryWrite(sessionId, IngestItem.Scripted(phrase, time.GetTimestamp())) == IngestWriteResult.Accepted
            ? null
            : new OperatorRefusal(ErrorCodes.IngestOverloaded, overloaded);
}
