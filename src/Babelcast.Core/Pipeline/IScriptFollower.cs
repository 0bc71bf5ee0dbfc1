namespace Babelcast.Core.Pipeline;

/// <summary>
/// "Follow the speaker": a final speech phrase that reads the session's prepared text goes out as the prepared cue(s)
/// it read, with their translations made ahead, instead of the recognised words. Asked once per final speech phrase,
/// before it is translated; the server implements it over its prepared scripts.
/// </summary>
public interface IScriptFollower
{
    /// <summary>Null: the phrase goes out as speech (no script, follow off, or the speaker left the script).</summary>
    ValueTask<FollowedPhrase?> FollowAsync(string sessionId, string recognisedText, CancellationToken cancellationToken);
}

/// <summary>
/// What a followed phrase becomes: the cues' text and their ready translations (<see cref="PreparedTexts.Cues"/> names
/// them), or, when <see cref="Remainder"/>, nothing: the phrase read the rest of a cue that went out already.
/// </summary>
public sealed record FollowedPhrase(string Text, PreparedTexts Ready, string SourceLanguage, bool Remainder = false);

/// <summary>The default: nothing is followed.</summary>
public sealed class NoScriptFollower : IScriptFollower
{
    public static readonly NoScriptFollower Instance = new();

    public ValueTask<FollowedPhrase?> FollowAsync(string sessionId, string recognisedText, CancellationToken cancellationToken) => ValueTask.FromResult<FollowedPhrase?>(null);
}
