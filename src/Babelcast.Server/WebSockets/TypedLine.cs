using System.Text;
using System.Text.Json;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>The <c>text</c> of a speaker's <c>typed</c> message, validated: one line a listener can read and hear.</summary>
internal static class TypedLine
{
    /// <summary>About two spoken sentences; longer text belongs in prepared text, cue by cue.</summary>
    public const int MaxLength = 500;

    /// <summary>The line with control characters and runs of white space collapsed to one space; null with an error.</summary>
    public static string? Read(JsonElement message, out string? error)
    {
        if (!message.TryGetProperty(MessageFields.Text, out var field) || field.ValueKind != JsonValueKind.String)
        {
            error = "A typed message needs \"text\": a string.";
            return null;
        }

        var text = Collapse(field.GetString()!);
        if (text.Length == 0 || text.Length > MaxLength)
        {
            error = $"A typed line has 1 to {MaxLength} characters (this one has {text.Length}).";
            return null;
        }

        error = null;
        return text;
    }

    /// <summary>Control characters and runs of white space collapsed to one space, trimmed.</summary>
    public static string Collapse(string raw)
    {
        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!space)
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
