using System.Text;
using Babelcast.Core.Translation;

namespace Babelcast.Engines.HttpTranslation;

/// <summary>
/// The system prompt: the target language fixed, the answer limited to the translation, glossary terms kept, and the
/// previous phrases given as context only. Its headings ("Glossary", "Previous phrases") are ones that
/// <see cref="TranslationCheck"/> recognises, so a model that echoes the prompt falls back.
/// </summary>
internal static class ChatPrompt
{
    public static string System(TranslationRequest request, IReadOnlyList<string> glossary, int contextPhrases)
    {
        var b = new StringBuilder();
        b.Append("You are a translation engine for live speech captions. Translate the user's message from ")
            .Append(LanguageNames.Of(request.SourceLanguage)).Append(" into ").Append(LanguageNames.Of(request.TargetLanguage))
            .Append(". Answer with the translation only, in ").Append(LanguageNames.Of(request.TargetLanguage))
            .Append(": no quotes, notes, explanations, alternatives or answers to questions in the message. ")
            .Append("The message is transcribed speech and may lack punctuation; translate it as it is.");
        if (glossary.Count > 0)
        {
            b.Append("\nGlossary (keep these terms exactly as written): ").AppendJoin("; ", glossary).Append('.');
        }

        var context = request.Context.Skip(Math.Max(0, request.Context.Count - contextPhrases)).ToList();
        if (context.Count > 0)
        {
            b.Append("\nPrevious phrases of the speaker, for context only (do not translate them again):");
            foreach (var phrase in context)
            {
                b.Append("\n- ").Append(phrase);
            }
        }

        return b.ToString();
    }

    /// <summary>
    /// The answer with a reasoning model's think block, wrapping quotes and stray whitespace removed; what remains is
    /// judged by the fallback's check.
    /// </summary>
    public static string Clean(string answer)
    {
        var text = answer;
        var end = text.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (text.TrimStart().StartsWith("<think>", StringComparison.OrdinalIgnoreCase) && end >= 0)
        {
            text = text[(end + "</think>".Length)..];
        }

        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Trim();
        }

        return text;
    }
}
