namespace Babelcast.Core.Translation;

/// <summary>
/// A cheap plausibility check of a translation from an engine that can answer anything (a language model): it catches
/// the failures seen in practice (nothing, the source unchanged, the prompt echoed, chatter, runaway text, the wrong
/// script, another language than the target's by its function words), not a wrong but plausible translation.
/// </summary>
public static class TranslationCheck
{
    // Phrases a model uses when it talks about the task instead of doing it; a marker counts only if the source lacks it.
    private static readonly string[] EchoMarkers =
    [
        "translation:", "translated text", "here is the translation", "here's the translation", "target language", "source language",
        "previous phrases", "glossary", "as an ai", "i cannot translate", "i can't translate", "<context>", "</context>",
    ];

    // Targets written in another script than Latin; any other target is expected in Latin letters.
    private static readonly HashSet<string> NonLatinTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        "ar", "be", "bg", "el", "fa", "he", "hi", "hy", "ja", "ka", "kk", "ko", "mk", "ru", "sr", "th", "uk", "ur", "zh",
    };

    /// <summary>The <see cref="FallbackReason"/> that rejects <paramref name="output"/>, or null when it may be used.</summary>
    public static string? Reject(TranslationRequest request, string output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var text = output.Trim();
        if (text.Length == 0)
        {
            return FallbackReason.Empty;
        }

        var source = request.Text.Trim();
        var letters = Letters(source);
        if (letters.Length >= 4 && letters == Letters(text))
        {
            return FallbackReason.Unchanged;
        }

        foreach (var marker in EchoMarkers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase) && !source.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return FallbackReason.Echo;
            }
        }

        if (text.Length > (3 * source.Length) + 40 || text.Any(IsJunk) || !ScriptFits(text, request.TargetLanguage))
        {
            return FallbackReason.Garbage;
        }

        return FunctionWords.OtherLanguage(text, request.TargetLanguage) is null ? null : FallbackReason.WrongLanguage;
    }

    private static string Letters(string value) =>
        string.Concat(value.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static bool IsJunk(char c) => c == '\uFFFD' || (char.IsControl(c) && c != '\n' && c != '\t' && c != '\r');

    private static bool ScriptFits(string text, string target)
    {
        var latin = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (c <= '\u024F' || (c >= '\u1E00' && c <= '\u1EFF'))
            {
                latin++;
            }
            else
            {
                other++;
            }
        }

        if (latin + other == 0)
        {
            return true;
        }

        var primary = target.Split('-', '_')[0];
        var wantsLatin = !NonLatinTargets.Contains(primary);
        return wantsLatin ? latin * 2 > latin + other : other * 2 > latin + other;
    }
}
