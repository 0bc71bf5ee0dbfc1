using System.Globalization;
using System.Text;
using Babelcast.Core.Protocol;
using Babelcast.Server.WebSockets;

namespace Babelcast.Server.Operator;

/// <summary>
/// Reads prepared text: one cue per non-blank line; a Markdown heading (<c># Title</c> to <c>###### Title</c>) starts
/// a section and is not a cue. Limits keep a script within what a session can translate ahead and hold in memory.
/// </summary>
internal static class ScriptParser
{
    public const int MaxBytes = 256 * 1024;

    public const int MaxCues = 2000;

    /// <summary>A cue is spoken as one phrase, as a typed line is.</summary>
    public const int MaxLineLength = TypedLine.MaxLength;

    public static (IReadOnlyList<ScriptCue>? Cues, OperatorRefusal? Refusal) Parse(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return (null, TooLarge($"Prepared text is limited to {MaxBytes} bytes of UTF-8."));
        }

        var cues = new List<ScriptCue>();
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = Collapse(raw);
            if (line.Length == 0)
            {
                continue;
            }

            if (Heading(line) is { } heading)
            {
                section = heading.Length == 0 ? null : heading;
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                return (null, TooLarge(string.Create(CultureInfo.InvariantCulture,
                    $"Line {number} has {line.Length} characters; a cue has at most {MaxLineLength} (split it into sentences, one per line).")));
            }

            if (cues.Count == MaxCues)
            {
                return (null, TooLarge($"Prepared text is limited to {MaxCues} cues (non-blank lines that are not headings)."));
            }

            cues.Add(new ScriptCue(cues.Count, section, line));
        }

        return cues.Count == 0
            ? (null, new OperatorRefusal(ErrorCodes.ValidationFailed, "The prepared text has no lines to send (blank lines and headings are not cues)."))
            : (cues, null);
    }

    private static OperatorRefusal TooLarge(string message) => new(ErrorCodes.ScriptTooLarge, message);

    /// <summary>The heading's title for a Markdown ATX heading (1 to 6 '#' and a space), else null.</summary>
    private static string? Heading(string line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        if (hashes is 0 or > 6 || (hashes < line.Length && line[hashes] != ' '))
        {
            return null;
        }

        return line[hashes..].Trim().TrimEnd('#').Trim();
    }

    private static string Collapse(string raw)
    {
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }
}
