using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Babelcast.Core.Storage;

namespace Babelcast.Core.Glossaries;

/// <summary>
/// The glossary terms one session uses, merged from its glossaries (the first glossary wins a term listed twice) and
/// compiled once: finding terms in recognised text, protecting them through a translator, putting their renderings back.
/// Terms match whole words, case-insensitively, with any white space between their words; longer terms first.
/// Immutable and thread-safe.
/// </summary>
public sealed class SessionGlossary
{
    public static readonly SessionGlossary Empty = new([]);

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, GlossaryEntry> _byTerm = new(StringComparer.Ordinal);
    private readonly Regex? _matcher;

    public SessionGlossary(IEnumerable<GlossaryEntry> entries)
    {
        var kept = new List<GlossaryEntry>();
        foreach (var entry in entries)
        {
            var key = Normalize(entry.Term);
            if (key.Length > 0 && _byTerm.TryAdd(key, entry))
            {
                kept.Add(entry);
            }
        }

        Entries = kept;
        RecognitionKey = kept.Count == 0 ? string.Empty : Hash(kept);
        if (kept.Count > 0)
        {
            // Longest first, so that "Pastor Nguyen" wins over "Nguyen"; terms are literal text, so no backtracking blows up.
            var alternatives = _byTerm.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
                .Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape)));
            _matcher = new Regex(
                @"(?<![\p{L}\p{N}_])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                MatchTimeout);
        }
    }

    /// <summary>The entries in order of precedence, one per term.</summary>
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>
    /// Changes whenever a term or its "sounds like" spelling changes (not when only renderings do), so that a
    /// recogniser can tell whether it must rebuild anything; empty for an empty glossary.
    /// </summary>
    public string RecognitionKey { get; }

    /// <summary>Writes each term found in <paramref name="text"/> as the glossary spells it for <paramref name="language"/>.</summary>
    public string Canonicalize(string text, string language) =>
        _matcher is null || text.Length == 0 ? text : _matcher.Replace(text, m => Find(m.Value).RenderingFor(language));

    /// <summary>
    /// Replaces each term in <paramref name="text"/> with a placeholder token that translators pass through unchanged
    /// (<see cref="GlossaryPlaceholders"/>); terms past the last placeholder stay as they are.
    /// </summary>
    public ProtectedText Protect(string text)
    {
        if (_matcher is null || text.Length == 0)
        {
            return new ProtectedText(text, []);
        }

        var slots = new List<GlossaryEntry>();
        var replaced = _matcher.Replace(text, m =>
        {
            if (slots.Count >= GlossaryPlaceholders.Capacity)
            {
                return m.Value;
            }

            slots.Add(Find(m.Value));
            return GlossaryPlaceholders.Token(slots.Count - 1);
        });
        return new ProtectedText(replaced, slots);
    }

    /// <summary>Puts the renderings for <paramref name="language"/> where the translator left the placeholders.</summary>
    public static string Restore(ProtectedText source, string translated, string language) =>
        source.Slots.Count == 0
            ? translated
            : GlossaryPlaceholders.Replace(translated, i => i < source.Slots.Count ? source.Slots[i].RenderingFor(language) : null);

    private GlossaryEntry Find(string matched) => _byTerm[Normalize(matched)];

    /// <summary>Lower case with single spaces: the key a match is looked up by.</summary>
    private static string Normalize(string term) =>
        string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Hash(List<GlossaryEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append(e.Term).Append('\u001f').Append(e.SoundsLike).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
