using System.Text.RegularExpressions;
using Babelcast.Core.Protocol;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Glossaries;

/// <summary>Checks a glossary against the limits before it is stored; the first problem found is returned.</summary>
public static partial class GlossaryRules
{
    public const int MaxNameLength = 100;

    public static GlossaryProblem? Check(string? name, IReadOnlyList<GlossaryEntry> entries, GlossaryOptions options)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return Invalid($"name is required, at most {MaxNameLength} characters.");
        }

        if (entries.Count > options.MaxEntries)
        {
            return new GlossaryProblem(ErrorCodes.GlossaryTooLarge, $"A glossary holds at most {options.MaxEntries} entries; this one has {entries.Count}.");
        }

        var terms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (CheckEntry(e, i, options) is { } problem)
            {
                return problem;
            }

            if (!terms.Add(Words(e.Term)))
            {
                return Invalid($"entries[{i}]: the term \"{e.Term}\" is listed twice.");
            }
        }

        return null;
    }

    /// <summary>Collapses white space and trims every field, so that stored entries are in one form.</summary>
    public static GlossaryEntry Tidy(GlossaryEntry entry) => new(
        Words(entry.Term),
        string.IsNullOrWhiteSpace(entry.SoundsLike) ? null : Words(entry.SoundsLike),
        entry.Renderings
            .Where(r => !string.IsNullOrWhiteSpace(r.Value))
            .ToDictionary(r => r.Key.Trim(), r => Words(r.Value), StringComparer.OrdinalIgnoreCase));

    private static GlossaryProblem? CheckEntry(GlossaryEntry e, int i, GlossaryOptions options)
    {
        if (string.IsNullOrWhiteSpace(e.Term) || !e.Term.Any(char.IsLetterOrDigit))
        {
            return Invalid($"entries[{i}]: term is required and must contain a letter or digit.");
        }

        foreach (var (field, value) in new[] { ("term", e.Term), ("soundsLike", e.SoundsLike) })
        {
            if (value is not null && (value.Length > options.MaxTermLength || WordCount(value) > options.MaxTermWords))
            {
                return new GlossaryProblem(ErrorCodes.GlossaryTermTooLong,
                    $"entries[{i}].{field}: at most {options.MaxTermLength} characters and {options.MaxTermWords} words.");
            }
        }

        foreach (var (language, text) in e.Renderings)
        {
            if (!LanguageCode().IsMatch(language))
            {
                return Invalid($"entries[{i}].renderings: \"{language}\" is not a language code such as es or pt-BR.");
            }

            if (text.Length > options.MaxRenderingLength)
            {
                return new GlossaryProblem(ErrorCodes.GlossaryTermTooLong,
                    $"entries[{i}].renderings.{language}: at most {options.MaxRenderingLength} characters.");
            }
        }

        return null;
    }

    private static GlossaryProblem Invalid(string message) => new(ErrorCodes.ValidationFailed, message);

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex LanguageCode();
}
