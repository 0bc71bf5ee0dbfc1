using Babelcast.Core.Broadcasting;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Operator;

/// <summary>
/// Follows the speaker through the session's prepared text: a final phrase that reads the next line(s) goes out as
/// those cues with their translations made ahead (a language not translated yet is translated when sent, as for a cue
/// sent by hand); the speaker page is told where the speaker is. A phrase that does not read the script goes out as
/// speech and the position stays. The script lives on the node the speaker loaded it through, as for cues sent by hand.
/// </summary>
internal sealed class ScriptFollower(PreparedScripts scripts, IBroadcaster broadcaster, IOptionsMonitor<FollowOptions> options, ILogger<ScriptFollower> logger)
    : IScriptFollower
{
    public ValueTask<FollowedPhrase?> FollowAsync(string sessionId, string recognisedText, CancellationToken cancellationToken)
    {
        if (scripts.Find(sessionId) is not { Follow.On: true } script)
        {
            return ValueTask.FromResult<FollowedPhrase?>(null);
        }

        var match = script.Follow.Follow(recognisedText, options.CurrentValue, out var best);
        if (match is null)
        {
            Log.FollowMissed(logger, sessionId, best, recognisedText);
            return ValueTask.FromResult<FollowedPhrase?>(null);
        }

        Log.Followed(logger, sessionId, string.Join(',', match.Send), match.Score, recognisedText);
        broadcaster.SendToSpeaker(sessionId, StatusOf(script));
        if (match.Send.Count == 0)
        {
            return ValueTask.FromResult<FollowedPhrase?>(new FollowedPhrase(string.Empty, new PreparedTexts(new Dictionary<string, string>(), false, null), script.SourceLanguage, true));
        }

        var text = string.Join(' ', match.Send.Select(i => script.Cues[i].Text));
        var ready = new PreparedTexts(Translations(script, match.Send), false, null) { Cues = match.Send };
        return ValueTask.FromResult<FollowedPhrase?>(new FollowedPhrase(text, ready, script.SourceLanguage));
    }

    public static OutboundFrame StatusOf(PreparedScript script)
    {
        var (on, next, sent) = script.Follow.Status();
        return SpeakerMessages.FollowStatus(on, next, sent);
    }

    /// <summary>Each language in which every cue sent is translated already; the others are translated when sent.</summary>
    private static Dictionary<string, string> Translations(PreparedScript script, IReadOnlyList<int> cues)
    {
        var each = cues.Select(script.TranslationsOf).ToList();
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in script.Languages)
        {
            if (each.All(t => t.ContainsKey(language)))
            {
                texts[language] = string.Join(' ', each.Select(t => t[language]));
            }
        }

        return texts;
    }
}
