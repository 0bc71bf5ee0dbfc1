using System.Text.Json;

namespace Babelcast.Bench.Clients;

/// <summary>Reads the few top-level fields of a server message without building a document.</summary>
internal static class MessageParser
{
    public static (ArrivalKind Kind, long Seq, bool Replay, float ServerMs, string? Code, MessageDetail? Detail) Parse(ReadOnlySpan<byte> json, bool detailed)
    {
        var reader = new Utf8JsonReader(json);
        string? type = null, code = null, text = null;
        long seq = 0, startMs = 0, endMs = 0;
        bool final = false, replay = false;
        Dictionary<string, double>? timings = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (ArrivalKind.Other, 0, false, float.NaN, null, null);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type": type = reader.GetString(); break;
                case "seq": seq = reader.GetInt64(); break;
                case "final": final = reader.GetBoolean(); break;
                case "replay": replay = reader.GetBoolean(); break;
                case "code": code = reader.GetString(); break;
                case "startMs" when detailed: startMs = reader.GetInt64(); break;
                case "endMs" when detailed: endMs = reader.GetInt64(); break;
                case "text" when detailed: text = reader.GetString(); break;
                case "timings": timings = ReadTimings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        var kind = type switch
        {
            "caption" or "transcript" => final ? ArrivalKind.FinalCaption : ArrivalKind.PartialCaption,
            "audio" => ArrivalKind.AudioHeader,
            "sessionJoined" or "connected" => ArrivalKind.Joined,
            "error" => ArrivalKind.Error,
            "sessionEnded" => ArrivalKind.SessionEnded,
            _ => ArrivalKind.Other,
        };
        var detail = detailed && kind is ArrivalKind.FinalCaption or ArrivalKind.PartialCaption or ArrivalKind.AudioHeader
            ? new MessageDetail(startMs, endMs, text ?? string.Empty, timings ?? [])
            : null;
        var since = timings is not null && timings.TryGetValue("sinceSpeechEndMs", out var ms) ? (float)ms : float.NaN;
        return (kind, seq, replay, since, code, detail);
    }

    private static Dictionary<string, double> ReadTimings(ref Utf8JsonReader reader)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return result;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number)
            {
                result[name] = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return result;
    }
}
