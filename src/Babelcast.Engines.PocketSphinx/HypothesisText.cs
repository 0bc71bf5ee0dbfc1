namespace Babelcast.Engines.PocketSphinx;

/// <summary>
/// Cleans a hypothesis: drops filler tokens (&lt;s&gt;, &lt;sil&gt;, [NOISE], ++GARBAGE++) and alternate
/// pronunciation marks ("word(2)"). ps_get_hyp normally omits them; this guards other search modes.
/// </summary>
internal static class HypothesisText
{
    public static string Clean(string? hypothesis)
    {
        if (string.IsNullOrWhiteSpace(hypothesis))
        {
            return string.Empty;
        }

        var words = new List<string>();
        foreach (var token in hypothesis.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsFiller(token))
            {
                continue;
            }

            var word = StripVariant(token);
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        return string.Join(' ', words);
    }

    private static bool IsFiller(string token) =>
        (token.StartsWith('<') && token.EndsWith('>'))
        || (token.StartsWith('[') && token.EndsWith(']'))
        || (token.Length > 4 && token.StartsWith("++", StringComparison.Ordinal) && token.EndsWith("++", StringComparison.Ordinal));

    private static string StripVariant(string token)
    {
        if (!token.EndsWith(')'))
        {
            return token;
        }

        var open = token.LastIndexOf('(');
        if (open < 0 || open == token.Length - 2)
        {
            return token;
        }

        for (var i = open + 1; i < token.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(token[i]))
            {
                return token;
            }
        }

        return token[..open];
    }
}
