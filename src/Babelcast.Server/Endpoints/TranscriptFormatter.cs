using System.Globalization;
using System.Text;

namespace Babelcast.Server.Endpoints;

/// <summary>Plain text, SubRip and WebVTT renderings of a transcript.</summary>
internal static class TranscriptFormatter
{
    public static IReadOnlyList<string> Formats { get; } = ["txt", "srt", "vtt"];

    public static string ContentType(string format) => format switch
    {
        "srt" => "application/x-subrip; charset=utf-8",
        "vtt" => "text/vtt; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    public static string Render(string format, IEnumerable<TranscriptLine> lines)
    {
        var sb = new StringBuilder();
        if (format == "vtt")
        {
            sb.Append("WEBVTT\n\n");
        }

        var index = 0;
        foreach (var line in lines)
        {
            // Cue text must not hold blank lines (they end a cue); plain text keeps one phrase per line.
            var text = line.Text.ReplaceLineEndings(" ").Trim();
            switch (format)
            {
                case "srt":
                    sb.Append(++index).Append('\n')
                        .Append(Timestamp(line.StartMs, ',')).Append(" --> ").Append(Timestamp(End(line), ',')).Append('\n')
                        .Append(text).Append("\n\n");
                    break;
                case "vtt":
                    sb.Append(Timestamp(line.StartMs, '.')).Append(" --> ").Append(Timestamp(End(line), '.')).Append('\n')
                        .Append(text).Append("\n\n");
                    break;
                default:
                    sb.Append(text).Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>HH:MM:SS,mmm (SubRip) or HH:MM:SS.mmm (WebVTT); hours may exceed 99 for very long sessions.</summary>
    internal static string Timestamp(long ms, char separator)
    {
        ms = Math.Max(0, ms);
        var hours = ms / 3_600_000;
        var minutes = ms / 60_000 % 60;
        var seconds = ms / 1000 % 60;
        var millis = ms % 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}{separator}{millis:000}");
    }

    // A cue needs a positive duration; a phrase whose end was not recorded lasts a token second.
    private static long End(TranscriptLine line) => line.EndMs > line.StartMs ? line.EndMs : line.StartMs + 1000;
}
