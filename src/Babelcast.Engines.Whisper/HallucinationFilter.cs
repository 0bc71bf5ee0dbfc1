using System.Text;
using System.Text.RegularExpressions;

namespace Babelcast.Engines.Whisper;

/// <summary>
/// Drops what Whisper writes when it hears no words: annotations of non-speech ("[BLANK_AUDIO]", "(music)", "♪"),
/// the credits and sign-offs of the subtitled videos it was trained on ("Thank you for watching", "Subtitles by the
/// Amara.org community"), and runaway repetition. Applied per segment, after the voice-activity gate.
/// </summary>
internal static partial class HallucinationFilter
{
    /// <summary>Segments containing one of these (lower case, punctuation removed) are never speech in a live talk.</summary>
    private static readonly string[] Credits =
    [
        "thank you for watching", "thanks for watching", "thank you so much for watching", "please subscribe",
        "like and subscribe", "subscribe to my channel", "subscribe to the channel", "subtitles by", "subtitled by",
        "captions by", "captioning by", "transcribed by", "transcription by", "translated by", "amaraorg", "amara org",
        "sous titres réalisés par", "sous titrage", "untertitel im auftrag", "untertitel der amara", "subtítulos realizados por",
        "subtítulos por la comunidad", "ご視聴ありがとうございました", "請不吝點贊",
    ];

    /// <summary>Whole segments that are only a sign-off when nothing else was said.</summary>
    private static readonly string[] Alone = ["you", "bye", "thank you very much for watching"];

    public static string Clean(IEnumerable<string> segments)
    {
        var text = new StringBuilder();
        foreach (var segment in segments)
        {
            var kept = CleanSegment(segment);
            if (kept.Length > 0)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append(kept);
            }
        }

        var all = text.ToString();
        return Alone.Contains(Normalise(all), StringComparer.Ordinal) ? string.Empty : all;
    }

    public static string CleanSegment(string segment)
    {
        var text = Annotation().Replace(segment, " ");
        text = Spaces().Replace(text, " ").Trim();
        var normalised = Normalise(text);
        if (normalised.Length == 0 || Credits.Any(c => normalised.Contains(c, StringComparison.Ordinal)))
        {
            return string.Empty;
        }

        return CollapseRepeats(text);
    }

    /// <summary>Lower case, letters, digits and single spaces only.</summary>
    internal static string Normalise(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                b.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\'')
            {
                if (b.Length > 0 && b[^1] != ' ')
                {
                    b.Append(' ');
                }
            }
        }

        return b.ToString().Trim();
    }

    /// <summary>A phrase of one to four words said more than three times in a row is kept once (a decoding loop).</summary>
    private static string CollapseRepeats(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var n = 1; n <= 4; n++)
        {
            for (var i = 0; i + (n * 4) <= words.Count; i++)
            {
                var repeats = 1;
                while (i + ((repeats + 1) * n) <= words.Count && SameRun(words, i, i + (repeats * n), n))
                {
                    repeats++;
                }

                if (repeats > 3)
                {
                    words.RemoveRange(i + n, (repeats - 1) * n);
                }
            }
        }

        return string.Join(' ', words);
    }

    private static bool SameRun(List<string> words, int a, int b, int n)
    {
        for (var k = 0; k < n; k++)
        {
            if (!string.Equals(Normalise(words[a + k]), Normalise(words[b + k]), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>[...], (...), *...* and music notes: Whisper's annotations of sounds, never words said.</summary>
    [GeneratedRegex(@"\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|[♪♫]+")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
