namespace Babelcast.Core.Tests.Protocol;

/// <summary>
/// Lists the string literals of C# source (regular, verbatim, raw and interpolated, with the literals inside
/// interpolation holes), skipping comments and character literals. A lexer, not a parser: enough to find literals.
/// </summary>
internal static class StringLiteralScanner
{
    public static List<string> Literals(string source)
    {
        var found = new List<string>();
        var i = 0;
        ScanCode(source, ref i, found, inHole: false);
        return found;
    }

    private static void ScanCode(string s, ref int i, List<string> found, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(s, i + 1) == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
            }
            else if (c == '\'')
            {
                i += At(s, i + 1) == '\\' ? 3 : 2;
                while (i < s.Length && s[i] != '\'')
                {
                    i++;
                }
                i++;
            }
            else if (c == '"' || ((c == '$' || c == '@') && StartsString(s, i)))
            {
                found.Add(ReadString(s, ref i, found));
            }
            else if (inHole && c == '{')
            {
                depth++;
                i++;
            }
            else if (inHole && c == '}' && depth-- == 0)
            {
                return;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool StartsString(string s, int i)
    {
        while (i < s.Length && (s[i] == '$' || s[i] == '@'))
        {
            i++;
        }
        return At(s, i) == '"';
    }

    private static string ReadString(string s, ref int i, List<string> found)
    {
        var start = i;
        while (s[i] != '"')
        {
            i++;
        }
        var prefix = s[start..i];
        var interpolated = prefix.Contains('$');
        var verbatim = prefix.Contains('@');
        var quotes = 0;
        while (At(s, i + quotes) == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // Raw literal: everything up to the same run of quotes (holes of interpolated raw literals kept as text).
            var close = new string('"', quotes);
            var end = s.IndexOf(close, i + quotes, StringComparison.Ordinal);
            var text = end < 0 ? s[(i + quotes)..] : s[(i + quotes)..end];
            i = end < 0 ? s.Length : end + quotes;
            return text;
        }

        if (quotes == 2 && !verbatim)
        {
            i += 2;
            return string.Empty;
        }

        i++;
        var sb = new System.Text.StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"' && verbatim && At(s, i + 1) == '"')
            {
                sb.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                i++;
                break;
            }
            else if (c == '\\' && !verbatim)
            {
                sb.Append(At(s, i + 1));
                i += 2;
            }
            else if (interpolated && (c is '{' or '}') && At(s, i + 1) == c)
            {
                sb.Append(c);
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                i++;
                ScanCode(s, ref i, found, inHole: true);
                i++;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
