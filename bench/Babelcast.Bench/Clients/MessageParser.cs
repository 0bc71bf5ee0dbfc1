using System.Text.Json;
using Babelcast.Core.Protocol;

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
                case MessageFields.Type: type = reader.GetString(); break;
                case MessageFields.Seq: seq = reader.GetInt64(); break;
                case MessageFields.Final: final = reader.GetBoolean(); break;
                case MessageFields.Replay: replay = reader.GetBoolean(); break;
                case MessageFields.Code: code = reader.GetString(); break;
                case MessageFields.StartMs when detailed: startMs = reader.GetInt64(); break;
                case MessageFields.EndMs when detailed: endMs = reader.GetInt64(); break;
                case MessageFields.Text when detailed: text = reader.GetString(); break;
                case MessageFields.Timings: timings = ReadTimings(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        var kind = type switch
        {
            MessageTypes.Caption or MessageTypes.Transcript => final ? ArrivalKind.FinalCaption : ArrivalKind.PartialCaption,
            MessageTypes.Audio => ArrivalKind.AudioHeader,
            MessageTypes.SessionJoined or MessageTypes.Connected => ArrivalKind.Joined,
            MessageTypes.Error => ArrivalKind.Error,
            MessageTypes.SessionEnded => ArrivalKind.SessionEnded,
            _ => ArrivalKind.Other,
        };
        var detail = detailed && kind is ArrivalKind.FinalCaption or ArrivalKind.PartialCaption or ArrivalKind.AudioHeader
            ? new MessageDetail(startMs, endMs, text ?? string.Empty, timings ?? [])
            : null;
        var since = timings is not null && timings.TryGetValue(MessageFields.SinceSpeechEndMs, out var ms) ? (float)ms : float.NaN;
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
