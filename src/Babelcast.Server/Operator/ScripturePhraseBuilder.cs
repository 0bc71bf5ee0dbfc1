using System.Globalization;
using Babelcast.Core.Broadcasting;
using Babelcast.Core.Languages;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;
using Babelcast.Core.Scripture;

namespace Babelcast.Server.Operator;

/// <summary>
/// Turns a confirmed reference into a <see cref="ScriptedPhrase"/>: the English passage as source text, each language
/// with an installed Bible its own verses, grouped into sentence-sized phrases at verse boundaries. Languages without a
/// Bible are machine-translated from the English text by the pipeline and marked so. A reference that cannot be read
/// or read from the Bible is refused; a wrong passage is never sent.
/// </summary>
internal sealed class ScripturePhraseBuilder(ScriptureService scripture, ILanguageCatalog languages, IListenerPresence presence)
{
    /// <summary>The language of the source text: the parser and the machine translation start from English.</summary>
    public const string SourceLanguage = "en";

    public async ValueTask<(ScriptedPhrase? Phrase, OperatorRefusal? Refusal)> BuildAsync(
        string text, string sessionId, string sessionLanguage, CancellationToken cancellationToken)
    {
        if (!ScriptureReferenceParser.TryParse(text, out var reference, out var error))
        {
            return (null, new OperatorRefusal(ErrorCodes.InvalidScriptureReference, error));
        }

        var count = LiveScripture.VerseCount(reference);
        if (count > LiveScripture.MaxVerses)
        {
            return (null, new OperatorRefusal(ErrorCodes.ScripturePassageTooLong, string.Create(CultureInfo.InvariantCulture,
                $"{reference.Display} has {count} verses; send at most {LiveScripture.MaxVerses} at a time, e.g. {LiveScripture.Capped(reference).Display}.")));
        }

        var english = await scripture.GetPassageAsync(reference, SourceLanguage, cancellationToken);
        if (english.Status != PassageStatus.Found || english.Verses.Count == 0)
        {
            return (null, Refuse(english));
        }

        var bibles = new Dictionary<string, IReadOnlyList<BibleVerse>>(StringComparer.OrdinalIgnoreCase) { [SourceLanguage] = english.Verses };
        foreach (var language in Candidates(sessionId, sessionLanguage))
        {
            var passage = await scripture.GetPassageAsync(reference, language, cancellationToken);
            if (passage.Status == PassageStatus.Found)
            {
                bibles[language] = passage.Verses;
            }
        }

        var groups = Group(english.Verses);
        var segments = groups.Select(g => new ScriptedSegment(Join(g), new PreparedTexts(TextsFor(g, bibles), true, Label(reference, g, groups.Count)))).ToList();
        return (new ScriptedPhrase(PhraseOrigin.Scripture, SourceLanguage, segments), null);
    }

    /// <summary>Verses in order, a new phrase when the next verse would take it past <see cref="LiveScripture.PhraseCharacters"/>.</summary>
    internal static List<List<BibleVerse>> Group(IReadOnlyList<BibleVerse> verses)
    {
        var groups = new List<List<BibleVerse>>();
        var length = 0;
        foreach (var verse in verses)
        {
            if (groups.Count == 0 || length + verse.Text.Length > LiveScripture.PhraseCharacters)
            {
                groups.Add([]);
                length = 0;
            }

            groups[^1].Add(verse);
            length += verse.Text.Length + 1;
        }

        return groups;
    }

    private static string Join(IEnumerable<BibleVerse> verses) => string.Join(' ', verses.Select(v => v.Text.Trim()));

    /// <summary>Each Bible's text for the group's verses; a Bible that lacks one of them (other numbering) is left to translation.</summary>
    private static Dictionary<string, string> TextsFor(List<BibleVerse> group, Dictionary<string, IReadOnlyList<BibleVerse>> bibles)
    {
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, verses) in bibles)
        {
            var matched = group.Select(g => verses.FirstOrDefault(v => v.Chapter == g.Chapter && v.Verse == g.Verse)).ToList();
            if (matched.All(v => v is not null && v.Text.Trim().Length > 0))
            {
                texts[language] = Join(matched!);
            }
        }

        return texts;
    }

    private static string Label(ScriptureReference reference, List<BibleVerse> group, int groups) =>
        groups == 1 ? reference.Display : new ScriptureReference(reference.Book, group[0].Chapter, group[0].Verse, group[^1].Verse).Display;

    private IEnumerable<string> Candidates(string sessionId, string sessionLanguage) =>
        languages.TargetsFor(sessionLanguage).Select(l => l.Code)
            .Concat(presence.GetListenerLanguages(sessionId))
            .Append(sessionLanguage)
            .Where(l => !string.Equals(l, SourceLanguage, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static OperatorRefusal Refuse(PassageLookup english) => english.Status switch
    {
        PassageStatus.NoBibleForLanguage => new(ErrorCodes.NoBibleForLanguage, "No English Bible is installed: there is no text to send or translate."),
        PassageStatus.NoText or PassageStatus.Found => new(ErrorCodes.PassageNotInBible, english.Message ?? $"The Bible has no text for {english.Reference.Display}."),
        _ => new(ErrorCodes.ScriptureUnavailable, english.Message ?? "The Bible could not be read; try again."),
    };
}
