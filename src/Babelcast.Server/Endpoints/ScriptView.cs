using Babelcast.Server.Operator;

namespace Babelcast.Server.Endpoints;

/// <summary>A session's prepared text as the API shows it: the cues with their translations so far, and progress per language.</summary>
internal sealed record ScriptView(
    int CueCount, IReadOnlyList<string?> Sections, DateTimeOffset LoadedAt, bool Translated, int Failures,
    IReadOnlyList<ScriptLanguageView> Languages, IReadOnlyList<ScriptCueView> Cues, ScriptFollowView Follow)
{
    public static ScriptView From(PreparedScript script) => new(
        script.Cues.Count,
        script.Cues.Select(c => c.Section).Where(s => s is not null).Distinct(StringComparer.Ordinal).ToList(),
        script.LoadedAt,
        script.Done,
        script.Failures,
        script.Languages.Select(l => new ScriptLanguageView(l, script.TranslatedCount(l))).ToList(),
        script.Cues.Select(c => new ScriptCueView(c.Index, c.Section, c.Text, script.TranslationsOf(c.Index))).ToList(),
        ScriptFollowView.From(script.Follow));
}

internal sealed record ScriptLanguageView(string Language, int Translated);

internal sealed record ScriptCueView(int Index, string? Section, string Text, IReadOnlyDictionary<string, string> Translations);

/// <summary>Following the speaker, as <c>followStatus</c> says it: a reloaded speaker page finds it again.</summary>
internal sealed record ScriptFollowView(bool On, int Next, int Sent)
{
    public static ScriptFollowView From(ScriptFollowState follow)
    {
        var (on, next, sent) = follow.Status();
        return new ScriptFollowView(on, next, sent);
    }
}
