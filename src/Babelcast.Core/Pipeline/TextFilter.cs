using System.Text.RegularExpressions;

namespace Babelcast.Core.Pipeline;

/// <summary>Keeps placeholder and filler output (the original system spoke "[No transcription]") away from listeners.</summary>
public static partial class TextFilter
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var cleaned = Markup().Replace(text, " ");
        cleaned = Spaces().Replace(cleaned, " ").Trim();
        return cleaned.Any(char.IsLetterOrDigit) ? cleaned : string.Empty;
    }

    public static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\[[^\]]*\]|<[^>]*>|\(\d+\)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
