using System.Text;

namespace Babelcast.Engines.Apertium.Pipelines;

/// <summary>The null-flush stream format: escaped text, "\n\0" per request, a reply ending in '\0'.</summary>
internal static class ApertiumProtocol
{
    // Apertium's stream syntax characters; unescaped they would be read as lexical units or blanks.
    private const string Reserved = "\\^$/<>@*[]{}";

    public static byte[] Encode(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                // A stray '\0' would end the request early; newlines would split the sentence.
                builder.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        // Without the "\n" the last word is not disambiguated: "Hello world." -> "Hola Mundial".
        builder.Append("\n\0");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public static string Decode(ReadOnlySpan<byte> reply)
    {
        var text = Encoding.UTF8.GetString(reply);
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
